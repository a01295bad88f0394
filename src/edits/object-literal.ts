/**
 * Minimal edits on object literals: replace a property's value, remove a property with its comma
 * (and its line, when it sits alone on one), append properties in the object's own layout.
 * Everything else in the object — comments, order, quotes — stays as the user wrote it.
 */
import { ts } from '../analysis/ts.js';
import { nodeRange, type Unit } from '../analysis/unit.js';
import type { FileEdit, TextEdit } from '../core/types.js';
import { indentationAt, type TextStyle } from './style.js';

/** Edits of one unit, tagged with its file (an edit may land in another file than the finding's). */
export function fileEdits(unit: Unit, edits: TextEdit[]): FileEdit[] {
  return edits.map((e) => ({ ...e, file: unit.path }));
}

export function replaceNode(unit: Unit, node: ts.Node, text: string): TextEdit {
  const { start, end } = nodeRange(unit, node);
  return { start, end, text };
}

/** Replaces the content of a string literal, keeping the user's quote character. */
export function replaceStringContent(unit: Unit, literal: ts.StringLiteralLike, value: string): TextEdit {
  const { start, end } = nodeRange(unit, literal);
  const quote = unit.text[start];
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote === '`' ? '`|\\$\\{' : quote, 'g'), (m) => `\\${m}`);
  return { start: start + 1, end: end - 1, text: escaped };
}

function isOnlyWhitespace(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

function lineBounds(text: string, offset: number): { lineStart: number; lineEnd: number; nextLine: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const nextLine = lineEnd < text.length ? lineEnd + 1 : lineEnd;
  // Stop before \r so a CRLF file keeps its line endings intact.
  return { lineStart, lineEnd: text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd, nextLine };
}

/** Removes an element of a comma-separated list (object properties, arguments). */
export function removeListElement(unit: Unit, element: ts.Node, list: readonly ts.Node[]): TextEdit {
  const text = unit.text;
  const index = list.indexOf(element);
  const { start, end } = nodeRange(unit, element);
  // The element's own comma, if any, directly after it.
  let afterComma = end;
  const tail = /^[ \t]*,/.exec(text.slice(end));
  if (tail) afterComma = end + tail[0].length;

  const startLine = lineBounds(text, start);
  const endLine = lineBounds(text, afterComma);
  const aloneOnLines =
    isOnlyWhitespace(text.slice(startLine.lineStart, start)) && /^[ \t]*(\/\/[^\n]*)?$/.test(text.slice(afterComma, endLine.lineEnd));
  if (aloneOnLines) return { start: startLine.lineStart, end: endLine.nextLine, text: '' };

  const next = list[index + 1];
  if (next) return { start, end: nodeRange(unit, next).start, text: '' };
  const previous = list[index - 1];
  if (previous) return { start: nodeRange(unit, previous).end, end: afterComma, text: '' };
  return { start, end: afterComma, text: '' };
}

/**
 * Removes several elements of one list. Alone on their lines they go line by line; side by side
 * (`{ store: true, metadata: {} }`) one removal per run of neighbours, so the edits never overlap.
 */
export function removeListElements(unit: Unit, elements: readonly ts.Node[], list: readonly ts.Node[], container?: ts.Node): TextEdit[] {
  const indices = [...new Set(elements.map((e) => list.indexOf(e)).filter((i) => i >= 0))].sort((a, b) => a - b);
  if (container && indices.length === list.length && !unit.text.slice(nodeRange(unit, container).start, nodeRange(unit, container).end).includes('\n')) return [replaceNode(unit, container, '{}')];
  const edits: TextEdit[] = [];
  for (let k = 0; k < indices.length; ) {
    let j = k;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    const first = indices[k];
    const last = indices[j];
    const single = indices.slice(k, j + 1).map((i) => removeListElement(unit, list[i], list));
    const disjoint = single.every((edit, i) => i === 0 || single[i - 1].end <= edit.start);
    if (disjoint) {
      edits.push(...single);
    } else {
      const tail = /^[ \t]*,/.exec(unit.text.slice(nodeRange(unit, list[last]).end));
      const afterLast = nodeRange(unit, list[last]).end + (tail ? tail[0].length : 0);
      if (last + 1 < list.length) edits.push({ start: nodeRange(unit, list[first]).start, end: nodeRange(unit, list[last + 1]).start, text: '' });
      else if (first > 0) edits.push({ start: nodeRange(unit, list[first - 1]).end, end: afterLast, text: '' });
      else if (container) edits.push({ ...replaceNode(unit, container, '{}') });
      else edits.push({ start: nodeRange(unit, list[first]).start, end: afterLast, text: '' });
    }
    k = j + 1;
  }
  return edits;
}

function isMultiline(unit: Unit, node: ts.ObjectLiteralExpression): boolean {
  const { start, end } = nodeRange(unit, node);
  return unit.text.slice(start, end).includes('\n');
}

/** A fresh object literal, laid out on several lines when it would be long. */
export function formatObject(entries: string[], style: TextStyle, baseIndent: string, column: number): string {
  const inline = `{ ${entries.join(', ')} }`;
  if (column + inline.length <= 100 && !entries.some((e) => e.includes('\n'))) return inline;
  const inner = baseIndent + style.indentUnit;
  const lines = entries.map((entry, i) => `${inner}${entry}${i < entries.length - 1 || style.trailingComma ? ',' : ''}`);
  return `{${style.eol}${lines.join(style.eol)}${style.eol}${baseIndent}}`;
}

/**
 * Appends `entries` (already formatted `key: value` texts) after `anchor`, the last property that
 * stays in the object, following the object's layout (one per line, or inline).
 */
export function appendProperties(unit: Unit, object: ts.ObjectLiteralExpression, anchor: ts.Node, entries: string[], style: TextStyle): TextEdit[] {
  const text = unit.text;
  const anchorRange = nodeRange(unit, anchor);
  const commaMatch = /^[ \t]*,/.exec(text.slice(anchorRange.end));
  const afterAnchor = commaMatch ? anchorRange.end + commaMatch[0].length : anchorRange.end;
  if (!isMultiline(unit, object)) {
    return [{ start: anchorRange.end, end: anchorRange.end, text: `, ${entries.join(', ')}` }];
  }
  const indent = indentationAt(text, anchorRange.start);
  const objectEnd = nodeRange(unit, object).end - 1;
  // The object's trailing-comma habit is read after its last property, which may be one being removed.
  const lastProperty = object.properties[object.properties.length - 1];
  const hasTrailingComma = /^\s*,\s*$/.test(
    text.slice(nodeRange(unit, lastProperty).end, objectEnd).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''),
  );
  const lines = entries.map((entry, i) => `${indent}${entry}${i < entries.length - 1 || hasTrailingComma ? ',' : ''}`);
  const edits: TextEdit[] = [];
  // The anchor needs its comma right after it, never after a line comment that follows it.
  if (!commaMatch) edits.push({ start: anchorRange.end, end: anchorRange.end, text: ',' });
  const { lineEnd } = lineBounds(text, afterAnchor);
  edits.push({ start: lineEnd, end: lineEnd, text: `${style.eol}${lines.join(style.eol)}` });
  return edits;
}

export function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (!property.name) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (key === name) return property;
  }
  return undefined;
}

export function lineIndent(unit: Unit, node: ts.Node): string {
  return indentationAt(unit.text, nodeRange(unit, node).start);
}

export function columnOf(unit: Unit, offset: number): number {
  return offset - (unit.text.lastIndexOf('\n', offset - 1) + 1);
}

/** `text` first in a list literal, laid out like the list (its own line when the first item has one). */
export function insertFirstElement(unit: Unit, list: ts.ArrayLiteralExpression, text: string, eol: string): TextEdit {
  const first = list.elements[0];
  if (!first) {
    const open = nodeRange(unit, list).start + 1;
    return { start: open, end: open, text };
  }
  const at = nodeRange(unit, first).start;
  const before = unit.text.slice(nodeRange(unit, list).start + 1, at);
  return { start: at, end: at, text: before.includes('\n') ? `${text},${eol}${indentationAt(unit.text, at)}` : `${text}, ` };
}

/** A property's name changed, its value kept: `a: x` → `b: x`, `'a': x` → `'b': x`, shorthand `a` → `b: a`. */
export function renameProperty(unit: Unit, property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, to: string): TextEdit {
  if (ts.isShorthandPropertyAssignment(property)) return replaceNode(unit, property, `${to}: ${property.name.text}`);
  const name = property.name;
  return ts.isStringLiteral(name) ? replaceStringContent(unit, name, to) : replaceNode(unit, name, to);
}
