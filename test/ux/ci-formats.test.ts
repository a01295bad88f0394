/**
 * Issue 14, item 8: the CI formats carry the reason. GitHub annotations and markdown rows say what,
 * why and what to do; markdown without a provider has the readiness matrix; scan --format diff
 * needs a provider (a usage error without one) and prints apply's patch with one; GitLab Code
 * Quality output for `artifacts: reports: codequality`.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEMO = 'fixtures/demo-app';

describe('CI formats carry the reason', () => {
  it('GitHub annotations carry why and what to do, not only the message', () => {
    const { stdout } = runCli(['scan', DEMO, '--provider', 'deepseek', '--format', 'github']);
    const moderation = stdout.split('\n').find((l) => l.includes('title=banjia openai/moderation'))!;
    expect(moderation).toMatch(/^::error /);
    expect(moderation).toMatch(/::moderation call openai\.moderations\.create\(\)%0AWhy: DeepSeek does not support moderations\..*%0AWhat to do: This moderation call cannot move to DeepSeek/);
    for (const line of stdout.split('\n').filter((l) => /^::(error|warning) /.test(l))) expect(line, line).toMatch(/%0AWhy: /);
  });

  it('markdown rows carry why and what to do; without a provider the comment has the readiness matrix', () => {
    const target = runCli(['scan', DEMO, '--provider', 'deepseek', '--format', 'markdown']).stdout;
    expect(target).toMatch(/\| `src\/services\/moderation\.ts:5` \| moderation call openai\.moderations\.create\(\) \| DeepSeek does not support moderations\..* \| This moderation call cannot move to DeepSeek/);
    expect(target).not.toMatch(/Check the points above/);
    const neutral = runCli(['scan', DEMO, '--format', 'markdown']).stdout;
    expect(neutral).toMatch(/### Readiness by provider/);
    expect(neutral).toMatch(/\| Alibaba Qwen .*\(`qwen`\) \| \d+ \| \d+ \| \d+ \| ¥[\d,.]+ \|/);
    expect(neutral).toMatch(/how many move depends on the provider: \*\*1–2 cannot move\*\*/);
    expect(neutral).not.toMatch(/\*\*0 cannot move\*\*/);
  });

  it('scan --format diff: a usage error without a provider, the patch apply would write with one', () => {
    const none = runCli(['scan', DEMO, '--format', 'diff']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/scan --format diff needs a provider/);
    const qwen = runCli(['scan', DEMO, '--format', 'diff', '--provider', 'qwen']);
    expect(qwen.code).toBe(0);
    expect(qwen.stdout).toBe(runCli(['apply', DEMO, '--format', 'diff', '--provider', 'qwen', '--dry-run']).stdout);
    expect(qwen.stdout).toMatch(/^diff --git a\//);
  });

  it('--format codequality writes GitLab Code Quality issues with the reason in the description', () => {
    const { code, stdout } = runCli(['scan', DEMO, '--provider', 'deepseek', '--format', 'codequality']);
    expect(code).toBe(0);
    const issues = JSON.parse(stdout) as Array<Record<string, any>>;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue).toMatchObject({ type: 'issue', description: expect.any(String), check_name: expect.stringMatching(/^banjia\//), fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).not.toMatch(/^\//);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const moderation = issues.find((i) => i.check_name === 'banjia/openai/moderation')!;
    expect(moderation).toMatchObject({ severity: 'major', location: { path: 'src/services/moderation.ts', lines: { begin: 5 } } });
    expect(moderation.description).toMatch(/Why: DeepSeek does not support moderations.* — What to do: /);
    // Info findings only with --verbose, as for GitHub annotations.
    expect(issues.some((i) => i.severity === 'info')).toBe(false);
    const verbose = JSON.parse(runCli(['scan', DEMO, '--provider', 'deepseek', '--format', 'codequality', '--verbose']).stdout) as unknown[];
    expect(verbose.length).toBeGreaterThan(issues.length);
  });
});
