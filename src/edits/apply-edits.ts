import type { TextEdit } from '../core/types.js';

export class EditConflictError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(
      `overlapping edits at [${first.start}, ${first.end}) and [${second.start}, ${second.end})`,
    );
    this.name = 'EditConflictError';
  }
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Orders edits, drops exact duplicates (two findings may ask for the same change, e.g. one model
 * constant feeding two calls) and rejects overlaps. Two insertions at the same offset are kept in
 * the order given, which is the order their findings were produced.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const indexed = edits.map((edit, index) => ({ edit, index }));
  indexed.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const out: TextEdit[] = [];
  for (const { edit } of indexed) {
    if (edit.start > edit.end || edit.start < 0) {
      throw new RangeError(`invalid edit range [${edit.start}, ${edit.end})`);
    }
    const prev = out[out.length - 1];
    if (prev) {
      if (sameEdit(prev, edit)) continue;
      const prevIsInsert = prev.start === prev.end;
      const overlaps = edit.start < prev.end || (edit.start === prev.start && !prevIsInsert && edit.start !== edit.end);
      if (overlaps) throw new EditConflictError(prev, edit);
    }
    out.push(edit);
  }
  return out;
}

/**
 * Applies half-open edits to the original text. The text outside the edits is copied byte for
 * byte, so a BOM, CRLF line endings and trailing newline survive untouched.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = normalizeEdits(edits);
  for (const edit of ordered) {
    if (edit.end > text.length) throw new RangeError(`edit [${edit.start}, ${edit.end}) is past the end of the text (${text.length})`);
  }
  let result = '';
  let cursor = 0;
  for (const edit of ordered) {
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
