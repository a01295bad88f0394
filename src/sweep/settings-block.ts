/**
 * The entry a settings-file line belongs to, read from the text alone: the keys and scalar values
 * beside it (its siblings). A model id in an entry that also says `provider: openai` is sent by
 * the app's own provider switch to OpenAI, so the id cannot change alone; a model id under
 * `name:` or `title:` is a label.
 *
 * YAML is read by indentation (a list item's `- ` counts as indentation), JSON by the braces of
 * the enclosing object, TOML and INI by `[section]`. Each reader looks at most WINDOW characters
 * either way: a hit in a huge one-line JSON file costs no more than one in a small one.
 */
const WINDOW = 8192;

export type SettingsSyntax = 'yaml' | 'json' | 'section';

export function settingsSyntax(file: string): SettingsSyntax {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.(json5?|jsonc)$/i.test(file)) return 'json';
  return 'section';
}

/** The scalar siblings of the entry holding the position (its own key included). */
export function settingsEntry(text: string, position: number, syntax: SettingsSyntax): Map<string, string> {
  if (syntax === 'json') return jsonEntry(text, position);
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return syntax === 'yaml' ? yamlEntry(text, lineStart) : sectionEntry(text, lineStart);
}

const YAML_LINE = /^(\s*)(-\s+)?["']?([\w.$-]+)["']?\s*:\s*(.*)$/;

function yamlEntry(text: string, lineStart: number): Map<string, string> {
  const entry = new Map<string, string>();
  const lines = linesAround(text, lineStart);
  const own = YAML_LINE.exec(lines.current);
  if (!own) return entry;
  const indent = own[1].length + (own[2]?.length ?? 0);
  const add = (m: RegExpExecArray) => entry.set(m[3], settingsScalar(m[4]));
  add(own);
  // Upwards: siblings share the indentation; the entry starts at its `- ` line or ends at a parent.
  if (!own[2]) {
    for (const line of lines.before) {
      const m = YAML_LINE.exec(line);
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const raw = line.length - line.trimStart().length;
      if (raw > indent) continue;
      if (!m) break;
      const contentIndent = m[1].length + (m[2]?.length ?? 0);
      if (contentIndent !== indent) break;
      add(m);
      if (m[2]) break;
    }
  }
  for (const line of lines.after) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const raw = line.length - line.trimStart().length;
    if (raw > indent) continue;
    const m = YAML_LINE.exec(line);
    if (raw < indent || !m || m[2]) break;
    add(m);
  }
  return entry;
}

function sectionEntry(text: string, lineStart: number): Map<string, string> {
  const entry = new Map<string, string>();
  const lines = linesAround(text, lineStart);
  const pair = /^\s*["']?([\w.$-]+)["']?\s*[=:]\s*(.*)$/;
  const own = pair.exec(lines.current);
  if (own) entry.set(own[1], settingsScalar(own[2]));
  for (const line of lines.before) {
    if (/^\s*\[/.test(line)) break;
    const m = pair.exec(line);
    if (m) entry.set(m[1], settingsScalar(m[2]));
  }
  for (const line of lines.after) {
    if (/^\s*\[/.test(line)) break;
    const m = pair.exec(line);
    if (m) entry.set(m[1], settingsScalar(m[2]));
  }
  return entry;
}

/**
 * The entries read in the last JSON text, by the offset of their `{`: hits in one object (a
 * one-line file can hold a thousand) share one reading.
 */
let jsonMemo: { text: string; entries: Map<number, Map<string, string>> } | undefined;

/** The string members of the innermost object around the position (nested objects skipped). */
function jsonEntry(text: string, position: number): Map<string, string> {
  const open = enclosingBrace(text, position);
  if (open < 0) return new Map();
  if (jsonMemo?.text !== text) jsonMemo = { text, entries: new Map() };
  const known = jsonMemo.entries.get(open);
  if (known) return known;
  const entry = new Map<string, string>();
  jsonMemo.entries.set(open, entry);
  const limit = Math.min(text.length, open + 2 * WINDOW);
  let depth = 0;
  const member = /"((?:[^"\\]|\\.)*)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?[\d.]+|true|false|null))/y;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === '"') {
      member.lastIndex = i;
      const m = depth === 0 ? member.exec(text) : null;
      // A member with a scalar value is read whole; any other string (a key whose value is an
      // object or list, a string in a list) is skipped, and the loop counts what opens after it.
      if (m) {
        entry.set(m[1], m[2] ?? m[3]);
        i = member.lastIndex - 1;
      } else i = skipString(text, i, limit);
    }
  }
  return entry;
}

/** The `{` of the innermost object around the position, or -1 (a string's braces are miscounted at worst). */
function enclosingBrace(text: string, position: number): number {
  let depth = 0;
  for (let i = position - 1; i >= Math.max(0, position - WINDOW); i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) return c === '{' ? i : -1;
      depth--;
    }
  }
  return -1;
}

function skipString(text: string, start: number, limit: number): number {
  for (let i = start + 1; i < limit; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return limit;
}

/**
 * A settings value as written, without its quotes, trailing comma and ` # comment`. The comment is
 * found with one linear search, not a backtracking expression (one-line files of 367 KB exist).
 */
export function settingsScalar(raw: string): string {
  const comment = raw.search(/\s#/);
  let value = (comment < 0 ? raw : raw.slice(0, comment)).trim();
  if (value.endsWith(',')) value = value.slice(0, -1).trim();
  const quoted = /^["'](.*)["']$/.exec(value);
  return quoted ? quoted[1] : value;
}

/** The hit's line, and the lines before (nearest first) and after it, within the window. */
function linesAround(text: string, lineStart: number): { current: string; before: string[]; after: string[] } {
  const end = text.indexOf('\n', lineStart);
  const current = text.slice(lineStart, end < 0 ? text.length : end);
  const before = lineStart > 0 ? text.slice(Math.max(0, lineStart - WINDOW), lineStart - 1).split('\n').reverse() : [];
  const after = end < 0 ? [] : text.slice(end + 1, Math.min(text.length, end + 1 + WINDOW)).split('\n');
  return { current: current.replace(/\r$/, ''), before: before.map((l) => l.replace(/\r$/, '')), after: after.map((l) => l.replace(/\r$/, '')) };
}

/** Keys whose value picks the provider an entry is sent to. */
export const PROVIDER_KEYS = /^(provider|providerName|provider_name|apiProvider|api_provider|vendor|apiType|api_type)$/i;
/** Keys whose value is shown to people, not sent (in settings and in code's list items). */
export const LABEL_KEYS = /^(name|title|label|text|displayName|display_name|description|desc)$/i;
