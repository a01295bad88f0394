// The floor a scan is measured against: list the tree the fastest way (git; a walk where it is
// not a git work tree), read every listed
// file once, and with --parse also run banjia's own prefilter (the same markers, joined the same
// way) and parse the matching code files with the same TypeScript parser, loaded through the same
// code cache (no binding, no type checker, no report): what no type-aware scan can avoid.
// Usage: node bench/floor.mjs <tree> [--parse]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2]);
const parse = process.argv.includes('--parse');

/** Every file but node_modules and .git, for a tree that is not a git work tree (a `git archive` extract). */
function walk(folder, prefix = '') {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    if (entry.isDirectory()) out.push(...walk(path.join(folder, entry.name), `${prefix}${entry.name}/`));
    else if (entry.isFile()) out.push(`${prefix}${entry.name}`);
  }
  return out;
}

function listFiles() {
  try {
    return execFileSync('git', ['-C', root, 'ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter(Boolean);
  } catch {
    return walk(root);
  }
}
const files = listFiles();
const CODE = /\.(m|c)?[jt]sx?$/i;
let bytes = 0;
const candidates = [];
const { ALL_MARKERS } = parse ? await import('../dist/sdks/markers.js') : { ALL_MARKERS: [] };
// Build output and vendored code are never parsed by banjia, so the floor does not parse them either.
const { GENERATED_DIRS, markerTest } = parse ? await import('../dist/pipeline/discover.js') : { GENERATED_DIRS: [] };
const prefilter = parse ? markerTest(ALL_MARKERS) : () => false;
if (parse) (await import('../dist/compile-cache.js')).enableCompileCache();
const generated = (file) => file.split('/').slice(0, -1).some((dir) => GENERATED_DIRS.includes(dir)) || /\.min\.[cm]?js$|\.d\.[cm]?ts$/.test(file);
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    continue;
  }
  bytes += text.length;
  if (parse && CODE.test(file) && !generated(file) && prefilter(text)) candidates.push([file, text]);
}
let nodes = 0;
if (parse) {
  // The TypeScript that ts-morph bundles, loaded as banjia loads it (the compiler file alone).
  const { ts } = await import('../dist/analysis/ts.js');
  for (const [file, text] of candidates) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.tsx?$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.JSX);
    nodes += sf.statements.length;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, candidates: candidates.length, statements: nodes })}\n`);
