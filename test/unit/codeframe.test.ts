/** Code frames: a caret under the reported range; a long line is cut to a window around it. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/render/codeframe.js';

const chalk = new Chalk({ level: 0 });
const at = (line: number, column: number, endColumn: number) => ({ file: 'f', start: 0, end: 0, line, column, endLine: line, endColumn });

describe('codeFrame', () => {
  it('puts the caret under the range on a short line, with a line of context on each side', () => {
    const frame = codeFrame('a\nconst m = "gpt-4o";\nb\n', at(2, 12, 18), chalk);
    expect(frame).toEqual(['  1 | a', '> 2 | const m = "gpt-4o";', '    |            ^^^^^^', '  3 | b']);
  });

  it('cuts a long line to a window around the column, with ellipses, and keeps the caret under the range', () => {
    const line = `${'x'.repeat(200_000)}"gpt-4o"${'y'.repeat(200_000)}`;
    const frame = codeFrame(`${line}\n`, at(1, 200_002, 200_008), chalk);
    expect(frame.every((l) => l.length < 400)).toBe(true);
    const [source, caret] = frame;
    expect(source).toMatch(/^> 1 \| …x+"gpt-4o"y+…$/);
    expect(source.indexOf('gpt-4o')).toBe(caret.indexOf('^'));
    expect(caret.trim()).toMatch(/^\| +\^{6}$/);
  });

  it('shows the start of a long context line', () => {
    const frame = codeFrame(`${'z'.repeat(5_000)}\nshort "gpt-4o"\n`, at(2, 8, 14), chalk);
    expect(frame[0]).toMatch(/^ {2}1 \| z{160}…$/);
  });
});
