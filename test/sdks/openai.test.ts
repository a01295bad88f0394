import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverCases, parseErrors, runCase } from '../helpers/fixtures.js';

const UPDATE = process.env.UPDATE_FIXTURES === '1';

describe('openai fixture pairs', () => {
  const cases = discoverCases('openai');

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const fixture of cases) {
    it(`${fixture.name} (${fixture.provider}${fixture.includeReview ? ', review' : ''})`, async () => {
      const run = await runCase(fixture);
      for (const file of fixture.files) {
        const actual = run.actual.get(file.name)!;
        expect(parseErrors(file.name, file.input), `${file.name}: input parses`).toEqual([]);
        expect(parseErrors(file.name, actual), `${file.name}: output parses`).toEqual([]);
        if (UPDATE && actual !== file.input) writeFileSync(file.outputPath, actual);
        const expected = file.expected ?? file.input;
        if (file.expected !== undefined) expect(parseErrors(file.name, file.expected), `${file.name}: expected parses`).toEqual([]);
        if (!UPDATE) expect(actual, `${file.name}: rewrite`).toBe(expected);
      }
      expect(run.secondRunChanges, 'a second apply changes nothing').toEqual([]);
    });
  }
});
