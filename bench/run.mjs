// `npm run bench`: generates the trees, then times, side by side in the same rounds, the floor
// (list + read; + parse the candidates), `migrate scan`, `migrate apply --dry-run` and ast-grep
// with an equivalent rule set. Prints medians, peak RSS and ratios; writes JSON.
//   --sizes 1000,5000,20000   synthetic tree sizes (files)      --runs 5     timed rounds
//   --real <files>            real-shaped tree size (0: none)   --seed 1
//   --quick                   tiny trees, one round, no warm-up: a smoke test of the bench itself
//   --json <file>             default bench/results/latest.json  --keep   trees stay for the next run
//   --dir <folder>            where the trees go (default: <tmp>/banjia-bench)
//   --tree <path>             a real checkout instead of the generated trees (repeatable)
//   --trees <folder>          every checkout in a folder (its sub-folders)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realShapedTree, syntheticTree, treeDigest, writeTree } from './generate.mjs';
import { measure, median, rssSource } from './measure.mjs';
import { goals, ratios, renderTable } from './report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(HERE);

function parseArgs(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const quick = argv.includes('--quick');
  const given = argv.flatMap((a, i) => (a === '--tree' ? [path.resolve(argv[i + 1])] : []));
  const folder = value('trees');
  if (folder) for (const name of readdirSync(folder).sort()) if (statSync(path.join(folder, name)).isDirectory()) given.push(path.resolve(folder, name));
  // Real checkouts replace the generated trees unless sizes are asked for as well.
  const generated = !given.length || argv.includes('--sizes') || argv.includes('--real');
  return {
    quick,
    realTrees: given,
    sizes: generated ? value('sizes', quick ? '300' : '1000,5000,20000').split(',').filter(Boolean).map(Number) : [],
    real: generated ? Number(value('real', quick ? '400' : '3000')) : 0,
    runs: Number(value('runs', quick ? '1' : '5')),
    seed: Number(value('seed', '1')),
    json: value('json', path.join(HERE, 'results', quick ? 'quick.json' : 'latest.json')),
    keep: argv.includes('--keep'),
    work: value('dir', path.join(os.tmpdir(), 'banjia-bench')),
  };
}

function astGrepBinary() {
  const require = createRequire(import.meta.url);
  const exe = process.platform === 'win32' ? 'ast-grep.exe' : 'ast-grep';
  try {
    // The postinstall links the platform binary next to the package; the platform package has it too.
    const placed = path.join(path.dirname(require.resolve('@ast-grep/cli/package.json')), exe);
    if (existsSync(placed)) return placed;
    const platform = `@ast-grep/cli-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : ''}`;
    const own = path.join(path.dirname(require.resolve(`${platform}/package.json`)), exe);
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

/** The trees of this run; a tree already on disk with the same digest is reused (--keep). */
function prepareTrees(options) {
  const trees = options.sizes.map((files) => ({
    name: `synthetic-${files}`,
    entries: syntheticTree({ seed: options.seed, files, candidateRate: files >= 20000 ? 0.01 : 0.03 }),
  }));
  if (options.real > 0) {
    const copies = Math.max(1, Math.round(options.real / 400));
    trees.push({ name: `real-shaped-${options.real}`, entries: realShapedTree({ seed: options.seed, files: options.real, copies, evalDir: path.join(REPO, 'fixtures/eval') }) });
  }
  const real = options.realTrees.map((dir) => ({ name: path.basename(dir), dir, digest: checkoutDigest(dir), real: true }));
  return [...real, ...trees.map(({ name, entries }) => {
    const digest = treeDigest(entries);
    const dir = path.join(options.work, `seed${options.seed}`, name);
    const stamp = path.join(dir, '.git', 'bench-digest');
    if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === digest.sha256)) {
      writeTree(dir, entries);
      writeFileSync(stamp, digest.sha256);
    }
    return { name, dir, digest };
  })];
}

/** What a real checkout is: its commit when it is a git work tree, and its JS/TS files and bytes. */
function checkoutDigest(dir) {
  if (!existsSync(dir)) throw new Error(`bench: no such tree: ${dir}`);
  let commit = null;
  try {
    commit = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git work tree: the file count says what was measured
  }
  let files = 0;
  let bytes = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(m|c)?[jt]sx?$/.test(entry.name)) {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { files, bytes, sha256: commit ?? 'not-git', commit };
}

function commands(dir, sg) {
  const node = process.execPath;
  const bin = path.join(REPO, 'bin', 'migrate.js');
  const list = [
    { id: 'floor', argv: [node, path.join(HERE, 'floor.mjs'), dir] },
    { id: 'floorParse', argv: [node, path.join(HERE, 'floor.mjs'), dir, '--parse'] },
    { id: 'scan', argv: [node, bin, 'scan', dir, '--format', 'json'] },
    // exit 1 is apply's "changes pending", the expected outcome of a dry run on OpenAI code
    { id: 'apply', argv: [node, bin, 'apply', dir, '--dry-run', '--provider', 'qwen', '--format', 'json'], okCodes: [0, 1] },
  ];
  if (sg) list.push({ id: 'astGrep', argv: [sg, 'scan', '-c', path.join(HERE, 'ast-grep', 'sgconfig.yml'), '--json=stream', dir] });
  return list;
}

/** What each tool found, from the warm-up run's output: shows the tools did comparable work. */
function found(id, text) {
  if (id === 'scan' || id === 'apply') {
    const report = JSON.parse(text);
    return { listed: report.summary.listed, candidates: report.summary.candidates, findings: report.findings.length, changed: report.summary.changed, typeChecked: report.summary.typeChecked.asked };
  }
  if (id === 'astGrep') {
    const matches = text.trim() ? text.trim().split('\n').map((line) => JSON.parse(line)) : [];
    return { matches: matches.length, files: new Set(matches.map((m) => m.file)).size };
  }
  return JSON.parse(text);
}

async function benchTree(tree, options, sg) {
  const env = { ...process.env, CI: '1', NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  const list = commands(tree.dir, sg);
  const out = path.join(options.work, `out-${process.pid}.txt`);
  const counts = {};
  // Warm-up (page cache, code cache), not timed; a --quick smoke skips it.
  if (!options.quick) for (const command of list) await measure(command.argv, { env, stdout: out, okCodes: command.okCodes });
  const samples = Object.fromEntries(list.map((c) => [c.id, []]));
  for (let round = 0; round < options.runs; round++) {
    // Rotate the order each round so that no tool always runs right after the same neighbour.
    for (let i = 0; i < list.length; i++) {
      const command = list[(i + round) % list.length];
      samples[command.id].push(await measure(command.argv, { env, stdout: out, okCodes: command.okCodes }));
      counts[command.id] ??= found(command.id, readFileSync(out, 'utf8'));
    }
  }
  const results = Object.fromEntries(
    Object.entries(samples).map(([id, runs]) => [
      id,
      {
        wallMs: Math.round(median(runs.map((r) => r.wallMs))),
        minMs: Math.round(Math.min(...runs.map((r) => r.wallMs))),
        rssMB: Math.round(median(runs.map((r) => r.rssMB))),
        runs: runs.map((r) => Math.round(r.wallMs)),
      },
    ]),
  );
  rmSync(out, { force: true });
  return { name: tree.name, files: tree.digest.files, bytes: tree.digest.bytes, sha256: tree.digest.sha256, ...(tree.digest.commit ? { commit: tree.digest.commit } : {}), found: counts, results, ratios: ratios(results) };
}

/** `--version` and `--help` load neither TypeScript nor inquirer: their time is Node's start plus the CLI's. */
async function startup(options) {
  const bin = path.join(REPO, 'bin', 'migrate.js');
  const out = {};
  for (const flag of ['--version', '--help']) {
    const runs = [];
    for (let i = 0; i < options.runs; i++) runs.push(await measure([process.execPath, bin, flag]));
    out[flag.slice(2)] = { wallMs: Math.round(median(runs.map((r) => r.wallMs))), rssMB: Math.round(median(runs.map((r) => r.rssMB))) };
  }
  return out;
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(REPO, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
const sg = astGrepBinary();
if (!sg) process.stderr.write('bench: @ast-grep/cli binary not found (npm install); ast-grep column skipped\n');
mkdirSync(options.work, { recursive: true });
const trees = prepareTrees(options);
const report = {
  schemaVersion: 1,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage: os.loadavg().map((n) => +n.toFixed(2)), rssSource },
  options: { seed: options.seed, runs: options.runs, sizes: options.sizes, real: options.real, quick: options.quick, trees: options.realTrees },
  trees: [],
};
report.startup = await startup(options);
for (const tree of trees) {
  process.stderr.write(`bench: ${tree.name} (${tree.digest.files} files) …\n`);
  const result = await benchTree(tree, options, sg);
  result.goals = goals(result);
  report.trees.push(result);
}
if (!options.keep) {
  // Only this run's generated trees: a real checkout is never removed, nor trees kept by --keep.
  for (const tree of trees) if (!tree.real) rmSync(tree.dir, { recursive: true, force: true });
}
mkdirSync(path.dirname(options.json), { recursive: true });
writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(renderTable(report));
process.stdout.write(`\nJSON: ${path.relative(process.cwd(), options.json) || options.json}\n`);
