/**
 * The markup of Vue and Svelte components: everything outside `<script>` and `<style>`. Only the
 * script blocks are parsed, so a model picker written in the template (`<option value="gpt-4o">`,
 * `:options="['gpt-4o']"`) would be found by grep and not by the sweep. A text pass: one forward
 * read of the tags, enough to tell an attribute's value from text and comments.
 */

/** Attribute values and comments of the markup, in order. */
export interface MarkupSpan {
  kind: 'attribute' | 'comment';
  /** The attribute's name as written (`value`, `:options`, `v-model`, `placeholder`). */
  name: string;
  start: number;
  end: number;
}

export type MarkupPlace =
  | { place: 'comment' }
  | { place: 'text' }
  /** `bound`: the value is an expression (`:x`, `v-…`, `@…`, Svelte's `{…}`), not a literal string. */
  | { place: 'attribute'; name: string; value: string; bound: boolean; start: number; end: number };

const BLOCKS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** The file's text with its script and style elements blanked (offsets and lines kept). */
export function markupText(text: string): string {
  return text.replace(BLOCKS, (block) => block.replace(/[^\n]/g, ' '));
}

/** Reads the tags once, left to right: comments and the spans of attribute values. */
export function markupSpans(markup: string): MarkupSpan[] {
  const spans: MarkupSpan[] = [];
  const n = markup.length;
  let i = markup.indexOf('<');
  while (i >= 0 && i < n) {
    if (markup.startsWith('<!--', i)) {
      const close = markup.indexOf('-->', i + 4);
      const end = close < 0 ? n : close + 3;
      spans.push({ kind: 'comment', name: '', start: i, end });
      i = markup.indexOf('<', end);
      continue;
    }
    if (!/[A-Za-z]/.test(markup[i + 1] ?? '')) {
      i = markup.indexOf('<', i + 1);
      continue;
    }
    i = readTag(markup, i + 1, spans);
    i = markup.indexOf('<', i);
  }
  return spans;
}

/** Reads one opening tag from after its `<`; returns the offset after it. */
function readTag(markup: string, from: number, spans: MarkupSpan[]): number {
  const n = markup.length;
  let i = from;
  while (i < n && /[^\s/>]/.test(markup[i])) i++; // the tag name
  for (;;) {
    while (i < n && /[\s/]/.test(markup[i])) i++;
    if (i >= n || markup[i] === '>' || markup[i] === '<') return i;
    const nameStart = i;
    // Svelte's `{name}` shorthand and `{...props}` spread.
    if (markup[i] === '{') {
      i = balanced(markup, i);
      continue;
    }
    while (i < n && /[^\s=>/]/.test(markup[i])) i++;
    const name = markup.slice(nameStart, i);
    while (i < n && /\s/.test(markup[i])) i++;
    if (markup[i] !== '=') continue;
    i++;
    while (i < n && /\s/.test(markup[i])) i++;
    const quote = markup[i];
    if (quote === '"' || quote === "'") {
      const close = markup.indexOf(quote, i + 1);
      const end = close < 0 ? n : close;
      spans.push({ kind: 'attribute', name, start: i + 1, end });
      i = end + 1;
    } else if (quote === '{') {
      const end = balanced(markup, i);
      spans.push({ kind: 'attribute', name: `{${name}}`, start: i + 1, end: end - 1 });
      i = end;
    } else {
      const start = i;
      while (i < n && /[^\s>]/.test(markup[i])) i++;
      spans.push({ kind: 'attribute', name, start, end: i });
    }
  }
}

/** The offset after the `}` matching the `{` at `at` (quoted braces aside). */
function balanced(markup: string, at: number): number {
  let depth = 0;
  for (let i = at; i < markup.length; i++) {
    const c = markup[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = markup.indexOf(c, i + 1);
      if (close < 0) return markup.length;
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return markup.length;
}

/** Where a hit at [start, end) sits. `spans` is markupSpans' result; `from` a cursor into it (hits come in order). */
export function markupPlace(markup: string, spans: readonly MarkupSpan[], cursor: { at: number }, start: number, end: number): MarkupPlace {
  while (cursor.at < spans.length && spans[cursor.at].end < start) cursor.at++;
  const span = spans[cursor.at];
  if (!span || span.start > start || span.end < end) return { place: 'text' };
  if (span.kind === 'comment') return { place: 'comment' };
  const bound = /^[:@#]|^v-|^\{/.test(span.name);
  return { place: 'attribute', name: span.name.replace(/^\{|\}$/g, ''), value: markup.slice(span.start, span.end), bound, start: span.start, end: span.end };
}

/** Attributes that label, explain or link, never send: `placeholder="https://api.openai.com"`, `<a href>`. */
export const LABEL_ATTRIBUTE = /^(?::|v-bind:)?(?:placeholder|title|alt|label|aria-[\w-]+|tooltip|content|description|help|hint|text|tip|message|href)$/i;

/**
 * Whether the hit is a whole quoted string inside a bound attribute's expression (`:options="['gpt-4o']"`);
 * the attribute's own quotes do not count (`v-model="form.openaiKey"` is a variable).
 */
export function quotedWhole(markup: string, place: { start: number; end: number }, start: number, end: number, prefix = 0): boolean {
  const open = start - prefix - 1;
  if (open < place.start || end >= place.end) return false;
  return (markup[open] === "'" || markup[open] === '"' || markup[open] === '`') && markup[end] === markup[open];
}
