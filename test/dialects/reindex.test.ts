/**
 * Embeddings after the move: the re-index finding names the old and new vector sizes, whether the
 * new model can keep the old size, and the vector columns the project declares (SQL, Prisma,
 * Drizzle), in text and JSON output; `dimensions` a model does not offer is a finding of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { vectorColumnsIn } from '../../src/pipeline/vector-columns.js';

const FILES: Record<string, string> = {
  'src/embed.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function embed(texts: string[]) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
}
export async function embedSized(texts: string[]) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: texts, dimensions: 1536 });
}
`,
  'db/migrations/001_init.sql': `CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE documents (
  id bigserial PRIMARY KEY,
  embedding vector(1536)
);
`,
  'prisma/schema.prisma': `model Document {
  id        Int    @id @default(autoincrement())
  embedding Unsupported("vector(1536)")?
}
`,
  'src/db/schema.ts': `import { pgTable, serial, vector } from 'drizzle-orm/pg-core';
export const documents = pgTable('documents', {
  id: serial('id').primaryKey(),
  embedding: vector('embedding', { dimensions: 1536 }),
});
`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-reindex-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const calls = async (provider: string, modelMap?: string[]) => {
  const analysis = await analyze({ path: dir, provider, ...(modelMap ? { modelMap } : {}) }, 'scan');
  const byLine = new Map(analysis.planned.findings.filter((f) => f.kind === 'call').map((f) => [f.line, f]));
  return { analysis, byLine };
};

describe('the embeddings re-index finding', () => {
  it('names both sizes, says Qwen text-embedding-v4 can keep 1536, and lists the vector columns with file:line', async () => {
    const { analysis, byLine } = await calls('qwen');
    const reason = byLine.get(4)!.reason;
    expect(reason).toMatch(/Re-index required: vectors from text-embedding-v4 \(1024 dimensions\) .* \(1536 dimensions\)/);
    expect(reason).toMatch(/send dimensions: 1536 to keep the column size/);
    expect(reason).toContain('db/migrations/001_init.sql:4 vector(1536)');
    expect(reason).toContain('prisma/schema.prisma:3 vector(1536)');
    expect(reason).toContain("src/db/schema.ts:4 vector('embedding', { dimensions: 1536 })");
    // The same words reach both output formats.
    const json = JSON.parse(renderJson(analysis.report));
    expect(JSON.stringify(json.findings)).toContain('db/migrations/001_init.sql:4 vector(1536)');
    const text = renderText(analysis.report, { color: false, lang: 'en', verbose: true, width: 400, text: () => undefined });
    expect(text).toContain('db/migrations/001_init.sql:4 vector(1536)');
  });

  it('says when the target cannot keep the size, and flags dimensions it does not offer (GLM embedding-3)', async () => {
    const { byLine } = await calls('zhipu');
    expect(byLine.get(4)!.reason).toMatch(/embedding-3 cannot return 1536 dimensions \(it offers 2048, 1024, 512, 256\): the vector column changes size/);
    expect(byLine.get(7)!.reason).toMatch(/embedding-3 offers dimensions 2048, 1024, 512, 256, not 1536/);
    expect((await calls('qwen')).byLine.get(7)!.reason).not.toMatch(/offers dimensions/);
    // A model without the parameter (catalogue: dimensionsParam no).
    const embedding2 = (await calls('zhipu', ['text-embedding-3-small=embedding-2'])).byLine.get(7)!;
    expect(embedding2.reason).toMatch(/embedding-2 does not take the dimensions parameter; remove it \(it returns 1024 dimensions\)/);
  });
});

describe('dimensions kept by a review edit', () => {
  const added = (finding: { fix?: { safety: string; edits: Array<{ text: string }> } } | undefined) =>
    (finding?.fix?.safety === 'review' ? finding.fix.edits : []).some((e) => /dimensions: 1536/.test(e.text));

  it('adds dimensions: 1536 where the target offers the stored size (Qwen text-embedding-v4), not where the call sends dimensions', async () => {
    const { byLine } = await calls('qwen');
    expect(added(byLine.get(4))).toBe(true);
    expect(added(byLine.get(7))).toBe(false);
    expect(byLine.get(4)!.reason).toMatch(/apply --include-review adds it/);
  });

  it('adds nothing where the target cannot return the stored size (GLM embedding-3): the re-index finding stays', async () => {
    const { byLine } = await calls('zhipu');
    expect(added(byLine.get(4))).toBe(false);
    expect(byLine.get(4)!.reason).toMatch(/Re-index required/);
  });
});

describe('vector column declarations', () => {
  it('reads pgvector, Prisma and Drizzle declarations and nothing that merely calls a vector() function', () => {
    expect(vectorColumnsIn('a.sql', 'x halfvec(3072),\ny vector( 768 )').map((c) => [c.line, c.dimensions])).toEqual([[1, 3072], [2, 768]]);
    expect(vectorColumnsIn('a.ts', "const v = await vector('red dress');\nvector(input)")).toEqual([]);
  });
});
