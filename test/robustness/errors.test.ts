/**
 * User actions and the environment are never "internal error … please report it": `--output` to a
 * folder or into a missing folder, Ctrl-C at a prompt, a `.migrate` that cannot be written, a
 * closed or full stdout, a reader that closes the pipe, a file name with a newline in a diff.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { tempProjects } from '../helpers/tree.js';

const BIN = path.join(REPO, 'bin', 'migrate.js');
const CALL = `import OpenAI from 'openai';
const client = new OpenAI();
export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });
`;

const project = tempProjects('banjia-errors-');

const sh = (script: string, cwd: string) =>
  spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', BIN }, timeout: 120_000 });

describe('--output', () => {
  it('to a folder is a usage error that names it, and nothing is left behind', () => {
    const dir = project({ 'app.ts': CALL, 'out/keep.txt': 'keep' });
    const result = runCli(['scan', '--output', 'out', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output out is a folder');
    expect(result.stderr).not.toContain('internal error');
    expect(readdirSync(dir).sort()).toEqual(['app.ts', 'out']);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['keep.txt']);
  });

  it('into a missing folder makes the folder (scan and cost)', () => {
    const dir = project({ 'app.ts': CALL });
    const result = runCli(['scan', '--format', 'json', '--output', 'reports/ci/scan.json', '.'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/ci/scan.json'), 'utf8')).command).toBe('scan');
    const cost = runCli(['cost', '--output', 'more/cost.txt', '.'], { cwd: dir });
    expect(cost.code).toBe(0);
    expect(existsSync(path.join(dir, 'more/cost.txt'))).toBe(true);
  });
});

describe('the file system refuses', () => {
  it('a .migrate that is not a folder: a clear error naming the path, every file unchanged', () => {
    const dir = project({ 'app.ts': CALL, '.migrate': 'not a folder' });
    const result = runCli(['apply', '--provider', 'qwen', '--yes', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toMatch(/migrate: cannot mkdir .*\.migrate[\\/]journal: a part of the path is not a folder \(ENOTDIR\)/);
    expect(readFileSync(path.join(dir, 'app.ts'), 'utf8')).toBe(CALL);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a read-only .migrate: a clear error naming the path', () => {
    const dir = project({ 'app.ts': CALL });
    mkdirSync(path.join(dir, '.migrate'), { mode: 0o555 });
    const result = runCli(['apply', '--provider', 'qwen', '--yes', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/migrate: cannot \w+ .*\.migrate.*: permission denied \(EACCES\)/);
    expect(readFileSync(path.join(dir, 'app.ts'), 'utf8')).toBe(CALL);
  });
});

describe('standard output', () => {
  it.skipIf(process.platform === 'win32')('a reader that closes the pipe early (| head -3) ends the run quietly, exit 0', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`f${i}.ts`] = CALL;
    const dir = project(files);
    // What `| head -3` does: read a little, then close the pipe.
    const child = spawn(process.execPath, [BIN, 'scan', '--format', 'json', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.skipIf(process.platform !== 'linux')('a closed stdout (>&-) is said on stderr and is exit 2, not a silent exit 0; > /dev/null is a choice', () => {
    const dir = project({ 'app.ts': CALL });
    const result = sh('node "$BIN" scan . >&-', dir);
    expect(result.stderr).toContain('standard output is closed, so the report was not written');
    expect(result.status).toBe(2);
    const discarded = sh('node "$BIN" scan . > /dev/null', dir);
    expect(discarded.stderr).toBe('');
    expect(discarded.status).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('a full stdout (/dev/full) is exit 2 with the reason', () => {
    const dir = project({ 'app.ts': CALL });
    const result = sh('node "$BIN" scan . > /dev/full', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not write the report to standard output (ENOSPC)');
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('--format diff', () => {
  it.skipIf(process.platform === 'win32')('quotes a file name with a newline as git does, so git apply takes the patch', () => {
    const name = 'we\nird.ts';
    const dir = project({ [name]: CALL });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const result = runCli(['apply', '--dry-run', '--provider', 'qwen', '--format', 'diff', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('diff --git "a/we\\nird.ts" "b/we\\nird.ts"');
    writeFileSync(path.join(dir, '..', `${path.basename(dir)}.patch`), result.stdout);
    try {
      execFileSync('git', ['apply', path.join(dir, '..', `${path.basename(dir)}.patch`)], { cwd: dir });
    } finally {
      rmSync(path.join(dir, '..', `${path.basename(dir)}.patch`));
    }
    expect(readFileSync(path.join(dir, name), 'utf8')).toContain('DASHSCOPE_API_KEY');
  });
});

describe('Ctrl-C at a prompt', () => {
  it.skipIf(process.platform === 'win32')('says "cancelled, nothing written" and exits 130; no file changes', () => {
    const dir = project({ 'a.ts': "import OpenAI from 'openai';\nexport const a = new OpenAI();\n" });
    const spec = {
      cmd: [process.execPath, BIN, 'apply', '.', '--provider', 'qwen'],
      cwd: dir,
      env: { LANG: 'en_US.UTF-8', NO_COLOR: '1' },
      steps: [['Write a\\.ts\\?', ['\u0003']]],
      timeout: 90,
    };
    const result = spawnSync('python3', [path.join(REPO, 'test', 'helpers', 'pty-drive.py'), JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
    const transcript = result.stdout + result.stderr;
    expect(transcript, transcript).toMatch(/\[steps done: 1\/1\]/);
    expect(transcript).toContain('cancelled, nothing written');
    expect(transcript).not.toContain('internal error');
    expect(result.status).toBe(130);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe("import OpenAI from 'openai';\nexport const a = new OpenAI();\n");
    expect(existsSync(path.join(dir, '.migrate'))).toBe(false);
  });
});

describe('encodings', () => {
  const CSV = 'model,input_tokens,output_tokens\ngpt-4o,1000000,500000\n';
  const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
    const body = Buffer.from(text, 'utf16le');
    if (bigEndian) body.swap16();
    return Buffer.concat([bom ? Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0), body]);
  };

  it('a UTF-16 usage file (either byte order, with or without a BOM) is read like its UTF-8 twin', () => {
    const dir = project({ 'usage.csv': CSV });
    const expected = JSON.parse(runCli(['cost', '--format', 'json', '--usage', 'usage.csv', '.'], { cwd: dir }).stdout);
    for (const [bigEndian, bom] of [[false, true], [true, true], [false, false]] as const) {
      writeFileSync(path.join(dir, 'u16.csv'), utf16(CSV, bigEndian, bom));
      const result = runCli(['cost', '--format', 'json', '--usage', 'u16.csv', '.'], { cwd: dir });
      expect(result.stderr, `big endian ${bigEndian}, BOM ${bom}`).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.cost).toBeDefined();
      expect(report.cost).toEqual(expected.cost);
      expect(report.usage.rowsRead).toBe(1);
    }
  });

  it('a usage file with zero bytes that is not UTF-16 is named as such, not as a missing column', () => {
    const dir = project({});
    writeFileSync(path.join(dir, 'odd.csv'), Buffer.from([0x6d, 0x00, 0x00, 0x6f, 0x64, 0x65, 0x6c, 0x0a]));
    const result = runCli(['cost', '--usage', 'odd.csv', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not UTF-8 text');
    expect(result.stderr).not.toContain('missing model column');
  });

  it('findings on the first line of a file with a BOM have the columns an editor shows', () => {
    const line = "import OpenAI from 'openai'; const c = new OpenAI();\n";
    const dir = project({ 'a.ts': `\uFEFF${line}`, 'b.ts': line });
    const result = runCli(['scan', '--format', 'json', '.'], { cwd: dir });
    const findings = JSON.parse(result.stdout).findings as Array<{ file: string; ruleId: string; line: number; column: number }>;
    const at = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.ruleId}@${f.line}:${f.column}`);
    expect(at('a.ts').length).toBeGreaterThan(0);
    expect(at('a.ts')).toEqual(at('b.ts'));
  });
});
