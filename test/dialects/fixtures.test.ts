/**
 * Fixture pairs of the dialect rules with a mechanical fix: fixtures/dialects/<rule-id>/ holds the
 * code before (`*.input.ts`) and after banjia (`*.output.ts`). The outputs type-check against the
 * real openai types (typecheck-outputs.test.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECT_RULES } from '../../src/dialects/index.js';
import { fixturePairs } from '../helpers/fixture-suite.js';
import { FIXTURES } from '../helpers/fixtures.js';

fixturePairs('dialects', 7);

describe('dialect fixtures', () => {
  it('every rule with a rewrite has a fixture folder named by its id, and every folder names a rule', () => {
    const folders = readdirSync(path.join(FIXTURES, 'dialects')).sort();
    const rewriting = DIALECT_RULES.filter((r) => r.rewrite).map((r) => r.id).sort();
    expect(folders).toEqual(rewriting);
  });
});
