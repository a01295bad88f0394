/**
 * Plans read `.migrate/provider-lock.json` (written by `migrate doctor`): a mapped id doctor did not
 * confirm falls back to a confirmed one of the same class, or is kept with a warning naming the
 * lock; a lock for another provider is ignored; a malformed one is exit 2 naming the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider, mapModel } from '../../src/catalogue/index.js';
import { doctor } from '../../src/commands/doctor.js';
import { startEmulator } from '../../src/emulator/server.js';
import { runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const APP = "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n";

function project(lock?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-lock-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'app.ts'), APP);
  if (lock !== undefined) {
    mkdirSync(path.join(dir, '.migrate'));
    writeFileSync(path.join(dir, '.migrate', 'provider-lock.json'), typeof lock === 'string' ? lock : JSON.stringify(lock));
  }
  return dir;
}

/** The model id the plan writes into app.ts, and the lock findings, from `scan --format json`. */
function planned(dir: string, provider = 'qwen') {
  const result = runCli(['scan', dir, '--provider', provider, '--format', 'json']);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout);
  const edits = report.findings.flatMap((f: { fix: { edits: Array<{ file: string; text: string }> } | null }) => f.fix?.edits ?? []);
  const written = edits.find((e: { file: string; text: string }) => e.file === 'app.ts' && /^[\w.-]+$/.test(e.text))?.text;
  return { written, locked: report.findings.filter((f: { ruleId: string }) => f.ruleId === 'lock/modelNotConfirmed') };
}

const mapped = mapModel('gpt-4o', findProvider('qwen')!).target!;
const lockOf = (provider: string, confirmed: string[], failed: Record<string, string>) => ({ schemaVersion: 1, provider, region: 'cn', baseUrl: 'http://x', checkedAt: '2026-12-01T00:00:00.000Z', confirmed, failed });

describe('plans and .migrate/provider-lock.json', () => {
  it('without a lock, gpt-4o maps to the catalogue id (the baseline the other cases change)', () => {
    expect(planned(project())).toEqual({ written: mapped, locked: [] });
  });

  it('falls back to a confirmed id when doctor (against the emulator) found the mapped one missing', async () => {
    const server = await startEmulator({ provider: findProvider('qwen')!, hiddenModels: [mapped] });
    const dir = project();
    try {
      await doctor({ path: dir, provider: 'qwen', baseUrl: server.url, timeoutMs: 5000, env: { DASHSCOPE_API_KEY: 'k' } });
    } finally {
      await server.close();
    }
    const lock = JSON.parse(readFileSync(path.join(dir, '.migrate', 'provider-lock.json'), 'utf8'));
    expect(Object.keys(lock.failed)).toEqual([mapped]);
    const { written, locked } = planned(dir);
    expect(written).not.toBe(mapped);
    expect(lock.confirmed).toContain(written);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ file: 'app.ts', line: 3, model: 'gpt-4o', targetModel: written });
    expect(locked[0].message).toBe(`model 'gpt-4o' → '${written}' instead of '${mapped}': doctor did not confirm '${mapped}' (.migrate/provider-lock.json)`);
  });

  it('the cost of the move prices the model the lock makes apply write, in scan and in migrate cost', () => {
    const dir = project();
    const fallback = findProvider('qwen')!.chatModels.find((m) => m.tier === findProvider('qwen')!.chatModels.find((x) => x.id === mapped)!.tier && m.id !== mapped && m.status !== 'retired')!.id;
    mkdirSync(path.join(dir, '.migrate'));
    writeFileSync(path.join(dir, '.migrate', 'provider-lock.json'), JSON.stringify(lockOf('qwen', [fallback], { [mapped]: 'HTTP 404: model not found' })));
    const { written } = planned(dir);
    expect(written).toBe(fallback);
    const result = runCli(['cost', dir, '--provider', 'qwen', '--format', 'json']);
    expect(result.code).toBe(0);
    const qwen = JSON.parse(result.stdout).cost.providers.find((p: { id: string }) => p.id === 'qwen');
    expect(qwen.models.map((m: { openaiModel: string; targetModel: string }) => [m.openaiModel, m.targetModel])).toEqual([['gpt-4o', fallback]]);
  });

  it('keeps the mapped id with a warning naming the lock when no confirmed id fits', () => {
    const { written, locked } = planned(project(lockOf('qwen', [], { [mapped]: 'HTTP 404: model not found' })));
    expect(written).toBe(mapped);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ severity: 'warning', file: 'app.ts', targetModel: mapped });
    expect(locked[0].message).toContain('.migrate/provider-lock.json');
    expect(locked[0].reason).toContain('HTTP 404: model not found');
  });

  it('ignores a lock made for another provider', () => {
    expect(planned(project(lockOf('deepseek', [], { [mapped]: 'HTTP 404' })))).toEqual({ written: mapped, locked: [] });
  });

  it('refuses a malformed lock: exit 2 naming the file, for scan and apply alike', () => {
    for (const [lock, why] of [
      ['{ not json', 'is not valid JSON'],
      [JSON.stringify({ schemaVersion: 1, provider: 'qwen' }), 'is not a lock doctor writes: region'],
    ]) {
      const dir = project(lock);
      for (const command of [['scan', dir, '--provider', 'qwen'], ['apply', dir, '--provider', 'qwen', '--dry-run']]) {
        const result = runCli(command);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`${path.join(dir, '.migrate', 'provider-lock.json')} ${why}`);
        expect(result.stderr).not.toContain('internal error');
      }
    }
  });
});
