/**
 * Issue 14, item 8: each GitHub annotation and markdown row carries its finding's own why and what
 * to do (so do GitLab Code Quality and SARIF), never the general "Check the points above before you ship" (an annotation has no "above").
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adviceFor } from '../../src/render/advice.js';
import type { Finding } from '../../src/core/types.js';

const DEMO = 'fixtures/demo-app';
const GENERAL = /Check the points/;

/** The what / why / do of each error and warning annotation. */
function annotations(stdout: string): Array<{ line: string; file: string; why: string; todo: string }> {
  return stdout
    .split('\n')
    .filter((l) => /^::(error|warning) /.test(l))
    .map((line) => {
      const parts = line.slice(line.indexOf('::', 2) + 2).split('%0A');
      const field = (label: string) => parts.find((p) => p.startsWith(label))?.slice(label.length).trim() ?? '';
      return { line, file: /file=([^,]+)/.exec(line)![1], why: field('Why: '), todo: field('What to do: ') };
    });
}

describe('CI formats carry each finding its own why and do', () => {
  it('scan --provider qwen --format github: every annotation has a why and a do of its own', () => {
    const { stdout } = runCli(['scan', DEMO, '--provider', 'qwen', '--format', 'github']);
    const list = annotations(stdout);
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const a of list) {
      expect(a.line, a.line).not.toMatch(GENERAL);
      expect(a.why, a.line).not.toBe('');
      expect(a.todo, a.line).not.toBe('');
      // The do says something the why does not already say word for word.
      expect(a.todo.replace(/ \(https?:\/\/[^)]+\)$/, ''), a.line).not.toBe(a.why);
    }
    const at = (file: string) => list.find((a) => a.file === file)!;
    // A dialect rule's fix is the do, not part of the why; the review fix is named with how to apply it.
    expect(at('src/chat.ts').todo).toMatch(/^Send the limit as max_completion_tokens\. \(qwen-max-completion-tokens\) apply --include-review makes the edit under Fix\./);
    expect(at('src/chat.ts').why).not.toMatch(/Fix: /);
    expect(at('src/chat.ts').why).toMatch(/\(dialect rule qwen-max-completion-tokens\)$/);
    // The capability messages' instructions, taken from the reason.
    expect(at('src/embeddings.ts').todo).toMatch(/Send dimensions: 1536 to keep the column size.*Split it into batches of 10\./);
    expect(at('src/tools.ts').todo).toMatch(/keep or drop reasoning_content on the assistant messages/);
    // Different findings, different dos.
    expect(new Set(list.map((a) => a.todo)).size).toBe(list.length);
  });

  it('without a provider, review calls say how to find out (pick a provider), not nothing', () => {
    const list = annotations(runCli(['scan', DEMO, '--format', 'github']).stdout);
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) {
      expect(a.why, a.line).not.toBe('');
      expect(a.todo, a.line).not.toBe('');
    }
    expect(list.find((a) => a.file === 'src/services/moderation.ts')!.todo).toMatch(/--provider <id>/);
  });

  it('markdown rows have their own "what to do" cell', () => {
    const { stdout } = runCli(['scan', DEMO, '--provider', 'qwen', '--format', 'markdown']);
    expect(stdout).not.toMatch(GENERAL);
    const rows = stdout.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      expect(cells, row).toHaveLength(4);
      expect(cells[2], row).not.toBe('');
      expect(cells[3], row).not.toBe('');
    }
    expect(rows.find((r) => r.includes('src/chat.ts'))).toMatch(/\| Send the limit as max_completion_tokens\./);
  });

  it('GitLab Code Quality and SARIF carry the same own why and do', () => {
    const quality = JSON.parse(runCli(['scan', DEMO, '--provider', 'qwen', '--format', 'codequality']).stdout) as Array<{ description: string; severity: string }>;
    const shown = quality.filter((i) => i.severity !== 'info');
    expect(shown.length).toBeGreaterThanOrEqual(5);
    for (const issue of shown) {
      expect(issue.description).not.toMatch(GENERAL);
      expect(issue.description).toMatch(/ — Why: .+ — What to do: \S/);
    }
    const sarif = JSON.parse(runCli(['scan', DEMO, '--provider', 'qwen', '--format', 'sarif']).stdout) as { runs: Array<{ results: Array<{ level: string; message: { text: string } }> }> };
    const results = sarif.runs[0].results.filter((r) => r.level !== 'note');
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const r of results) {
      expect(r.message.text).not.toMatch(GENERAL);
      expect(r.message.text).toMatch(/\nWhy: .+\nWhat to do: \S/);
    }
  });

  it('adviceFor keeps what follows the general sentence and names suggested edits', () => {
    const base: Finding = {
      ruleId: 'langchain/chat', sdk: 'langchain', kind: 'call', severity: 'warning', readiness: 'review', file: 'a.ts',
      start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'call',
      reason: 'The provider rejects x. Fix: Drop x. (dialect rule p-x)',
      action: 'Check the points above before you ship; the model construction carries the edits.',
    };
    const advice = adviceFor(base, { target: 'p' });
    expect(advice.why).toBe('The provider rejects x. (dialect rule p-x)');
    expect(advice.do).toBe('Drop x. (p-x) The model construction carries the edits.');
    const suggested = adviceFor(
      { ...base, reason: 'A loop drops y.', action: 'Check the points above before you ship; apply --include-review makes the suggested edits.', suggestions: [{ description: 'copy y', safety: 'review', edits: [] }] },
      { target: 'p' },
    );
    expect(suggested.do).toBe('apply --include-review also makes this edit: copy y.');
    // A specific action is kept as it is.
    expect(adviceFor({ ...base, action: 'Set K.' }).do).toBe('Set K.');
  });
});
