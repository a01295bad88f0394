// Deterministic bench trees: the same seed and size always give the same paths and bytes, so
// figures from two runs (or two machines) are about the same input. Two shapes:
//  - synthetic: a pnpm-style monorepo of ordinary app code with a set share of OpenAI files in
//    several styles, look-alikes, git-ignored build output, a committed bundle and vendored code;
//  - real: copies of the labelled eval projects (fixtures/eval) as apps of one monorepo, plus filler.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OTHER_FILES, STYLES, appFile, bundleFile, lookalikeFile, openaiFile, pick, testFile, vendorFile } from './templates.mjs';

/** mulberry32: tiny, fast and the same everywhere. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['api', 'components', 'hooks', 'lib', 'services', 'utils', 'routes', 'models'];
const PKG_NAMES = ['billing', 'catalog', 'checkout', 'search', 'admin', 'auth', 'notifications', 'analytics', 'support', 'shipping', 'inventory', 'reports'];
const GITIGNORE = 'node_modules/\npackages/*/dist/\ncoverage/\n*.log\n.env\n';

function rootFiles(name) {
  return [
    ['package.json', `${JSON.stringify({ name, private: true, workspaces: ['packages/*', 'apps/*'] }, null, 2)}\n`],
    ['.gitignore', GITIGNORE],
    ['.env.example', 'OPENAI_API_KEY=\nOPENAI_BASE_URL=\nDATABASE_URL=postgres://localhost/app\n'],
    ['docker-compose.yml', 'services:\n  api:\n    image: app/api\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n      DATABASE_URL: postgres://db/app\n'],
  ];
}

/**
 * Synthetic monorepo of exactly `files` files. `candidateRate` is the share of files that really
 * use OpenAI; look-alikes (0.5%) come on top and must be parsed and dropped.
 */
export function syntheticTree({ seed = 1, files = 1000, candidateRate = 0.03, lookalikeRate = 0.005, name = 'bench-monorepo' } = {}) {
  const rand = random(seed * 7919 + files);
  const out = rootFiles(name);
  const packages = Math.max(2, Math.round(files / 250));
  const pkgs = [];
  for (let i = 0; i < packages; i++) {
    const dir = `packages/${PKG_NAMES[i % PKG_NAMES.length]}-${i}`;
    pkgs.push({ dir, modules: [] });
    out.push([`${dir}/package.json`, `${JSON.stringify({ name: `@app/${path.basename(dir)}`, version: '1.0.0', main: 'dist/index.js' }, null, 2)}\n`]);
    out.push([`${dir}/tsconfig.json`, '{ "extends": "../../tsconfig.base.json", "include": ["src"] }\n']);
  }
  out.push(['actions/notify/dist/index.js', bundleFile(rand, 300, true)]); // committed, as GitHub Actions do
  let serial = 0;
  const place = (pkg, area, base, ext) => `${pkg.dir}/src/${area}/${base}-${serial++}.${ext}`;
  const count = (rate) => Math.round(files * rate);

  const candidates = count(candidateRate);
  const aiPkgs = pkgs.slice(0, Math.max(1, Math.ceil(packages / 3)));
  for (let i = 0; i < candidates; i++) {
    const pkg = aiPkgs[i % aiPkgs.length];
    if (!pkg.client) {
      pkg.client = `${pkg.dir}/src/lib/openai.ts`;
      out.push([pkg.client, openaiFile(rand, 'client-module')]);
      continue;
    }
    const style = pick(rand, STYLES.slice(1));
    const ext = style === 'local-client' ? 'js' : 'ts';
    out.push([place(pkg, pick(rand, ['api', 'services', 'routes']), style, ext), openaiFile(rand, style, '../lib/openai')]);
  }
  for (let i = 0; i < count(lookalikeRate); i++) out.push([place(pick(rand, pkgs), pick(rand, AREAS), 'copy', 'ts'), lookalikeFile(rand)]);
  for (let i = 0; i < count(0.03); i++) {
    const pkg = pick(rand, pkgs);
    out.push([`${pkg.dir}/dist/chunk-${serial++}.js`, bundleFile(rand, 20 + Math.floor(rand() * 100), rand() < 0.3)]);
  }
  for (let i = 0; i < count(0.01); i++) out.push([`${pick(rand, pkgs).dir}/vendor/lib-${serial++}.min.js`, vendorFile(rand)]);
  for (let i = 0; i < count(0.08); i++) {
    const kind = pick(rand, ['json', 'md', 'css']);
    out.push([`${pick(rand, pkgs).dir}/${kind === 'css' ? 'src/styles' : 'docs'}/f-${serial++}.${kind}`, OTHER_FILES[kind](rand)]);
  }
  // Ordinary code fills the rest; a tenth of it gets a test next to it.
  while (out.length < files) {
    const pkg = pick(rand, pkgs);
    const lang = pick(rand, ['ts', 'ts', 'ts', 'ts', 'tsx', 'tsx', 'js', 'mjs']);
    const area = lang === 'tsx' ? 'components' : pick(rand, AREAS);
    const file = place(pkg, area, 'mod', lang);
    const base = path.posix.basename(file).replace(/\.\w+$/, '');
    out.push([file, appFile(rand, lang, pkg.modules.slice(-3))]);
    pkg.modules.push(base);
    if (rand() < 0.1 && out.length < files) out.push([file.replace(/\.\w+$/, '.test.ts'), testFile(rand, base)]);
  }
  return out;
}

function readProject(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...readProject(full, base));
    else if (name !== 'labels.json') out.push([path.relative(base, full).split(path.sep).join('/'), readFileSync(full, 'utf8')]);
  }
  return out;
}

/** `copies` of every eval project as apps/<project>-<k>/, filled up to `files` with ordinary code. */
export function realShapedTree({ seed = 1, files = 3000, copies = 8, evalDir } = {}) {
  const projects = readdirSync(evalDir).filter((p) => statSync(path.join(evalDir, p)).isDirectory()).sort();
  const out = rootFiles('bench-real');
  for (let k = 0; k < copies; k++) {
    for (const project of projects) for (const [file, text] of readProject(path.join(evalDir, project))) out.push([`apps/${project}-${k}/${file}`, text]);
  }
  const filler = syntheticTree({ seed, files: Math.max(0, files - out.length + 5), candidateRate: 0, name: 'filler' }).filter(([file]) => file.startsWith('packages/'));
  return [...out, ...filler.slice(0, Math.max(0, files - out.length))];
}

/** Paths and content hash, order-independent: what the determinism test compares. */
export function treeDigest(entries) {
  const hash = createHash('sha256');
  for (const [file, text] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(`${file}\0${text}\0`);
  return { files: entries.length, bytes: entries.reduce((n, [, t]) => n + Buffer.byteLength(t), 0), sha256: hash.digest('hex') };
}

/** Writes the tree and makes it a git work tree with everything staged, as a real checkout is. */
export function writeTree(dir, entries) {
  rmSync(dir, { recursive: true, force: true });
  const made = new Set();
  for (const [file, text] of entries) {
    const full = path.join(dir, file);
    const parent = path.dirname(full);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true }), made.add(parent);
    writeFileSync(full, text);
  }
  execFileSync('git', ['init', '-q', dir]);
  execFileSync('git', ['-C', dir, 'add', '-A'], { maxBuffer: 64 * 1024 * 1024 });
}
