/**
 * `cost` at scale and at the edges: flag values that would overflow are usage errors (never ∞ or
 * NaN in a report), a usage file is read as a stream, and one big file's call sites are estimated
 * in time linear in their number.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-cost-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CALL = `import OpenAI from 'openai';
const client = new OpenAI();
export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
`;

describe('--calls-per-month', () => {
  it.each(['1e308', 'NaN', 'Infinity', '-1', '0', '1e13'])('%s is a usage error (exit 2), never ∞ or NaN', (value) => {
    const dir = project({ 'app.ts': CALL });
    const result = runCli(['cost', '--calls-per-month', value, '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--calls-per-month must be a positive number of at most 1e12, got '${value}'`);
    expect(result.stdout).not.toMatch(/∞|NaN|Infinity/);
  });

  it('the largest allowed value gives finite numbers', () => {
    const dir = project({ 'app.ts': CALL });
    const result = runCli(['cost', '--format', 'json', '--calls-per-month', '1e12', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/Infinity|NaN/);
    expect(JSON.stringify(JSON.parse(result.stdout))).not.toMatch(/Infinity|NaN/);
  });
});
