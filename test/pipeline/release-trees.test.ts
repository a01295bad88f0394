/**
 * After detection the trees of files without findings are let go (most of the heap at a scan's
 * peak); planning still sees every parsed file by name, reads the kept trees as they were, and
 * parses a released file again only if asked.
 */
import { describe, expect, it } from 'vitest';
import { detectAll, releaseTrees } from '../../src/pipeline/detect.js';
import type { SourceText } from '../../src/core/types.js';

const ROOT = '/nonexistent-banjia-root';

function code(path: string, text: string): SourceText {
  return { path, absPath: `${ROOT}/${path}`, text, kind: 'code' };
}

describe('releaseTrees', () => {
  it('keeps the trees of files with findings and only the names of the others', () => {
    const withCall = `import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
    const without = `// mentions openai in a comment, but makes no call\nexport const openaiLabel = 1;\nexport function f(a: number) { return a + 1; }\n`;
    const detected = detectAll(ROOT, [code('a.ts', withCall), code('b.ts', without)], { typeCheck: false });
    const files = new Set(detected.detections.map((d) => d.detection.location.file));
    expect(files.has('a.ts')).toBe(true);
    expect(files.has('b.ts')).toBe(false);
    const kept = detected.workspace.parsedUnits('a.ts');
    expect(detected.workspace.parsedUnits('b.ts')).toBeDefined();

    expect(releaseTrees(detected)).toBe(without.length);
    expect(detected.workspace.parsedUnits('a.ts')).toBe(kept);
    expect(detected.workspace.parsedUnits('b.ts')).toBeUndefined();
    expect(detected.workspace.parsedFiles().sort()).toEqual(['a.ts', 'b.ts']);

    // Asked for again, the file is parsed again, and listed once.
    const again = detected.workspace.units('b.ts');
    expect(again[0]?.sf.text).toBe(without);
    expect(detected.workspace.parsedFiles().sort()).toEqual(['a.ts', 'b.ts']);
  });
});
