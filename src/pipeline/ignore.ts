/**
 * What the user asked banjia to leave alone: `.migrateignore` (gitignore syntax) and the config's
 * `ignore` patterns for files, `migrate-ignore-next-line` comments for single findings.
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularText } from '../core/read.js';

export function ignoreMatcher(root: string, patterns: string[] = []): Ignore {
  const matcher = ignore();
  // No .migrateignore (or a FIFO or folder by that name): nothing to add.
  const text = readRegularText(path.join(root, '.migrateignore'));
  if (text !== undefined) matcher.add(text);
  return matcher.add(patterns);
}

const DIRECTIVE = /migrate-ignore-next-line/;

/** Line starts per text, so that asking about many lines of one big file is not a scan from its top each time. */
const lineStartsCache = new Map<string, number[]>();

function lineStarts(text: string): number[] {
  let starts = lineStartsCache.get(text);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    if (lineStartsCache.size > 200) lineStartsCache.clear();
    lineStartsCache.set(text, starts);
  }
  return starts;
}

/** True when the line before `line` (1-based) carries a `migrate-ignore-next-line` comment. */
export function ignoredByComment(text: string, line: number): boolean {
  if (line < 2) return false;
  const starts = lineStarts(text);
  if (line - 1 >= starts.length) return false;
  // The previous line runs from its start to the newline that ends it.
  const start = starts[line - 2];
  const end = starts[line - 1] - 1;
  return DIRECTIVE.test(text.slice(start, end));
}
