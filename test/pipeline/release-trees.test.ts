/**
 * After detection the trees of files without findings are let go (most of the heap at a scan's
 * peak); planning still sees every parsed file by name, reads the kept trees as they were, and
 * parses a released file again only if asked. A tree let go is handed back as it was while
 * anything still holds one of its nodes, so no node is ever compared with its own re-parse.
 */
import { describe, expect, it } from 'vitest';
import { concludeDetection, detectAll, detectAllAsync, releaseTrees } from '../../src/pipeline/detect.js';
import { plan, planFindings } from '../../src/pipeline/plan.js';
import { secondWave } from '../../src/pipeline/discover.js';
import { Workspace } from '../../src/analysis/workspace.js';
import { collectAfterThisJob } from '../../src/core/collect.js';
import type { SourceText } from '../../src/core/types.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';


const ROOT = '/nonexistent-banjia-root';

function code(path: string, text: string): SourceText {
  return { path, absPath: `${ROOT}/${path}`, text, kind: 'code' };
}

describe('releaseTrees', () => {
  it('keeps the trees of files with findings and only the names of the others', async () => {
    const withCall = `import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    const without = `// mentions openai in a comment, but makes no call\nexport const openaiLabel = 1;\nexport function f(a: number) { return a + 1; }\n`;
    const detected = detectAll(ROOT, [code('a.ts', withCall), code('b.ts', without)], { typeCheck: false });
    const files = new Set(detected.detections.map((d) => d.detection.location.file));
    expect(files.has('a.ts')).toBe(true);
    expect(files.has('b.ts')).toBe(false);
    const kept = detected.workspace.parsedUnits('a.ts');
    expect(detected.workspace.parsedUnits('b.ts')).toBeDefined();

    expect(releaseTrees(detected)).toBe(without.length);
    await collectAfterThisJob();
    expect(detected.workspace.parsedUnits('a.ts')).toBe(kept);
    expect(detected.workspace.parsedUnits('b.ts')).toBeUndefined();
    expect(detected.workspace.parsedFiles().sort()).toEqual(['a.ts', 'b.ts']);

    // Asked for again, the file is parsed again, and listed once.
    const again = detected.workspace.units('b.ts');
    expect(again[0]?.sf.text).toBe(without);
    expect(detected.workspace.parsedFiles().sort()).toEqual(['a.ts', 'b.ts']);
  });
});

describe('concludeDetection', () => {
  it('lets go of every tree once planning is over, keeps the texts, and refuses to plan again', async () => {
    const withCall = `import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    const detected = detectAll(ROOT, [code('a.ts', withCall)], { typeCheck: false });
    expect(detected.detections.length).toBeGreaterThan(0);
    expect(plan(detected, undefined, { includeReview: false }).findings.length).toBeGreaterThan(0);

    expect(concludeDetection(detected)).toBe(withCall.length);
    await collectAfterThisJob();
    expect(detected.workspace.parsedUnits('a.ts')).toBeUndefined();
    expect(detected.workspace.text('a.ts')).toBe(withCall);
    // A plan from a concluded detection would find nothing: it is an error, not an empty report.
    expect(() => plan(detected, undefined, { includeReview: false })).toThrow(/concludeDetection/);
    expect(() => planFindings(detected, undefined)).toThrow(/concludeDetection/);
  });
});

describe('weak mode', () => {
  const texts: Array<[string, string]> = [
    ['held.ts', 'export const model = "gpt-4o";\n'],
    ['loose.ts', 'export const other = 1;\n'],
    ['third.ts', 'export const third = 3;\n'],
  ];

  it('hands back a tree something holds, and parses again one nothing holds', async () => {
    const workspace = new Workspace(ROOT, texts);
    workspace.holdRecent(1); // one character: only the most recent tree
    const statement = workspace.units('held.ts')[0]!.sf.statements[0];
    workspace.units('loose.ts');
    workspace.units('third.ts'); // the one tree held for sure now
    await collectAfterThisJob();
    expect(workspace.units('held.ts')[0]!.sf.statements[0]).toBe(statement);
    expect(workspace.reparses).toBe(0);
    workspace.units('loose.ts');
    expect(workspace.reparses).toBe(1);
    expect(workspace.parsedFiles()).toEqual(['held.ts', 'loose.ts', 'third.ts']);
  });

  it('holds for sure the most recent trees whose source fits the budget of characters', async () => {
    const workspace = new Workspace(ROOT, texts);
    const [held, loose, third] = texts.map(([, text]) => text.length) as [number, number, number];
    workspace.holdRecent(loose + third);
    workspace.units('held.ts');
    workspace.units('loose.ts');
    workspace.units('third.ts');
    expect(held + loose + third).toBeGreaterThan(loose + third);
    await collectAfterThisJob();
    workspace.units('loose.ts');
    workspace.units('third.ts');
    expect(workspace.reparses).toBe(0);
    workspace.units('held.ts');
    expect(workspace.reparses).toBe(1);
  });

  it('detects the same as detection in one go, a file swept alone included', async () => {
    // user.ts comes first and finds nothing by itself; the client it imports is found after it.
    const root = mkdtempSync(path.join(tmpdir(), 'banjia-weak-'));
    const files: SourceText[] = [
      ['a/user.ts', `import { client } from '../z/client';\nexport const handler = makeHandler(client);\n`],
      ['b/plain.ts', `export function add(a: number, b: number) { return a + b; }\n`],
      ['z/client.ts', `import OpenAI from 'openai';\nexport const client = new OpenAI();\n`],
    ].map(([file, text]) => {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
      return { path: file, absPath: path.join(root, file), text, kind: 'code' };
    });
    // As analyze does: a file importing a module that makes a client is analysed by every module.
    secondWave(root, { candidates: files, others: [] });
    const sites = (result: Awaited<ReturnType<typeof detectAllAsync>>) =>
      result.detections.map(({ detection: d }) => `${d.ruleId} ${d.location.file}:${d.location.line}:${d.location.column}`).sort();
    let inOneGo: string[];
    let inTurn: string[];
    try {
      inOneGo = sites(detectAll(root, files, { typeCheck: false }));
      inTurn = sites(await detectAllAsync(root, files, { typeCheck: false }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(inOneGo).toContain('sweep/clientImport a/user.ts:1:1');
    expect(inTurn).toEqual(inOneGo);
  });
});
