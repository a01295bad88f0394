/**
 * A file that is not valid UTF-8 (a GBK or Latin-1 comment) is read as text with U+FFFD in place of
 * those bytes; writing that text back would lose them for good. So the new bytes are made from the
 * original bytes: every line the plan left alone keeps its bytes, only changed lines are encoded.
 * Line by line is exact because a newline byte never continues a UTF-8 sequence, so decoding the
 * lines one by one gives the same text as decoding the whole file.
 */
import { isUtf8 } from 'node:buffer';
import { diffArrays } from 'diff';

function byteLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, nl + 1));
    start = nl + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function textLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export type Edited = { bytes: Buffer } | { refused: string };

/** The bytes of `after`, keeping the original bytes of every line that `before` and `after` share. */
export function editBytes(original: Buffer, before: string, after: string): Edited {
  if (isUtf8(original)) return { bytes: Buffer.from(after, 'utf8') };
  const lines = byteLines(original);
  const old = textLines(before);
  if (lines.length !== old.length || lines.some((line, i) => line.toString('utf8') !== old[i])) {
    return { refused: 'its bytes no longer match the text that was planned on' };
  }
  const parts: Buffer[] = [];
  let i = 0;
  for (const change of diffArrays(old, textLines(after))) {
    if (change.added) {
      parts.push(Buffer.from(change.value.join(''), 'utf8'));
    } else if (change.removed) {
      const bad = lines.slice(i, i + change.count).findIndex((line) => !isUtf8(line));
      if (bad >= 0) return { refused: `line ${i + bad + 1} holds bytes that are not UTF-8 and an edit changes that line` };
      i += change.count;
    } else {
      for (let k = 0; k < change.count; k++) parts.push(lines[i++]);
    }
  }
  return { bytes: Buffer.concat(parts) };
}
