/**
 * The lint-only dialect rules (no `rewrite`) on their fixtures: fixtures/dialects/<rule-id>/ holds
 * code that breaks the rule (`<name>.input.ts`) and the code after the fix the finding asks for
 * (`<name>.fixed.ts`, hand-written). `scan` with the fixture's provider names the rule on the
 * input and not on the fixed code. `apply` leaves the input byte-identical where it has no
 * `.output.ts` (the fixture-pair suite of fixtures.test.ts checks that); where the rule fires only
 * on code that still calls OpenAI, the output is the migration, and the fix is still the user's.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import { DIALECT_RULES } from '../../src/dialects/index.js';
import type { Finding } from '../../src/core/types.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = path.join(FIXTURES, 'dialects');

/** The provider of a fixture file's header (`// fixture: provider=deepseek …`). */
const providerOf = (text: string) => /^\/\/ fixture: .*\bprovider=(\S+)/m.exec(text)?.[1];

/** Whether a scan of this one file, for the provider, names the rule in a finding. */
async function scanNames(ruleId: string, provider: string, name: string, text: string): Promise<boolean> {
  const dir = mkdtempSync(path.join(tmpdir(), `banjia-lint-${ruleId}-`));
  try {
    writeFileSync(path.join(dir, name), text);
    const { planned } = await analyze({ path: dir, provider }, 'scan');
    const says = (f: Finding) => [f.message, f.reason, f.action].some((s) => s?.includes(`(dialect rule ${ruleId})`));
    return planned.findings.some(says);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lint-only dialect rules on their fixtures', () => {
  const lintOnly = DIALECT_RULES.filter((rule) => !rule.rewrite);

  it('there are lint-only rules, and a rule with a rewrite has no .fixed.ts (banjia writes its fix)', () => {
    expect(lintOnly.length).toBeGreaterThan(0);
    for (const rule of DIALECT_RULES.filter((r) => r.rewrite)) {
      const folder = path.join(DIR, rule.id);
      if (existsSync(folder)) expect(readdirSync(folder).filter((f) => f.endsWith('.fixed.ts')), rule.id).toEqual([]);
    }
  });

  for (const rule of lintOnly) {
    const folder = path.join(DIR, rule.id);
    const inputs = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.input.ts')).sort() : [];

    it(`${rule.id}: has inputs, each with its .fixed.ts`, () => {
      expect(inputs.length, `fixtures/dialects/${rule.id}/ has a *.input.ts`).toBeGreaterThan(0);
      for (const input of inputs) expect(existsSync(path.join(folder, input.replace('.input.ts', '.fixed.ts'))), input).toBe(true);
    });

    for (const input of inputs) {
      const base = input.replace('.input.ts', '');
      it(`${rule.id}/${base}: scan names the rule on the input, not on the fixed code`, async () => {
        const before = readFileSync(path.join(folder, input), 'utf8');
        const fixed = readFileSync(path.join(folder, `${base}.fixed.ts`), 'utf8');
        const provider = providerOf(before)!;
        expect(rule.providers, 'the header names a provider of the rule').toContain(provider);
        expect(await scanNames(rule.id, provider, `${base}.ts`, before), 'input').toBe(true);
        expect(await scanNames(rule.id, provider, `${base}.ts`, fixed), 'fixed').toBe(false);
        // banjia's output (where it migrates the file) is not the fix: that stays the user's.
        const output = path.join(folder, `${base}.output.ts`);
        if (existsSync(output)) expect(readFileSync(output, 'utf8')).not.toBe(fixed);
      }, 60_000);
    }
  }
});
