/**
 * A LangChain model's construction is a call site (its calls happen inside LangChain's chains): a
 * project built on LangChain does not report "0 call sites" while apply moves its models.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/migrate.js');
const dir = mkdtempSync(path.join(tmpdir(), 'banjia-sites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(...args: string[]) {
  const out = execFileSync(process.execPath, [BIN, 'scan', dir, '--format', 'json', ...args], { encoding: 'utf8' });
  return JSON.parse(out) as { summary: { sites: { auto: number; review: number; manual: number } }; readiness?: Array<{ auto: number; review: number; manual: number }> };
}

describe('call sites of a LangChain project', () => {
  it('counts each model construction, with a provider and in every readiness row', () => {
    copyFileSync(path.join(FIXTURES, 'langchain', 'defaults.input.ts'), path.join(dir, 'chain.ts'));
    copyFileSync(path.join(FIXTURES, 'langchain', 'dalle.input.ts'), path.join(dir, 'images.ts'));
    const { sites } = scan('--provider', 'qwen').summary;
    expect(sites.auto + sites.review).toBeGreaterThan(0);
    // DALL·E through LangChain cannot move to Qwen: one site in the "cannot move" column.
    expect(sites.manual).toBe(1);
    const { readiness } = scan();
    expect(readiness!.length).toBeGreaterThan(5);
    for (const row of readiness!) expect(row.auto + row.review + row.manual).toBe(sites.auto + sites.review + sites.manual);
  });
});
