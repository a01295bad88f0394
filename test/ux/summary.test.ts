/**
 * Issue 14, items 4 and 5: scan's text report starts with a summary that fits one screen (what
 * cannot move, what needs review, the cost with how many call sites were priced, the next step);
 * identical findings are one group with a count and their locations; info findings only with
 * --verbose; --quiet shows errors only; --max-warnings N exits 1 past N; a closing one-line tally.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banjia-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Twelve copies of the same moderation helper: 24 identical error findings, two groups.
for (let i = 1; i <= 12; i++) {
  writeFileSync(
    path.join(dir, `m${String(i).padStart(2, '0')}.ts`),
    `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function f${i}(t: string) {\n  return openai.moderations.create({ model: 'omni-moderation-latest', input: t });\n}\n`,
  );
}
writeFileSync(path.join(dir, 'chat.ts'), "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n");

describe('scan: summary first', () => {
  it('opens with a summary within one screen, and groups identical findings with a count and locations', () => {
    const { code, stdout } = runCli(['scan', dir, '--provider', 'deepseek']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const summary = lines.indexOf('Summary');
    const details = lines.indexOf('Findings');
    expect(summary).toBeGreaterThan(0);
    expect(details, 'the summary ends within one 24-line screen').toBeLessThan(24);
    const head = lines.slice(summary, details).join('\n');
    expect(head).toMatch(/Call sites: 13 · 1 move automatically, 0 need review, 12 cannot move/);
    expect(head).toMatch(/✖ Cannot move \(24 findings\)/);
    expect(head).toMatch(/moderation call openai\.moderations\.create\(\) ×12 {2}m01\.ts:4:10, m02\.ts:4:10 and 10 more/);
    expect(head).toMatch(/Cost on DeepSeek: .*; priced: 1 of 13 call sites\./);
    expect(head).toMatch(/Next: npx migrate apply <path> --provider deepseek --dry-run/);
    // One group in the details, not twelve copies.
    const body = lines.slice(details).join('\n');
    expect(body.match(/moderation call openai\.moderations\.create\(\)/g)).toHaveLength(1);
    expect(body).toMatch(/at: m01\.ts:4:10, m02\.ts:4:10, .* m08\.ts:4:10 and 4 more/);
    expect(lines.filter(Boolean).at(-1)).toMatch(/^✖ 24 errors, 0 warnings, \d+ info \(not shown: --verbose shows them\)$/);
  });

  it('shows info findings and every location only with --verbose', () => {
    const quietInfo = runCli(['scan', dir, '--provider', 'deepseek']).stdout;
    expect(quietInfo).not.toMatch(/^info /m);
    const verbose = runCli(['scan', dir, '--provider', 'deepseek', '--verbose']).stdout;
    expect(verbose).toMatch(/^info {4}/m);
    expect(verbose).toMatch(/at: m01\.ts:4:10, .*m12\.ts:4:10\n/);
    expect(verbose.trimEnd().split('\n').at(-1)).toMatch(/^✖ 24 errors, 0 warnings, \d+ info$/);
  });

  it('--quiet shows errors only, and the tally says what it left out', () => {
    const { stdout } = runCli(['scan', 'fixtures/demo-app', '--provider', 'deepseek', '--quiet']);
    expect(stdout).toMatch(/^error /m);
    expect(stdout).not.toMatch(/^(warning|info) /m);
    expect(stdout).not.toMatch(/Needs review/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ 2 errors, 4 warnings \(not shown: --quiet\), \d+ info/);
  });

  it('--max-warnings N exits 1 past N warnings, as ESLint; a bad N is a usage error', () => {
    const ok = runCli(['scan', 'fixtures/demo-app', '--max-warnings', '3']);
    expect(ok.code).toBe(0);
    const over = runCli(['scan', 'fixtures/demo-app', '--max-warnings', '2']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/3 warnings, more than --max-warnings 2/);
    const bad = runCli(['scan', 'fixtures/demo-app', '--max-warnings', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings expects a whole number/);
  });

  it('without a provider, the call-site line gives the range of "cannot move" over the providers, not a bare 0', () => {
    const { stdout } = runCli(['scan', 'fixtures/demo-app']);
    const line = stdout.split('\n').find((l) => l.includes('Call sites:'))!;
    expect(line).toMatch(/Call sites: 5 · how many move depends on the provider: 1–2 cannot move \(best: qianfan, 2 auto \/ 2 review \/ 1 cannot move; table below\)/);
    expect(stdout).not.toMatch(/0 cannot move/);
  });

  it('check counts the problems it fails on, not call sites; the cost table labels its CNY column as a difference', () => {
    const check = runCli(['check', 'fixtures/demo-app', '--provider', 'qwen']);
    expect(check.code).toBe(1);
    const problems = JSON.parse(runCli(['check', 'fixtures/demo-app', '--provider', 'qwen', '--format', 'json']).stdout).findings.length;
    expect(problems).toBeGreaterThan(0);
    expect(check.stdout).toContain(`Left to do: ${problems} problems (check exits 1 until there are none)`);
    expect(check.stdout).not.toMatch(/Call sites: 0/);
    const cost = runCli(['cost', 'fixtures/demo-app']);
    expect(cost.stdout).toMatch(/per month +in USD +vs OpenAI +vs OpenAI in CNY +note/);
  });
});
