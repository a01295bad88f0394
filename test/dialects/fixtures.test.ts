/**
 * Fixture pairs of the dialect rules: fixtures/dialects/<rule-id>/ for every rule. A rule with a
 * mechanical fix has the code before (`*.input.ts`) and after banjia (`*.output.ts`); a lint-only
 * rule has code that breaks it (`*.input.ts`) and the code after the fix its finding asks for
 * (`*.fixed.ts`, hand-written; lint-fixtures.test.ts). The outputs and the fixed files type-check
 * against the real openai types (typecheck-outputs.test.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECT_RULES } from '../../src/dialects/index.js';
import { fixturePairs } from '../helpers/fixture-suite.js';
import { FIXTURES } from '../helpers/fixtures.js';

fixturePairs('dialects', 7);

describe('dialect fixtures', () => {
  it('every rule has a fixture folder named by its id, and every folder names a rule', () => {
    const folders = readdirSync(path.join(FIXTURES, 'dialects')).sort();
    expect(folders).toEqual(DIALECT_RULES.map((r) => r.id).sort());
  });
});
