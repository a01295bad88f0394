/**
 * Files that name OpenAI only in prose: translation tables ("Enter your OpenAI API key"), help
 * texts, comments. They are candidates by text, but no SDK module can find a call, a client, a
 * key or a model in them, and parsing them was the largest single cost of a scan on real
 * repositories (24 locale files of ~100 KB each, half the bytes parsed on anything-llm).
 *
 * The test runs the markers over the file's code: its text with comments and prose string
 * literals blanked by TypeScript's scanner, which is far cheaper than the parser. Anything the
 * scanner is unsure of keeps the file a full candidate: a scan error (an unterminated string is how
 * JSX text with an apostrophe shows up), JSX files, and template literals, which are never blanked;
 * nor are JSDoc comments in JavaScript, where they are types.
 */
import path from 'node:path';
import { ts } from '../analysis/ts.js';

const SCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** A string is prose when it has a word gap and is not a URL or a command line. */
function isProseLiteral(value: string): boolean {
  return /\s/.test(value.trim()) && !value.includes('://');
}

/** Tokens after which `/` starts a regular expression rather than a division. */
function endsExpression(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken ||
    kind === ts.SyntaxKind.CloseBraceToken ||
    kind === ts.SyntaxKind.ThisKeyword ||
    kind === ts.SyntaxKind.SuperKeyword ||
    kind === ts.SyntaxKind.TrueKeyword ||
    kind === ts.SyntaxKind.FalseKeyword ||
    kind === ts.SyntaxKind.NullKeyword ||
    kind === ts.SyntaxKind.PlusPlusToken ||
    kind === ts.SyntaxKind.MinusMinusToken ||
    (kind >= ts.SyntaxKind.FirstLiteralToken && kind <= ts.SyntaxKind.LastLiteralToken)
  );
}

/** The text with comments and prose strings replaced by spaces, or undefined when unsure. */
export function codeText(text: string, javascript = false): string | undefined {
  let failed = false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, () => {
    failed = true;
  });
  const blanks: Array<[number, number]> = [];
  // Brace depth at each open `${`, so that its `}` resumes the template.
  const templates: number[] = [];
  let braces = 0;
  let previous = ts.SyntaxKind.Unknown;
  // An identifier right after `{` or `,`: a property key if a `:` follows (`azure_openai: {…}` in
  // a translation table is a label, not a use; `cond ? openai : x` starts after `?`, not `,`).
  let key: [number, number] | undefined;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken && !failed; kind = scanner.scan()) {
    const trivia = kind >= ts.SyntaxKind.FirstTriviaToken && kind <= ts.SyntaxKind.LastTriviaToken;
    if (!trivia) {
      if (key && kind === ts.SyntaxKind.ColonToken) blanks.push(key);
      key = undefined;
      // An upper-case key is an environment variable's name (`runtimeEnv: { OPENAI_API_KEY: … }`).
      if (kind === ts.SyntaxKind.Identifier && (previous === ts.SyntaxKind.OpenBraceToken || previous === ts.SyntaxKind.CommaToken) && /[a-z]/.test(scanner.getTokenText())) {
        key = [scanner.getTokenStart(), scanner.getTokenEnd()];
      }
    }
    switch (kind) {
      case ts.SyntaxKind.SingleLineCommentTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
        // In JavaScript a JSDoc comment is a type annotation (`@param {import("openai").OpenAI}`).
        if (!(javascript && scanner.getTokenText().startsWith('/**'))) blanks.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
        continue;
      case ts.SyntaxKind.WhitespaceTrivia:
      case ts.SyntaxKind.NewLineTrivia:
      case ts.SyntaxKind.ShebangTrivia:
      case ts.SyntaxKind.ConflictMarkerTrivia:
        continue;
      case ts.SyntaxKind.StringLiteral:
        if (isProseLiteral(scanner.getTokenValue())) blanks.push([scanner.getTokenStart() + 1, scanner.getTokenEnd() - 1]);
        break;
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.SlashEqualsToken:
        if (!endsExpression(previous)) kind = scanner.reScanSlashToken();
        break;
      case ts.SyntaxKind.TemplateHead:
        templates.push(braces);
        break;
      case ts.SyntaxKind.OpenBraceToken:
        braces++;
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (templates.length && templates[templates.length - 1] === braces) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
        } else braces--;
        break;
    }
    previous = kind;
  }
  if (failed || templates.length) return undefined;
  let out = '';
  let at = 0;
  for (const [start, end] of blanks.sort((a, b) => a[0] - b[0])) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Plain signs of code use: most candidates of an LLM repository have one, and for them scanning
 * the file again would only cost time.
 */
const CODE_USE = /\bfrom\s*['"][^'"\n]*openai|\brequire\(\s*['"][^'"\n]*openai|\bnew\s+(?:Azure)?OpenAI\b|\.chat\.completions\.|process\.env\.OPENAI/i;

/** A marker on a line with no quote and no comment is code, without scanning the file. */
const globalVersions = new WeakMap<RegExp, RegExp>();

function everywhere(marker: RegExp): RegExp {
  let found = globalVersions.get(marker);
  if (!found) globalVersions.set(marker, (found = new RegExp(marker.source, marker.flags.includes('g') ? marker.flags : `${marker.flags}g`)));
  return found;
}

function markedBareLine(text: string, markers: readonly RegExp[]): boolean {
  for (const marker of markers) {
    for (const match of text.matchAll(everywhere(marker))) {
      const start = text.lastIndexOf('\n', match.index) + 1;
      const end = text.indexOf('\n', match.index);
      const line = text.slice(start, end < 0 ? text.length : end);
      // An object key (`azure_openai: {`) is left to the scanner, which knows a key from a use.
      if (!/["'`]|\/\/|\/\*|^\s*\*|^\s*[\w$]+\s*:/.test(line)) return true;
    }
  }
  return false;
}

/** True when no marker matches the file outside its comments and prose strings. */
export function mentionsOnlyInProse(file: string, text: string, markers: readonly RegExp[]): boolean {
  const extension = path.posix.extname(file).toLowerCase();
  if (!SCRIPT_EXTENSIONS.has(extension) || CODE_USE.test(text) || markedBareLine(text, markers)) return false;
  const code = codeText(text, /^\.[mc]?js$/.test(extension));
  return code !== undefined && !markers.some((marker) => marker.test(code));
}
