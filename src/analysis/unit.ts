import { PARSE_OPTIONS, ts } from './ts.js';
import type { Location } from '../core/types.js';
import { lineStarts } from '../core/text.js';
import { isStackOverflow, TOO_DEEP } from '../core/errors.js';

/**
 * One parsed piece of a file: the whole file for JS/TS, or one `<script>` block of a Vue/Svelte
 * file. `offset` maps positions in `sf` back to the file's text, so edits and locations always
 * refer to the file on disk.
 */
export interface Unit {
  path: string;
  absPath: string;
  /** The full text of the file, exactly as read. */
  text: string;
  sf: ts.SourceFile;
  offset: number;
  /** Syntax errors reported by the parser; a unit with errors is skipped by detection. */
  syntaxErrors: string[];
}


/** 1-based line and column of an offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  // A byte order mark is not a column: editors, git and SARIF viewers count from after it.
  const bom = lo === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line: lo + 1, column: offset - starts[lo] + 1 - bom };
}

/** File offsets of a node (leading trivia excluded). */
export function nodeRange(unit: Unit, node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(unit.sf) + unit.offset, end: node.getEnd() + unit.offset };
}

export function locationOf(unit: Unit, node: ts.Node): Location {
  const { start, end } = nodeRange(unit, node);
  return rangeLocation(unit, start, end);
}

export function rangeLocation(file: { path: string; text: string }, start: number, end: number): Location {
  const a = lineColumn(file.text, start);
  const b = lineColumn(file.text, end);
  return { file: file.path, start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export function scriptKindFor(path: string): ts.ScriptKind {
  if (/\.tsx$/i.test(path)) return ts.ScriptKind.TSX;
  if (/\.(ts|mts|cts)$/i.test(path)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(path)) return ts.ScriptKind.JSX;
  // Plain .js files often contain JSX in React apps; the JSX grammar is a superset for our purposes.
  return ts.ScriptKind.JSX;
}

function syntaxErrorsOf(sf: ts.SourceFile): string[] {
  // parseDiagnostics is internal but stable across TypeScript versions; it is the only way to get
  // syntax errors without building a Program.
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const where = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return where ? `${where.line + 1}:${where.character + 1} ${message}` : message;
  });
}

export function parseUnit(path: string, absPath: string, text: string, block?: { offset: number; text: string; lang?: string }): Unit {
  const source = block ? block.text : text;
  const kind = block ? (block.lang && /^tsx?$/.test(block.lang) ? ts.ScriptKind.TSX : ts.ScriptKind.JSX) : scriptKindFor(path);
  try {
    const sf = ts.createSourceFile(path, source, PARSE_OPTIONS, true, kind);
    return { path, absPath, text, sf, offset: block?.offset ?? 0, syntaxErrors: syntaxErrorsOf(sf) };
  } catch (error) {
    // TypeScript's parser recurses per nesting level: 1,000 nested parentheses overflow the stack.
    // Such a file is one unparseable file, never the end of the run.
    if (!isStackOverflow(error)) throw error;
    const empty = ts.createSourceFile(path, '', PARSE_OPTIONS, true, kind);
    return { path, absPath, text, sf: empty, offset: block?.offset ?? 0, syntaxErrors: [TOO_DEEP] };
  }
}

/** Syntax errors of a JSON text, comments and trailing commas allowed (TypeScript's JSON parser, as for tsconfig files). */
export function jsonSyntaxErrors(path: string, text: string): string[] {
  return syntaxErrorsOf(ts.parseJsonText(path, text));
}

/** Parses a text on its own, e.g. to check that a rewritten file still parses. */
export function syntaxErrors(path: string, text: string): string[] {
  return parseUnit(path, path, text).syntaxErrors;
}

/** What the SDK modules' detection walks look at: imports, re-exports, calls and `new`. */
export type StructuralNode = ts.ImportDeclaration | ts.ExportDeclaration | ts.CallExpression | ts.NewExpression;

const structural = new WeakMap<ts.SourceFile, StructuralNode[]>();

/**
 * A unit's imports, re-exports, calls and `new` expressions in document order (a node before the
 * nodes inside it, as a recursive walk meets them). Collected by one walk per tree and shared: each
 * SDK module walking every tree itself cost about a tenth of a scan on a candidate-dense repository.
 */
export function structuralNodes(unit: Unit): readonly StructuralNode[] {
  let nodes = structural.get(unit.sf);
  if (nodes) return nodes;
  const found: StructuralNode[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  nodes = found;
  structural.set(unit.sf, nodes);
  return nodes;
}

/** Whether a node is the container or lies inside it (by the parent chain of one tree). */
export function isInside(node: ts.Node, container: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === container) return true;
  return false;
}
