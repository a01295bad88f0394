/** The fixture-pair suite every SDK module's test file runs (one test file per module). */
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverCases, parseErrors, runCase } from './fixtures.js';

const UPDATE = process.env.UPDATE_FIXTURES === '1';

export function fixturePairs(sdk: string, minimumCases: number): void {
  describe(`${sdk} fixture pairs`, () => {
    const cases = discoverCases(sdk);

    it(`has at least ${minimumCases} cases`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(minimumCases);
    });

    for (const fixture of cases) {
      it(`${fixture.name} (${fixture.provider}${fixture.includeReview ? ', review' : ''})`, async () => {
        const run = await runCase(fixture);
        for (const file of fixture.files) {
          const actual = run.actual.get(file.name)!;
          expect(parseErrors(file.name, file.input), `${file.name}: input parses`).toEqual([]);
          expect(parseErrors(file.name, actual), `${file.name}: output parses`).toEqual([]);
          if (UPDATE && actual !== file.input) writeFileSync(file.outputPath, actual);
          // An output equal to the input is written as no output file ("must stay byte-identical").
          if (UPDATE && actual === file.input && existsSync(file.outputPath)) unlinkSync(file.outputPath);
          if (file.expected !== undefined) expect(parseErrors(file.name, file.expected), `${file.name}: expected parses`).toEqual([]);
          if (!UPDATE) expect(actual, `${file.name}: rewrite`).toBe(file.expected ?? file.input);
        }
        expect(run.errored, 'no file refused by the plan').toEqual([]);
        expect(run.secondRunChanges, 'a second apply changes nothing').toEqual([]);
      });
    }
  });
}
