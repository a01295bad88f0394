/**
 * The bar on code written by others (issue 12): on the public repositories of ../shared/realworld,
 * read in place, recall at least 0.95 of the reviewer's required sites and no finding on a trap
 * line that claims OpenAI usage. The scorer is checked on a small labelled tree of its own, so a
 * scorer that always says "perfect" fails here too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealworld, realworldRoot, scoreRealworld } from '../../src/eval/real.js';

const REPO = path.resolve(__dirname, '../..');
const ROOT = realworldRoot(REPO);
const present = hasRealworld(ROOT);
if (!present) console.warn(`eval:real gate skipped: no labelled set at ${ROOT} (set BANJIA_REALWORLD to its folder)`);

describe.skipIf(!present)('detection on public repositories (../shared/realworld)', () => {
  it('finds at least 95% of the required sites and claims no trap', async () => {
    const score = await scoreRealworld(ROOT);
    expect(score.trees.length).toBeGreaterThanOrEqual(10);
    expect(score.required).toBeGreaterThanOrEqual(150);
    const noisy = score.trees.flatMap((t) => t.noisy.map((n) => `${t.tree}/${n.path}:${n.line} ${n.ruleId}`));
    expect(noisy).toEqual([]);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});

describe('the public-repository scorer', () => {
  it('counts covered sites, missed sites, claimed traps and moved routed sites', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'banjia-real-'));
    const tree = path.join(root, 'trees', 'demo@1');
    mkdirSync(path.join(tree, 'src'), { recursive: true });
    writeFileSync(
      path.join(tree, 'src/a.ts'),
      [
        "import OpenAI from 'openai';",
        'const ai = new OpenAI();',
        "export const ask = () => ai.chat.completions.create({ model: 'gpt-4o', messages: [] });",
        "const ds = new OpenAI({ baseURL: 'https://api.deepseek.com' });",
        "export const other = () => ds.chat.completions.create({ model: 'deepseek-chat', messages: [] });",
        'export const nothing = 1;',
        '',
      ].join('\n'),
    );
    const site = (line: number, extra: object = {}) => ({ path: 'src/a.ts', line, kind: 'x', required: true, ...extra });
    writeFileSync(
      path.join(root, 'labels.json'),
      JSON.stringify({
        trees: [
          {
            tree: 'demo@1',
            sites: [site(2), site(3), site(6), site(5, { targets_openai: false })],
            negatives: [{ path: 'src/a.ts', line: 3, note: 'a trap on a line with OpenAI usage' }, { path: 'src/a.ts', line: 4, note: 'routed: allowed' }],
          },
        ],
      }),
    );
    const score = await scoreRealworld(root);
    expect(score.required).toBe(4);
    expect(score.found).toBe(3);
    expect(score.trees[0].missed.map((m) => m.line)).toEqual([6]);
    expect([...new Set(score.trees[0].noisy.map((n) => n.line))]).toEqual([3]);
    expect(score.trees[0].misrouted).toEqual([]);
  }, 60_000);
});
