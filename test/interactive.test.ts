import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runCli } from './helpers/cli.js';

const DRIVER = path.join(REPO, 'test', 'helpers', 'pty-drive.py');
const DOWN = '\u001b[B';
const ENTER = '\r';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function drive(cwd: string, args: string[], steps: Array<[string, string[]]>): { code: number; transcript: string } {
  const spec = { cmd: [process.execPath, path.join(REPO, 'bin', 'migrate.js'), ...args], cwd, env: { LANG: 'en_US.UTF-8', NO_COLOR: '1' }, steps, timeout: 90 };
  const result = spawnSync('python3', [DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, transcript: result.stdout + result.stderr };
}

describe('interactive apply in a terminal', () => {
  it('picks a provider, accepts one file and skips another', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-tty-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'a.ts'), "import OpenAI from 'openai';\nexport const a = new OpenAI();\n");
    writeFileSync(path.join(dir, 'b.ts'), "import OpenAI from 'openai';\nexport const b = new OpenAI();\n");
    // The picker lists providers best first; find where deepseek is.
    const order = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout).readiness.map((r: { provider: string }) => r.provider);
    const downs = Array(order.indexOf('deepseek')).fill(DOWN);

    const { code, transcript } = drive(dir, ['apply', '.'], [
      ['Move to which provider', [...downs, ENTER]],
      // One key per file, no Enter (issue 14): y accepts, n skips.
      ['Write a\\.ts\\?', ['y']],
      ['Write b\\.ts\\?', ['n']],
    ]);
    expect(transcript, transcript).toMatch(/\[steps done: 3\/3\]/);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toContain("baseURL: process.env.DEEPSEEK_BASE_URL || 'https://api.deepseek.com'");
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe("import OpenAI from 'openai';\nexport const b = new OpenAI();\n");
    expect(code, 'a skipped file is still pending').toBe(1);
    // The diff shown for review was the file's own.
    expect(transcript).toMatch(/\+\s+apiKey: process\.env\.DEEPSEEK_API_KEY/);
  });

  it('asks before writing over uncommitted changes, and a "no" writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-tty-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'a.ts'), "import OpenAI from 'openai';\nexport const a = new OpenAI();\n");
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    writeFileSync(path.join(dir, 'notes.md'), 'wip\n');
    const { code, transcript } = drive(dir, ['apply', '.', '--provider', 'qwen'], [['uncommitted change\\(s\\)\\. Write anyway\\?', ['n']]]);
    expect(transcript, transcript).toMatch(/\[steps done: 1\/1\]/);
    expect(code).toBe(2);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe("import OpenAI from 'openai';\nexport const a = new OpenAI();\n");
  });
});
