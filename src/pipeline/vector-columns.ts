/**
 * Vector columns the project declares (pgvector in SQL migrations, Prisma schemas, Drizzle
 * tables): after the embedding model changes, these hold vectors of the old model and size, so the
 * re-index finding names them. Text patterns, not a parser: a declaration is one line in all three.
 */

export interface VectorColumn {
  /** posix, relative to the scanned root */
  file: string;
  line: number;
  dimensions: number;
  /** The declaration as written, e.g. `vector(1536)`. */
  text: string;
}

/** Cheap test on code that does not mention OpenAI, while discover has its text anyway. */
export const VECTOR_HINT = /\b(?:vector|halfvec)\s*\(/i;

/** Schema files that are neither code nor settings: read only to find vector columns. */
export const SCHEMA_FILE_RE = /\.(sql|prisma)$/i;

const DECLARATIONS = [
  // pgvector: `embedding vector(1536)`, `halfvec(3072)`, also inside Prisma's `Unsupported("vector(1536)")`.
  /\b(?:vector|halfvec)\s*\(\s*(\d+)\s*\)/gi,
  // Drizzle: `vector('embedding', { dimensions: 1536 })`.
  /\bvector\s*\(\s*['"`][^'"`]*['"`]\s*,\s*\{[^}]*?\bdimensions\s*:\s*(\d+)[^}]*\}\s*\)/g,
];

/** The vector column declarations of one file's text. */
export function vectorColumnsIn(file: string, text: string): VectorColumn[] {
  if (!/vector/i.test(text)) return [];
  const found: VectorColumn[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const pattern of DECLARATIONS) {
      for (const match of line.matchAll(pattern)) found.push({ file, line: index + 1, dimensions: Number(match[1]), text: match[0] });
    }
  });
  return found;
}

/** `db/schema.sql:3 vector(1536)`, at most `limit` of them and a count of the rest. */
export function describeColumns(columns: VectorColumn[], limit = 5): string {
  const shown = columns.slice(0, limit).map((c) => `${c.file}:${c.line} ${c.text}`);
  return shown.join(', ') + (columns.length > limit ? ` and ${columns.length - limit} more` : '');
}
