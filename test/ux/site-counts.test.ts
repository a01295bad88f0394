/**
 * Issue 14, item 5: one count of call sites. scan's text, markdown, github and JSON report the same
 * numbers, and they are right: with a provider, the plan's call findings by readiness (and the row
 * the readiness matrix gives that provider); without one, the best provider's row and the range of
 * "cannot move" over every provider, never a provider-neutral 0.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEMO = 'fixtures/demo-app';

interface Counts {
  total: number;
  auto: number;
  review: number;
  manual: number;
  range?: string;
  best?: string;
}

interface Row {
  provider: string;
  auto: number;
  review: number;
  manual: number;
}

function json(args: string[]) {
  return JSON.parse(runCli(['scan', DEMO, ...args, '--format', 'json']).stdout) as {
    summary: { sites: { auto: number; review: number; manual: number; provider: string | null; cannotMove: { min: number; max: number } | null } };
    findings: Array<{ kind: string; readiness: string }>;
    readiness: Row[] | null;
  };
}

function match(text: string, pattern: RegExp, format: string): RegExpExecArray {
  const found = pattern.exec(text);
  expect(found, `${format}: ${pattern}\n${text.slice(0, 2000)}`).not.toBeNull();
  return found!;
}

const num = (s: string) => Number(s);

/** The counts each format prints, read back from its output. */
function printed(args: string[], neutral: boolean): Record<string, Counts> {
  const text = runCli(['scan', DEMO, ...args]).stdout;
  const markdown = runCli(['scan', DEMO, ...args, '--format', 'markdown']).stdout;
  const github = runCli(['scan', DEMO, ...args, '--format', 'github']).stdout;
  if (neutral) {
    const t = match(text, /Call sites: (\d+) · how many move depends on the provider: ([\d–]+) cannot move \(best: ([\w-]+), (\d+) auto \/ (\d+) review \/ (\d+) cannot move/, 'text');
    const m = match(markdown, /\*\*(\d+) call site\(s\)\*\* · how many move depends on the provider: \*\*([\d–]+) cannot move\*\* \(best: `([\w-]+)`, (\d+) move automatically, (\d+) need review, (\d+) cannot move/, 'markdown');
    const g = match(github, /^::notice title=banjia scan::.*call sites: (\d+), how many move depends on the provider: ([\d–]+) cannot move \(best: ([\w-]+), (\d+) auto, (\d+) review, (\d+) cannot move\)$/m, 'github');
    const read = (r: RegExpExecArray): Counts => ({ total: num(r[1]), range: r[2], best: r[3], auto: num(r[4]), review: num(r[5]), manual: num(r[6]) });
    return { text: read(t), markdown: read(m), github: read(g) };
  }
  const t = match(text, /Call sites: (\d+) · (\d+) move automatically, (\d+) need review, (\d+) cannot move/, 'text');
  const m = match(markdown, /call sites: (\d+) move automatically, (\d+) need review, \*\*(\d+) cannot move\*\*/, 'markdown');
  const g = match(github, /^::notice title=banjia scan → [\w-]+::.*call sites: (\d+) auto, (\d+) review, (\d+) cannot move$/m, 'github');
  return {
    text: { total: num(t[1]), auto: num(t[2]), review: num(t[3]), manual: num(t[4]) },
    markdown: { total: num(m[1]) + num(m[2]) + num(m[3]), auto: num(m[1]), review: num(m[2]), manual: num(m[3]) },
    github: { total: num(g[1]) + num(g[2]) + num(g[3]), auto: num(g[1]), review: num(g[2]), manual: num(g[3]) },
  };
}

describe('call-site counts agree in every format', () => {
  it('without a provider: the best provider of the readiness matrix and the range over providers', () => {
    const doc = json([]);
    const rows = doc.readiness!;
    expect(rows.length).toBeGreaterThan(1);
    const best = rows[0];
    const total = best.auto + best.review + best.manual;
    // Every provider plans the same call sites.
    for (const row of rows) expect(row.auto + row.review + row.manual, row.provider).toBe(total);
    const manual = rows.map((r) => r.manual);
    const [min, max] = [Math.min(...manual), Math.max(...manual)];
    expect(doc.summary.sites).toEqual({ auto: best.auto, review: best.review, manual: best.manual, provider: best.provider, cannotMove: { min, max } });
    // demo-app's moderation call moves nowhere: "0 cannot move" would be wrong for every provider.
    expect(min).toBeGreaterThan(0);
    const expected: Counts = { total, auto: best.auto, review: best.review, manual: best.manual, range: min === max ? String(min) : `${min}–${max}`, best: best.provider };
    const formats = printed([], true);
    for (const [format, counts] of Object.entries(formats)) expect(counts, format).toEqual(expected);
  });

  it.each(['qwen', 'deepseek'])('with --provider %s: the plan of that provider, as its row of the readiness matrix', (provider) => {
    const doc = json(['--provider', provider]);
    const calls = doc.findings.filter((f) => f.kind === 'call');
    const byReadiness = (r: string) => calls.filter((f) => f.readiness === r).length;
    const counted = { auto: calls.length - byReadiness('review') - byReadiness('manual'), review: byReadiness('review'), manual: byReadiness('manual') };
    expect(doc.summary.sites).toEqual({ ...counted, provider, cannotMove: null });
    expect(doc.readiness).toBeNull();
    // The same numbers the provider-neutral scan gives this provider.
    const row = json([]).readiness!.find((r) => r.provider === provider)!;
    expect({ auto: row.auto, review: row.review, manual: row.manual }).toEqual(counted);
    const expected: Counts = { total: calls.length, ...counted };
    for (const [format, counts] of Object.entries(printed(['--provider', provider], false))) expect(counts, format).toEqual(expected);
  });
});
