/**
 * The forms of real code that issue 12 listed (classes, AI SDK registries, path aliases, raw HTTP
 * through helpers, apps that are not servers, wrappers, env forms, model ids as data), each as a
 * fixture project under fixtures/sweep/<form>/: the rewrite is a fixture pair like every module's,
 * and `expect.json` lists the lines a scan must report and the trap lines it must not claim.
 */
import { describe, expect, it } from 'vitest';
import { fixturePairs } from '../helpers/fixture-suite.js';
import { caseLabels, discoverCases, runCase } from '../helpers/fixtures.js';
import { saysNotOpenAi } from '../../src/eval/real.js';

fixturePairs('sweep', 8);

describe('forms of real code: what a scan reports', () => {
  for (const fixture of discoverCases('sweep')) {
    const labels = caseLabels(fixture);
    if (!labels) continue;
    it(`${fixture.name}: every labelled line reported, no trap claimed`, async () => {
      const { findings } = await runCase(fixture);
      const covers = (file: string, line: number) => findings.filter((f) => f.file === file && f.line <= line && line <= f.endLine);
      // A site with a `kind` needs a finding of that kind (`model`: reported as a model id to map, not as text).
      const missing = labels.sites.filter((s) => !covers(s.file, s.line).some((f) => !s.kind || f.kind === s.kind)).map((s) => `${s.file}:${s.line}`);
      const noisy = labels.traps.flatMap((t) => covers(t.file, t.line).filter((f) => !saysNotOpenAi(f)).map((f) => `${t.file}:${t.line} ${f.ruleId}`));
      // Mentions: text that names OpenAI (a help text, a comment, a placeholder) is reported, and only as text.
      const unmentioned = (labels.mentions ?? []).filter((m) => !covers(m.file, m.line).length || covers(m.file, m.line).some((f) => !saysNotOpenAi(f))).map((m) => `${m.file}:${m.line}`);
      const present = (labels.absent ?? []).filter((a) => covers(a.file, a.line).some((f) => f.ruleId === a.ruleId)).map((a) => `${a.file}:${a.line} ${a.ruleId}`);
      const repeated = (labels.once ?? []).filter((o) => covers(o.file, o.line).length !== 1).map((o) => `${o.file}:${o.line} ×${covers(o.file, o.line).length}`);
      expect({ missing, noisy, unmentioned, present, repeated }).toEqual({ missing: [], noisy: [], unmentioned: [], present: [], repeated: [] });
    });
  }
});
