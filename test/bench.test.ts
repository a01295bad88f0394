/**
 * The bench's own checks (never its timings): the generated trees are the same for the same seed,
 * and a --quick run writes the JSON with every field the README and the goals read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

type Entries = Array<[string, string]>;
interface Generate {
  syntheticTree(options: { seed: number; files: number; candidateRate?: number }): Entries;
  realShapedTree(options: { seed: number; files: number; copies: number; evalDir: string }): Entries;
  treeDigest(entries: Entries): { files: number; bytes: number; sha256: string };
}

const generate = (await import(pathToFileURL(path.join(REPO, 'bench', 'generate.mjs')).href)) as Generate;

describe('bench generator', () => {
  it('makes the same tree from the same seed, and another from another seed', () => {
    const a = generate.treeDigest(generate.syntheticTree({ seed: 7, files: 600 }));
    const b = generate.treeDigest(generate.syntheticTree({ seed: 7, files: 600 }));
    const c = generate.treeDigest(generate.syntheticTree({ seed: 8, files: 600 }));
    expect(a).toEqual(b);
    expect(a.files).toBe(600);
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('mixes OpenAI styles, look-alikes, build output and vendored code at the asked share', () => {
    const entries = generate.syntheticTree({ seed: 3, files: 2000, candidateRate: 0.03 });
    const paths = entries.map(([file]) => file);
    expect(new Set(paths).size).toBe(paths.length);
    const openai = entries.filter(([, text]) => /from 'openai'|require\('openai'\)|api\.openai\.com|@ai-sdk\/openai|@langchain\/openai|OPENAI_API_KEY/.test(text));
    expect(openai.length).toBeGreaterThanOrEqual(55);
    expect(openai.length).toBeLessThan(120);
    expect(paths.some((p) => /\/dist\//.test(p))).toBe(true);
    expect(paths.some((p) => /\/vendor\/.*\.min\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => p.startsWith('packages/') && p.includes('/src/lib/openai.ts'))).toBe(true);
  });

  it('builds the real-shaped tree from the eval projects, deterministically', () => {
    const evalDir = path.join(REPO, 'fixtures', 'eval');
    const a = generate.realShapedTree({ seed: 1, files: 500, copies: 1, evalDir });
    const b = generate.realShapedTree({ seed: 1, files: 500, copies: 1, evalDir });
    expect(generate.treeDigest(a)).toEqual(generate.treeDigest(b));
    expect(a.some(([file]) => file.startsWith('apps/wechat-bot-0/'))).toBe(true);
    expect(a.some(([file]) => file.endsWith('labels.json'))).toBe(false);
  });
});

describe('npm run bench --quick', () => {
  it('writes the JSON with every figure and ratio', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'banjia-bench-test-'));
    try {
      const json = path.join(dir, 'quick.json');
      const run = spawnSync(process.execPath, [path.join(REPO, 'bench', 'run.mjs'), '--quick', '--real', '0', '--json', json, '--dir', path.join(dir, 'trees')], { encoding: 'utf8', timeout: 300_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/scan\/sg/);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.schemaVersion).toBe(1);
      expect(report.startup).toMatchObject({ version: { wallMs: expect.any(Number) }, help: { wallMs: expect.any(Number) } });
      expect(report.machine).toMatchObject({ cpus: expect.any(Number), node: process.version, rssSource: expect.stringMatching(/gnu-time|proc-poll/) });
      expect(report.trees.map((t: { name: string }) => t.name)).toEqual(['synthetic-300']);
      for (const tree of report.trees) {
        for (const tool of ['floor', 'floorParse', 'scan', 'apply', 'astGrep']) {
          expect(tree.results[tool], tool).toMatchObject({ wallMs: expect.any(Number), minMs: expect.any(Number), rssMB: expect.any(Number), runs: [expect.any(Number)] });
        }
        expect(Object.keys(tree.ratios).sort()).toEqual(['applyVsScan', 'scanRssVsAstGrep', 'scanVsAstGrep', 'scanVsFloor', 'scanVsFloorParse']);
        expect(Object.keys(tree.goals).sort()).toEqual(['applyAtMost20PercentOverScan', 'rssUnder300MB', 'scanNoSlowerThanAstGrep', 'scanWithin2xFloorParse', 'under3sAt20k']);
        expect(tree.found.scan.candidates).toBeGreaterThan(0);
        expect(tree.found.apply.changed).toBeGreaterThan(0);
        expect(tree.found.astGrep.matches).toBeGreaterThan(0);
        expect(tree.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
