/**
 * Keys planted in a .env file and in code never appear in a report: text (with its code frames,
 * with and without --verbose), json, markdown, github, sarif, codequality, for scan, apply --dry-run
 * and check; nor do a key and a password that code passes in a prompt (json once printed the prompt
 * text with both resolved). `--format diff` keeps them, because the patch must still apply with `git apply`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/render/redact.js';
import { runCli } from '../helpers/cli.js';

const CODE_KEY = 'sk-plantedCODEkey0123456789abcdef';
const ENV_KEY = 'sk-plantedENVkey0123456789abcdef';
const ZHIPU_KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9.PlantedZhipuSecret';
// Sent in a prompt: a project key concatenated into a message, and a password that only its name marks as one.
const PROMPT_KEY = 'sk-proj-AbCdEf0123456789AbCdEf0123456789AbCdEf01';
const PROMPT_PASSWORD = 'hunter2-X';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-secrets-'));
  writeFileSync(
    path.join(dir, 'a.ts'),
    `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${CODE_KEY}' });\nexport const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`,
  );
  writeFileSync(
    path.join(dir, 'b.ts'),
    [
      `import OpenAI from 'openai';`,
      `const OPENAI_API_KEY = '${PROMPT_KEY}';`,
      `const DB_PASSWORD = '${PROMPT_PASSWORD}';`,
      `const c = new OpenAI();`,
      `await c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: DB_PASSWORD }, { role: 'user', content: 'key is ' + OPENAI_API_KEY }] });`,
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, '.env'), `OPENAI_API_KEY=${ENV_KEY}\nZHIPU_API_KEY="${ZHIPU_KEY}"\nOPENAI_BASE_URL=https://api.openai.com/v1\n`, { mode: 0o600 });
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A', '-f');
  git('commit', '-qm', 'init');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLANTED = [CODE_KEY, ENV_KEY, ZHIPU_KEY, 'PlantedZhipuSecret', 'plantedCODEkey', 'plantedENVkey', PROMPT_KEY, 'AbCdEf0123456789', PROMPT_PASSWORD, 'hunter2'];
const FORMATS = ['text', 'json', 'markdown', 'github', 'sarif', 'codequality'];

describe('keys in reports (issue 17.8)', () => {
  // Every format once through apply (its diff embeds the .env lines); scan and check for code frames.
  const runs: string[][] = [['scan', '.', '--provider', 'qwen'], ['scan', '.', '--verbose'], ['scan', '.', '--format', 'github', '--verbose'], ['check', '.', '--provider', 'qwen', '--verbose']];
  for (const format of FORMATS) {
    runs.push(['scan', '.', '--provider', 'qwen', '--format', format]);
    runs.push(['apply', '.', '--provider', 'qwen', '--dry-run', '--include-env-files', '--format', format]);
  }
  runs.push(['scan', '.', '--format', 'json'], ['cost', '.', '--format', 'json'], ['cost', '.']);
  it.each(runs.map((args) => [args.join(' '), args]))('%s shows no planted key', (_, args) => {
    const result = runCli(args as string[], { cwd: dir });
    expect(result.code, result.stderr).toBeLessThan(2);
    expect(result.stdout.length).toBeGreaterThan(0);
    for (const key of PLANTED) {
      expect(result.stdout).not.toContain(key);
      expect(result.stderr).not.toContain(key);
    }
  });

  it('keeps the keys in --format diff, which still applies with git apply', () => {
    const result = runCli(['apply', '.', '--provider', 'qwen', '--dry-run', '--include-env-files', '--format', 'diff'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(ENV_KEY);
    expect(result.stdout).toContain(CODE_KEY);
    expect(result.stdout).toContain(PROMPT_KEY);
    expect(result.stdout).toContain(PROMPT_PASSWORD);
    const patch = path.join(dir, '..', `${path.basename(dir)}.patch`);
    writeFileSync(patch, result.stdout);
    try {
      const check = spawnSync('git', ['-C', dir, 'apply', '--check', patch], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    } finally {
      rmSync(patch, { force: true });
    }
  });

  it('redacts values, not references to other variables', () => {
    expect(redactSecrets('OPENAI_API_KEY=sk-abcdefghijklmnopqrstu\nDASHSCOPE_API_KEY=\nX_TOKEN="a.b"\n')).toBe('OPENAI_API_KEY=***\nDASHSCOPE_API_KEY=\nX_TOKEN="***"\n');
    expect(redactSecrets('KEY=${OPENAI_API_KEY}; const MY_SECRET = process.env.MY_SECRET')).toBe('KEY=${OPENAI_API_KEY}; const MY_SECRET = process.env.MY_SECRET');
    expect(redactSecrets('"diff": "-GITHUB_TOKEN=\\"ghp_x1\\"\\n"')).toBe('"diff": "-GITHUB_TOKEN=\\"***\\"\\n"');
    expect(redactSecrets('task-sk-runner, disk-usage')).toBe('task-sk-runner, disk-usage');
    // A comparison is code, not a secret: `if (process.env.DEEPSEEK_API_KEY === "")` stays readable.
    expect(redactSecrets('if (process.env.DEEPSEEK_API_KEY === "") throw e; a.API_KEY == b')).toBe('if (process.env.DEEPSEEK_API_KEY === "") throw e; a.API_KEY == b');
    // Inside a JSON string a key may follow an escaped newline or tab: `\n` is not a word around it.
    expect(redactSecrets('"key is \\nsk-proj-AbCdEf0123456789AbCdEf01\\tsk-abcdefghijklmnopqrstu"')).toBe('"key is \\nsk-***\\tsk-***"');
  });
});
