/**
 * The formatting habits of one file, read from its text, so that inserted code looks like the
 * user wrote it: line endings, indentation unit, quote character and trailing commas.
 */
export interface TextStyle {
  eol: '\n' | '\r\n';
  indentUnit: string;
  quote: "'" | '"';
  /** The file has no quote at all: the quote is a default (the planner then asks the project). */
  quoteGuessed?: boolean;
  trailingComma: boolean;
  semicolons: boolean;
}

export function detectStyle(text: string): TextStyle {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > lf ? '\r\n' : '\n';

  // Indentation: the most common positive difference between consecutive indented lines.
  const counts = new Map<string, number>();
  let tabs = 0;
  let previous = 0;
  // trimStart() counts a BOM as whitespace: without this the first line looks indented by one.
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    if (line.startsWith('\t')) {
      tabs++;
      continue;
    }
    const width = line.length - line.trimStart().length;
    const delta = width - previous;
    if (delta > 0 && delta <= 8) counts.set(' '.repeat(delta), (counts.get(' '.repeat(delta)) ?? 0) + 1);
    previous = width;
  }
  let indentUnit = '  ';
  let best = 0;
  for (const [unit, count] of counts) {
    if (count > best) {
      best = count;
      indentUnit = unit;
    }
  }
  if (tabs > best) indentUnit = '\t';

  // Quotes: module specifiers are the most reliable signal, then all string literals.
  const single = (text.match(/(?:from|require\(|import\()\s*'/g) ?? []).length;
  const double = (text.match(/(?:from|require\(|import\()\s*"/g) ?? []).length;
  let quote: "'" | '"';
  if (single !== double) quote = single > double ? "'" : '"';
  else quote = (text.match(/'/g) ?? []).length > (text.match(/"/g) ?? []).length ? "'" : '"';

  const withComma = (text.match(/,[ \t]*\r?\n[ \t]*[}\])]/g) ?? []).length;
  const withoutComma = (text.match(/[^,{[(\s][ \t]*\r?\n[ \t]*[}\]]/g) ?? []).length;
  const trailingComma = withComma >= withoutComma;

  const statementsWithSemicolon = (text.match(/;[ \t]*\r?\n/g) ?? []).length;
  const lines = text.split(/\r?\n/).filter((l) => /^\s*(const|let|var|return|import|export)\b/.test(l)).length;
  const semicolons = lines === 0 || statementsWithSemicolon >= lines / 3;

  const quoteGuessed = !/['"]/.test(text);
  return { eol, indentUnit, quote, trailingComma, semicolons, ...(quoteGuessed ? { quoteGuessed } : {}) };
}

/** A string literal in the file's quote style. */
export function quoteString(value: string, style: Pick<TextStyle, 'quote'>): string {
  const q = style.quote;
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`);
  return `${q}${escaped}${q}`;
}

/** The leading whitespace of the line that contains `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart));
  return match ? match[0] : '';
}
