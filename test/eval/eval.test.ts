/**
 * The detection bar of issue 3, enforced: on the labelled projects of fixtures/eval, recall at least
 * 0.97 and no finding outside the labels. The scorer itself is checked on a copy with edited labels,
 * so a scorer that always says "perfect" fails here.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreAll, scoreProject } from '../../src/eval/score.js';

const EVAL_ROOT = path.resolve(__dirname, '../../fixtures/eval');

describe('detection eval', () => {
  it('meets the bar on the labelled corpus', async () => {
    const score = await scoreAll(EVAL_ROOT);
    expect(score.projects.length).toBeGreaterThanOrEqual(8);
    expect(score.sites).toBeGreaterThanOrEqual(150);
    expect(score.traps).toBeGreaterThanOrEqual(30);
    const noisy = score.projects.flatMap((p) => p.noisy.map((n) => `${p.project}/${n.file}:${n.line} ${n.ruleId}`));
    expect(noisy).toEqual([]);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  }, 120_000);

  it('counts a finding on a trap line as noisy and an invented site as missed', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'banjia-eval-')), 'wechat-bot');
    cpSync(path.join(EVAL_ROOT, 'wechat-bot'), dir, { recursive: true });
    const labelsFile = path.join(dir, 'labels.json');
    const labels = JSON.parse(readFileSync(labelsFile, 'utf8'));
    const turned = labels.sites.shift();
    labels.traps.push({ file: turned.file, line: turned.line, note: 'a site relabelled as a trap' });
    labels.sites.push({ file: 'src/nowhere.ts', line: 3, sdk: 'openai', kind: 'call' });
    writeFileSync(labelsFile, JSON.stringify(labels));
    const score = await scoreProject(dir);
    expect(score.missed.map((m) => `${m.file}:${m.line}`)).toEqual(['src/nowhere.ts:3']);
    expect(score.noisy.map((n) => `${n.file}:${n.line}`)).toContain(`${turned.file}:${turned.line}`);
  }, 60_000);
});
