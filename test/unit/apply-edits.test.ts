import { describe, expect, it } from 'vitest';
import { applyEdits, EditConflictError } from '../../src/edits/apply-edits.js';

describe('applyEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    const text = 'const a = 1;\nconst b = 2;\n';
    expect(applyEdits(text, [{ start: 23, end: 24, text: '20' }, { start: 10, end: 11, text: '10' }])).toBe('const a = 10;\nconst b = 20;\n');
  });

  it('drops exact duplicates (one constant feeding two calls)', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, { start: 1, end: 2, text: 'X' }])).toBe('aXc');
  });

  it('throws on overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: 'X' }, { start: 3, end: 5, text: 'Y' }])).toThrow(EditConflictError);
  });

  it('keeps two insertions at one offset in the order given', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }])).toBe('a12b');
  });

  it('keeps a BOM, CRLF line endings and the missing final newline byte for byte', () => {
    const text = '\uFEFFa = 1;\r\nb = 2;';
    const out = applyEdits(text, [{ start: 5, end: 6, text: '9' }]);
    expect(out).toBe('\uFEFFa = 9;\r\nb = 2;');
  });

  it('rejects an edit past the end of the text', () => {
    expect(() => applyEdits('ab', [{ start: 1, end: 5, text: '' }])).toThrow(RangeError);
  });
});
