/**
 * Word wrap for the text report: at spaces, so words (and URLs, paths) are never broken; Chinese
 * text, which has no spaces, may break between two CJK characters, as Chinese typesetting does.
 */
import { visibleWidth } from './cost.js';

const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Splits a word wider than `room` between CJK characters; other words stay whole. */
function pieces(word: string, room: number): string[] {
  if (visibleWidth(word) <= room || !CJK.test(word)) return [word];
  const out: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && visibleWidth(current + ch) > room && (CJK.test(ch) || CJK.test([...current].at(-1)!))) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * `prefix` + `text`, wrapped to `width` columns; continuation lines start with `indent`.
 * Without a width (not a terminal, no COLUMNS) the line is returned whole.
 */
export function wrapLine(prefix: string, text: string, width: number | undefined, indent: string): string[] {
  if (!width || visibleWidth(prefix + text) <= width) return [prefix + text];
  const room = Math.max(20, width - visibleWidth(indent));
  const lines: string[] = [];
  let line = prefix;
  let fresh = true;
  for (const word of text.split(' ')) {
    pieces(word, room).forEach((piece, i) => {
      // A space before a new word; none between the pieces of a split CJK run.
      const candidate = fresh ? line + piece : line + (i === 0 ? ' ' : '') + piece;
      if (!fresh && visibleWidth(candidate) > width) {
        lines.push(line);
        line = indent + piece;
      } else line = candidate;
      fresh = false;
    });
  }
  lines.push(line);
  return lines;
}
