import { describe, expect, it } from 'vitest';
import { detectStyle, quoteString } from '../../src/edits/style.js';

describe('detectStyle', () => {
  it('reads CRLF, tabs, double quotes and no trailing commas', () => {
    const text = 'import x from "x";\r\nconst o = {\r\n\ta: 1,\r\n\tb: 2\r\n};\r\n';
    expect(detectStyle(text)).toMatchObject({ eol: '\r\n', indentUnit: '\t', quote: '"', trailingComma: false });
  });

  it('reads LF, four spaces, single quotes and trailing commas', () => {
    const text = "import x from 'x';\nconst o = {\n    a: 1,\n    b: {\n        c: 2,\n    },\n};\n";
    expect(detectStyle(text)).toMatchObject({ eol: '\n', indentUnit: '    ', quote: "'", trailingComma: true });
  });

  it('does not read a BOM as one space of indentation', () => {
    const text = '\uFEFFconst o = {\n  a: 1,\n};\n';
    expect(detectStyle(text).indentUnit).toBe('  ');
  });

  it('says when a file has no quote to go by', () => {
    expect(detectStyle('export const base = { timeout: 30_000 };\n').quoteGuessed).toBe(true);
    expect(detectStyle("import x from 'x';\n").quoteGuessed).toBeUndefined();
  });

  it('quotes and escapes in the chosen style', () => {
    expect(quoteString("it's", { quote: "'" })).toBe("'it\\'s'");
    expect(quoteString('a "b"', { quote: '"' })).toBe('"a \\"b\\""');
  });
});
