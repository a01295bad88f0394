/**
 * Odd inputs never hang or loop a run: a FIFO named like an env file, an ignore file or a source
 * file is passed over (never opened for a blocking read); an unusable cache folder means no cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-inputs-');

/** Runs the CLI with a guard against a hang (a hung run is killed and reported as status null). */
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'migrate.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env },
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CALL = `import OpenAI from 'openai';
import { helper } from './lib';
const client = new OpenAI();
export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [helper] });
`;

const mkfifo = (file: string) => spawnSync('mkfifo', [file]).status === 0;

describe('special files', () => {
  it.skipIf(process.platform === 'win32')('FIFOs named .env, .env.local, .migrateignore and like source files never hang the scan', () => {
    const dir = project({ 'package.json': '{"name":"fifo"}\n', 'src/app.ts': CALL });
    for (const name of ['.env', '.env.local', '.migrateignore', 'src/lib.ts', 'src/other.js']) expect(mkfifo(path.join(dir, name))).toBe(true);
    const result = cli(['scan', '--format', 'json', dir]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; ruleId: string }> };
    expect(report.findings.some((f) => f.file === 'src/app.ts' && f.ruleId === 'openai/chatCompletion')).toBe(true);
    const check = cli(['check', '--provider', 'qwen', dir]);
    expect(check.code).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named as the file to scan is a usage error', () => {
    const dir = project({});
    expect(mkfifo(path.join(dir, 'pipe.ts'))).toBe(true);
    const result = cli(['scan', path.join(dir, 'pipe.ts')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a file or directory');
  });
});

describe('the compile cache', () => {
  it.skipIf(process.platform !== 'linux')('XDG_CACHE_HOME=/proc falls back to no cache instead of looping', () => {
    const dir = project({ 'package.json': '{"name":"cache"}\n', 'src/app.ts': CALL.replace("import { helper } from './lib';\n", '').replace('[helper]', '[]') });
    // --verbose: the file's only finding is info-level, shown with --verbose since issue 14.
    const result = cli(['scan', dir, '--verbose'], { XDG_CACHE_HOME: '/proc', BANJIA_NO_COMPILE_CACHE: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('src/app.ts');
  });

  it('a cache folder that is a file falls back to no cache', () => {
    const dir = project({ 'cache': 'not a folder', 'src/app.ts': 'export const x = 1;\n' });
    const result = cli(['scan', path.join(dir, 'src')], { XDG_CACHE_HOME: path.join(dir, 'cache'), BANJIA_NO_COMPILE_CACHE: '' });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'cache'), 'utf8')).toBe('not a folder');
  });
});

describe('old compile caches', () => {
  it('are removed when a cache is written, in every Node version’s folder; one in use is kept and marked as used', () => {
    const dir = project({ 'package.json': '{"name":"prune"}\n', 'src/app.ts': CALL.replace("import { helper } from './lib';\n", '').replace('[helper]', '[]') });
    const cache = path.join(dir, '.cache');
    const env = { XDG_CACHE_HOME: cache, BANJIA_NO_COMPILE_CACHE: '' };
    const banjia = path.join(cache, 'banjia');
    const days = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);
    const put = (folder: string, name: string, age: number) => {
      mkdirSync(path.join(banjia, folder), { recursive: true });
      writeFileSync(path.join(banjia, folder, name), 'old');
      utimesSync(path.join(banjia, folder, name), days(age), days(age));
    };
    const current = `v8-${process.version}-${process.arch}`;
    put('v8-v0.0.0-x64', 'a'.repeat(24) + '.bin', 40);
    put(current, 'b'.repeat(24) + '.bin', 40);
    put(current, 'c'.repeat(24) + '.bin', 3);
    put(current, 'notes.txt', 40);
    expect(cli(['scan', path.join(dir, 'src')], env).code).toBe(0);
    expect(existsSync(path.join(banjia, 'v8-v0.0.0-x64'))).toBe(false);
    const left = readdirSync(path.join(banjia, current));
    expect(left).not.toContain('b'.repeat(24) + '.bin');
    expect(left).toContain('c'.repeat(24) + '.bin');
    expect(left).toContain('notes.txt');
    // The run's own caches were written; one used again two days later is marked as used.
    const own = left.filter((name) => name.endsWith('.bin') && !name.startsWith('c'));
    expect(own.length).toBeGreaterThan(0);
    for (const name of own) utimesSync(path.join(banjia, current, name), days(2), days(2));
    expect(cli(['scan', path.join(dir, 'src')], env).code).toBe(0);
    for (const name of own) expect(Date.now() - statSync(path.join(banjia, current, name)).mtimeMs).toBeLessThan(3600 * 1000);
  });
});

describe('the compile cache after a large scan', () => {
  it('is taken by the next run: it carries the flags runs start with, not those a large scan sets', () => {
    // From 2 M characters of candidate source a scan changes V8 flags (heap sizing, gc); a cache
    // written after that was rejected by every later run, and written again each time.
    const files: Record<string, string> = { 'package.json': '{"name":"large"}\n' };
    const rows = Array.from({ length: 460 }, (_, i) => `  [${i}, 'row ${i} of the table', ${i * 7}, ${i % 3 === 0}],`).join('\n');
    for (let i = 0; i < 100; i++) files[`src/part${i}.ts`] = `import OpenAI from 'openai';\nexport const client${i} = new OpenAI();\nexport const table${i} = [\n${rows}\n];\n`;
    expect(Object.values(files).reduce((sum, text) => sum + text.length, 0)).toBeGreaterThan(2_000_000);
    const dir = project(files);
    const cache = path.join(dir, '.cache');
    const env = { XDG_CACHE_HOME: cache, BANJIA_NO_COMPILE_CACHE: '' };
    expect(cli(['scan', '--format', 'json', path.join(dir, 'src')], env).code).toBe(0);
    const written = () => {
      const folder = path.join(cache, 'banjia', readdirSync(path.join(cache, 'banjia'))[0]!);
      return readdirSync(folder).map((name) => `${name} ${statSync(path.join(folder, name)).ino}`).sort();
    };
    const first = written();
    expect(first.length).toBeGreaterThan(0);
    expect(cli(['scan', '--format', 'json', path.join(dir, 'src')], env).code).toBe(0);
    // Taken, so not written again: the same files, not replaced.
    expect(written()).toEqual(first);
  });
});

describe('config search', () => {
  const APP = "import OpenAI from 'openai';\nexport const c = new OpenAI();\n";

  it('stops at the project root: a malformed package.json and a migrate.config.cjs above it are never read or run', () => {
    const outer = project({
      'package.json': '{ "name": "outer", ',
      'migrate.config.cjs': "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'EXECUTED'), 'yes');\nmodule.exports = { provider: 'qwen' };\n",
      'proj/package.json': '{ "name": "proj" }\n',
      'proj/src/app.ts': APP,
    });
    const result = cli(['scan', '--format', 'json', path.join(outer, 'proj')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).target ?? null).toBeNull();
    expect(existsSync(path.join(outer, 'EXECUTED'))).toBe(false);
  });

  it('inside git, a sub-folder still finds the config at the work tree root (monorepos)', () => {
    const repo = project({ 'migrate.config.json': '{ "provider": "deepseek" }\n', 'packages/app/package.json': '{ "name": "app" }\n', 'packages/app/src/app.ts': APP });
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const result = cli(['scan', '--format', 'json', path.join(repo, 'packages/app')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).target.provider).toBe('deepseek');
  });

  it.each([
    ['package.json', '{\n  "name": "p",\n  "migrate": { "provider": "qwen", }\n}\n', /invalid JSON in .*package\.json:3: /],
    ['package.json', '{\n  "name": "p",\n  "migrate": {\n    "provider": "qwen",\n    "regoin": "cn"\n  }\n}\n', /invalid config in .*package\.json:5: .*regoin/],
    ['migrate.config.json', '{\n  "provider": "qwen",\n  "modelMap": 7\n}\n', /invalid config in .*migrate\.config\.json:3: modelMap/],
    ['migrate.config.mjs', 'export default {\n  provider: "qwen",\n  x: (,\n};\n', /could not load the config .*migrate\.config\.mjs:3: /],
    ['migrate.config.cjs', 'const a = 1;\nthrow new Error("boom");\n', /could not load the config .*migrate\.config\.cjs:2: boom/],
  ])('an error in %s names the file and the line', (name, text, message) => {
    const dir = project({ 'package.json': '{ "name": "p" }\n', 'src/app.ts': APP, [name]: text });
    const result = cli(['scan', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('internal error');
  });
});
