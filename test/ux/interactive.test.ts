/**
 * Issue 14, item 2, in a pseudo-terminal: the picker shows every provider's readiness and cost
 * side by side with the OpenAI baseline; a summary comes before the first file; each file's prompt
 * shows its error and warning findings before asking; single keys y/n/a/q/e (e shows the diff
 * again without $EDITOR); a key that is none of them is said so and asked again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const DRIVER = path.join(REPO, 'test', 'helpers', 'pty-drive.py');
const ENTER = '\r';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function drive(cwd: string, args: string[], steps: Array<[string, string[]]>): { code: number; transcript: string } {
  const env = { LANG: 'en_US.UTF-8', NO_COLOR: '1', EDITOR: '', VISUAL: '' };
  const spec = { cmd: [process.execPath, path.join(REPO, 'bin', 'migrate.js'), ...args], cwd, env, steps, timeout: 90 };
  const result = spawnSync('python3', [DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, transcript: result.stdout + result.stderr };
}

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-ux-tty-'));
  dirs.push(dir);
  // images.ts: a call that cannot move to DeepSeek, in a file whose client still changes.
  writeFileSync(
    path.join(dir, 'images.ts'),
    "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const chat = (q: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\nexport const flagged = (t: string) => openai.moderations.create({ input: t });\n",
  );
  writeFileSync(path.join(dir, 'b.ts'), "import OpenAI from 'openai';\nexport const b = new OpenAI();\n");
  return dir;
}

describe('interactive apply in a terminal (issue 14)', () => {
  it('shows the summary first, each file\'s errors in its prompt, and takes single keys', () => {
    const dir = project();
    const { code, transcript } = drive(dir, ['apply', '.', '--provider', 'deepseek'], [
      ['Write b\\.ts\\?', ['x']],
      ['not one of y, n, a, q, e', ['e']],
      ['Write b\\.ts\\?', ['n']],
      ['Write images\\.ts\\?', ['q']],
    ]);
    expect(transcript, transcript).toMatch(/\[steps done: 4\/4\]/);
    expect(code).toBe(1);
    const summary = transcript.indexOf('Summary');
    const firstPrompt = transcript.indexOf('Write b.ts?');
    expect(summary, 'the summary comes before the first prompt').toBeGreaterThan(-1);
    expect(summary).toBeLessThan(firstPrompt);
    expect(transcript.slice(summary, firstPrompt)).toMatch(/✖ Cannot move/);
    expect(transcript.slice(summary, firstPrompt)).toMatch(/moderation call openai\.moderations\.create\(\)/);
    expect(transcript).toMatch(/\[y\] yes {2}\[n\] no, skip {2}\[a\] yes to all the rest {2}\[q\] quit/);
    // e without $EDITOR shows the diff again.
    expect(transcript.match(/diff --git a\/b\.ts/g)!.length).toBeGreaterThanOrEqual(2);
    // images.ts: its error is in its own prompt, before the question.
    const imagesDiff = transcript.indexOf('diff --git a/images.ts');
    const imagesPrompt = transcript.indexOf('Write images.ts?');
    const block = transcript.slice(imagesDiff, imagesPrompt);
    expect(block).toMatch(/In this file:\n\s+error 4:\d+ moderation call openai\.moderations\.create\(\)\n\s+why: DeepSeek does not support moderations/);
    // Nothing was accepted: nothing written.
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe("import OpenAI from 'openai';\nexport const b = new OpenAI();\n");
    expect(transcript).toMatch(/wrote 0 files; 2 files not written/);
  });

  it('the picker lists every provider with its readiness and cost, beside the OpenAI baseline', () => {
    const dir = project();
    const { transcript } = drive(dir, ['apply', '.'], [
      ['Move to which provider', [ENTER]],
      ['Write \\S+\\?', ['q']],
    ]);
    expect(transcript, transcript).toMatch(/\[steps done: 2\/2\]/);
    const picker = transcript.slice(transcript.indexOf('OpenAI today'));
    expect(transcript).toMatch(/OpenAI today: \$[\d.]+\/month/);
    for (const id of ['qwen', 'deepseek', 'zhipu', 'moonshot', 'doubao', 'spark']) {
      expect(picker, id).toMatch(new RegExp(`${id}\\s+.+\\d+ auto / \\d+ review / \\d+ cannot move\\s+(¥|\\$|–)`));
    }
  });

  it('under --lang zh the picker, its key line and the file prompt are Chinese', () => {
    const dir = project();
    const { transcript } = drive(dir, ['apply', '.', '--lang', 'zh'], [
      ['迁移到哪个服务商', [ENTER]],
      ['写入 \\S+？', ['q']],
    ]);
    expect(transcript, transcript).toMatch(/\[steps done: 2\/2\]/);
    // inquirer's own key line, translated: not "↑↓ navigate • ⏎ select".
    expect(transcript).toMatch(/↑↓ 移动 • ⏎ 选择/);
    expect(transcript).not.toMatch(/navigate|select\b/);
    expect(transcript).toMatch(/OpenAI 当前：每月 \$[\d.]+/);
    expect(transcript).toMatch(/\[y\] 是 {2}\[n\] 否，跳过/);
    expect(transcript).toMatch(/deepseek\s+.+自动 \d+ \/ 复核 \d+ \/ 无法迁移 \d+/);
  });

  it('Ctrl-C at a single-key prompt cancels as at an inquirer prompt: exit 130, nothing written', () => {
    const dir = project();
    const { code, transcript } = drive(dir, ['apply', '.', '--provider', 'deepseek'], [['Write b\\.ts\\?', ['\u0003']]]);
    expect(transcript, transcript).toMatch(/\[steps done: 1\/1\]/);
    expect(code).toBe(130);
    expect(transcript).toMatch(/\nmigrate: cancelled, nothing written/);
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe("import OpenAI from 'openai';\nexport const b = new OpenAI();\n");
  });
});
