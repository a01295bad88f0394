/**
 * Usage inputs for `migrate cost --usage <file>`, read into one record type:
 *
 * 1. OpenAI Usage API pages (`GET /v1/organization/usage/completions` and `/embeddings`): one page,
 *    a JSON array of pages, or pages one after another (concatenated documents or NDJSON).
 * 2. The dashboard's CSV exports, whose column names changed over the years (`n_context_tokens_total`
 *    in the 2023 activity export, `input_tokens` in the 2024+ one): columns are matched by alias,
 *    ignoring case, spaces and underscores, and the description says which column fed which field.
 * 3. A simple CSV or JSON of `model,input_tokens,output_tokens[,cached_tokens][,requests]`.
 *
 * The format is detected from the content, not the extension. A malformed file is a ConfigError
 * (exit 2) whose message names the CSV line or the JSON path and what is wrong.
 *
 * Token conventions follow OpenAI's: `inputTokens` includes the cached ones, `cachedInputTokens` is
 * the part of them that hit the prompt cache.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

export type UsageKind = 'completions' | 'embeddings';
export type UsageFormat = 'openai-usage-api' | 'openai-dashboard-csv' | 'simple-csv' | 'simple-json';
export type UsageField = 'model' | 'inputTokens' | 'cachedInputTokens' | 'outputTokens' | 'requests' | 'startTime' | 'endTime' | 'kind' | 'batch';

export interface UsageRecord {
  /** null when the export was not grouped by model: such rows cannot be priced. */
  model: string | null;
  /** Input tokens, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** 0 when the file does not say (see `description.requestsKnown`). */
  requests: number;
  /** Start of the bucket, unix seconds. */
  startTime?: number;
  /** Width of the bucket in seconds (3600 for the Usage API's `bucket_width=1h`). */
  bucketSeconds?: number;
  kind: UsageKind;
  /** Sent through OpenAI's Batch API (billed at half price by OpenAI). */
  batch?: boolean;
}

export interface UsageSkip {
  /** `line 7` or a JSON path. */
  where: string;
  reason: string;
}

export interface UsageDescription {
  file?: string;
  format: UsageFormat;
  /** JSON documents (pages) read, for the Usage API format. */
  documents?: number;
  /** Which column (CSV) or key (JSON) fed each field. */
  columns: Partial<Record<UsageField, string>>;
  /** Data rows (CSV lines, Usage API results, JSON objects) turned into records. */
  rowsRead: number;
  rowsSkipped: number;
  /** Why rows were skipped (the first 20). */
  skipped: UsageSkip[];
  /** Rows with no model (usage not grouped by model): read, but they cannot be priced. */
  unattributedRows: number;
  /** Whether the file gives request counts (needed to choose context-length price tiers). */
  requestsKnown: boolean;
  /** The time covered, unix seconds (end exclusive), when the file says. */
  period?: { start: number; end: number };
  /** The most common bucket width in seconds, when known. */
  bucketSeconds?: number;
  notes: string[];
}

export interface ParsedUsage {
  records: UsageRecord[];
  description: UsageDescription;
}

const MAX_LISTED_SKIPS = 20;

/** Reads and parses a usage file. */
export function readUsageFile(file: string): ParsedUsage {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`cannot read usage file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseUsage(decodeUsage(bytes, file), file);
}

/**
 * The file's text: UTF-8 (with or without a BOM), or UTF-16 as Excel and PowerShell write it
 * ("Unicode text"), told by its BOM or, without one, by the zero bytes of ASCII text.
 */
export function decodeUsage(bytes: Buffer, file = 'the usage file'): string {
  const utf16 = (littleEndian: boolean, start: number) => {
    const body = Buffer.from(bytes.subarray(start, start + ((bytes.length - start) & ~1)));
    if (!littleEndian) body.swap16();
    return body.toString('utf16le');
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(true, 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(false, 2);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  // No BOM: ASCII in UTF-16 has a zero in every other byte of its first characters.
  const head = bytes.subarray(0, Math.min(bytes.length, 64) & ~1);
  if (head.length >= 4) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < head.length; i += 2) {
      if (head[i] === 0) even++;
      if (head[i + 1] === 0) odd++;
    }
    const pairs = head.length / 2;
    if (odd === pairs && even === 0) return utf16(true, 0);
    if (even === pairs && odd === 0) return utf16(false, 0);
    if (even + odd > 0) {
      throw new ConfigError(`${file} is not UTF-8 text (it holds zero bytes; UTF-16 perhaps)`, 'save it as CSV UTF-8 or JSON');
    }
  }
  return bytes.toString('utf8');
}

/** Parses usage text, detecting the format from the content. */
export function parseUsage(text: string, file?: string): ParsedUsage {
  const body = text.replace(/^\uFEFF/, '');
  const prefix = file ? `${file}: ` : '';
  const first = body.trimStart()[0];
  try {
    if (first === undefined) throw new ConfigError('the usage file is empty');
    if (first === '{' || first === '[') return withFile(parseJsonUsage(body), file);
    return withFile(parseCsvUsage(body), file);
  } catch (error) {
    if (error instanceof ConfigError && prefix && !error.message.startsWith(prefix)) {
      throw new ConfigError(`${prefix}${error.message}`, error.hint);
    }
    throw error;
  }
}

function withFile(parsed: ParsedUsage, file: string | undefined): ParsedUsage {
  if (file) parsed.description.file = file;
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Field aliases (shared by the CSV header and the simple JSON's keys)

/** Normalized spelling: lower case, no spaces, underscores, dashes or dots. */
export function normalizeColumn(name: string): string {
  return name
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/** Aliases in priority order: the first present wins. */
export const COLUMN_ALIASES: Record<UsageField, string[]> = {
  model: ['model', 'snapshot_id', 'model_name', 'model_id', 'snapshot'],
  inputTokens: ['n_context_tokens_total', 'context_tokens', 'input_tokens', 'prompt_tokens', 'n_context_tokens', 'input_tokens_total', 'tokens_input'],
  outputTokens: ['n_generated_tokens_total', 'generated_tokens', 'output_tokens', 'completion_tokens', 'n_generated_tokens', 'output_tokens_total', 'tokens_output'],
  cachedInputTokens: [
    'n_cached_context_tokens_total',
    'cached_tokens',
    'input_cached_tokens',
    'cached_input_tokens',
    'cached_context_tokens',
    'prompt_cached_tokens',
    'cache_read_tokens',
  ],
  requests: ['n_requests', 'num_model_requests', 'requests', 'num_requests', 'request_count', 'n_request'],
  startTime: ['start_time', 'bucket_start', 'bucket_start_time', 'timestamp', 'aggregation_timestamp', 'start_time_iso', 'date', 'time', 'day'],
  endTime: ['end_time', 'bucket_end', 'bucket_end_time', 'end_time_iso'],
  kind: ['operation', 'usage_type'],
  batch: ['batch', 'is_batch'],
};

const SIMPLE_COLUMNS = new Set(['model', 'inputtokens', 'outputtokens', 'cachedtokens', 'requests']);

function findColumns(header: string[]): Partial<Record<UsageField, number>> {
  const normalized = header.map(normalizeColumn);
  const found: Partial<Record<UsageField, number>> = {};
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as Array<[UsageField, string[]]>) {
    for (const alias of aliases) {
      const index = normalized.indexOf(normalizeColumn(alias));
      if (index >= 0) {
        found[field] = index;
        break;
      }
    }
  }
  return found;
}

function aliasList(field: UsageField): string {
  return COLUMN_ALIASES[field].join(', ');
}

// ---------------------------------------------------------------------------------------------
// Values

type NumberResult = { ok: true; value: number } | { ok: false; reason: string };

/** A token or request count: a non-negative number; `1,234` thousands separators allowed. */
function readCount(raw: unknown, emptyAs: number | null): NumberResult | { ok: true; value: null } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return emptyAs === null ? { ok: true, value: null } : { ok: true, value: emptyAs };
  }
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    let s = raw.trim();
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { ok: false, reason: `'${raw}' is not a number` };
    value = Number(s);
  } else return { ok: false, reason: `${JSON.stringify(raw)} is not a number` };
  if (!Number.isFinite(value)) return { ok: false, reason: `'${String(raw)}' is not a finite number` };
  if (value < 0) return { ok: false, reason: `${value} is negative` };
  return { ok: true, value };
}

/** A time: unix seconds (or milliseconds), or an ISO date/time. Zone-less times are read as UTC. */
function readTime(raw: unknown): NumberResult | { ok: true; value: null } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()))) {
    const n = Number(raw);
    if (!Number.isFinite(n)) return { ok: false, reason: `'${String(raw)}' is not a time` };
    return { ok: true, value: n > 1e11 ? Math.floor(n / 1000) : n };
  }
  if (typeof raw !== 'string') return { ok: false, reason: `${JSON.stringify(raw)} is not a time` };
  let s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)? ?(UTC|GMT)$/i.test(s)) s = `${s.replace(/ ?(UTC|GMT)$/i, '').replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s)) s = s.replace(' ', 'T');
  const ms = Date.parse(s);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(ms)) return { ok: false, reason: `'${raw}' is neither unix seconds nor an ISO date/time` };
  return { ok: true, value: ms / 1000 };
}

function readBool(raw: unknown): boolean | undefined {
  if (raw === true || raw === false) return raw;
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (s === 'true' || s === '1' || s === 'yes') return true;
    if (s === 'false' || s === '0' || s === 'no') return false;
  }
  if (raw === 1) return true;
  if (raw === 0) return false;
  return undefined;
}

function kindFor(model: string | null, operation: string | undefined): UsageKind {
  if (operation && /embed/i.test(operation)) return 'embeddings';
  if (model && /embedding/i.test(model)) return 'embeddings';
  return 'completions';
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvTable {
  rows: string[][];
  /** 1-based line where each row starts. */
  lines: number[];
  delimiter: string;
}

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF or LF.
 * Blank lines are dropped. The delimiter is `,` unless the first line has none and has `;` or tabs.
 */
export function parseCsv(text: string, delimiter?: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const sep = delimiter ?? detectDelimiter(body);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '' && !quoted)) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
    quoted = false;
    afterQuote = false;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = '';
      quoted = false;
      afterQuote = false;
      continue;
    }
    if (ch === '\r' && body[i + 1] === '\n') continue;
    if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      rowLine = line;
      continue;
    }
    if (afterQuote) {
      if (ch === ' ' || ch === '\t') continue;
      throw new ConfigError(`line ${line}: unexpected ${JSON.stringify(ch)} after a closing quote (a quote inside a quoted field must be doubled: "")`);
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      quoteLine = line;
      field = '';
      continue;
    }
    field += ch;
  }
  if (inQuotes) throw new ConfigError(`line ${quoteLine}: a quoted field is never closed`);
  if (field !== '' || row.length > 0 || quoted) endRow();
  return { rows, lines, delimiter: sep };
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  if (outside.includes(',')) return ',';
  if (outside.includes('\t')) return '\t';
  if (outside.includes(';')) return ';';
  return ',';
}

function parseCsvUsage(text: string): ParsedUsage {
  const table = parseCsv(text);
  if (table.rows.length === 0) throw new ConfigError('the usage file is empty');
  const header = table.rows[0];
  const columns = findColumns(header);
  const headerText = header.map((h) => h.trim()).join(', ');
  if (header.length < 2) {
    throw new ConfigError(
      `unknown format: line 1 is not a CSV header (${JSON.stringify(header[0]?.slice(0, 60) ?? '')}); expected the OpenAI Usage API JSON, a dashboard CSV export, or a CSV/JSON of model,input_tokens,output_tokens`,
    );
  }
  if (columns.model === undefined) throw new ConfigError(`line 1: missing model column (one of: ${aliasList('model')}); header: ${headerText}`);
  if (columns.inputTokens === undefined) throw new ConfigError(`line 1: missing input token column (one of: ${aliasList('inputTokens')}); header: ${headerText}`);

  const normalizedHeader = header.map(normalizeColumn).filter((h) => h !== '');
  const format: UsageFormat = normalizedHeader.every((h) => SIMPLE_COLUMNS.has(h)) ? 'simple-csv' : 'openai-dashboard-csv';
  const used: Partial<Record<UsageField, string>> = {};
  for (const [field, index] of Object.entries(columns) as Array<[UsageField, number]>) used[field] = header[index].trim();

  const notes: string[] = [];
  if (columns.outputTokens === undefined) notes.push(`no output token column (one of: ${aliasList('outputTokens')}): output tokens counted as 0`);
  if (columns.cachedInputTokens === undefined) notes.push('no cached-token column: no input counted as cached');
  if (columns.requests === undefined) notes.push('no request-count column: context-length price tiers cannot use the average prompt size');
  const ignored = header.filter((_, i) => !Object.values(columns).includes(i)).map((h) => h.trim()).filter(Boolean);
  if (ignored.length) notes.push(`columns not used: ${ignored.join(', ')}`);

  const records: UsageRecord[] = [];
  const skipped: UsageSkip[] = [];
  let skippedCount = 0;
  let unattributed = 0;
  let sawZoneless = false;
  const ends: Array<number | null> = [];
  for (let r = 1; r < table.rows.length; r++) {
    const cells = table.rows[r];
    const line = table.lines[r];
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      throw new ConfigError(`line ${line}: ${cells.length} fields but the header has ${header.length} (an unquoted comma inside a value?)`);
    }
    const cell = (field: UsageField): string | undefined => (columns[field] === undefined ? undefined : (cells[columns[field]!] ?? ''));
    const count = (field: UsageField, emptyAs: number): number => {
      const raw = cell(field);
      if (raw === undefined) return emptyAs;
      const result = readCount(raw, emptyAs);
      if (!result.ok) throw new ConfigError(`line ${line}: ${header[columns[field]!].trim()}: ${result.reason}`);
      return result.value ?? emptyAs;
    };
    const model = (cell('model') ?? '').trim() || null;
    const inputTokens = count('inputTokens', 0);
    const outputTokens = count('outputTokens', 0);
    const cachedInputTokens = count('cachedInputTokens', 0);
    const requests = count('requests', 0);
    if (cachedInputTokens > inputTokens) {
      throw new ConfigError(`line ${line}: ${used.cachedInputTokens} (${cachedInputTokens}) exceeds ${used.inputTokens} (${inputTokens}); input tokens include the cached ones`);
    }
    let startTime: number | undefined;
    const rawStart = cell('startTime');
    if (rawStart !== undefined) {
      const t = readTime(rawStart);
      if (!t.ok) throw new ConfigError(`line ${line}: ${used.startTime}: ${t.reason}`);
      if (t.value !== null) startTime = t.value;
      if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(rawStart.trim())) sawZoneless = true;
    }
    let end: number | null = null;
    const rawEnd = cell('endTime');
    if (rawEnd !== undefined) {
      const t = readTime(rawEnd);
      if (!t.ok) throw new ConfigError(`line ${line}: ${used.endTime}: ${t.reason}`);
      end = t.value;
    }
    if (model === null && inputTokens === 0 && outputTokens === 0) {
      skippedCount++;
      if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ where: `line ${line}`, reason: 'no model and no tokens' });
      continue;
    }
    const operation = cell('kind');
    if (operation && /fine.?tun|training/i.test(operation)) {
      skippedCount++;
      if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ where: `line ${line}`, reason: `${used.kind} '${operation.trim()}' is not inference usage: not priced` });
      continue;
    }
    if (model === null) unattributed++;
    const batch = readBool(cell('batch'));
    const record: UsageRecord = {
      model,
      inputTokens,
      cachedInputTokens,
      outputTokens,
      requests,
      kind: kindFor(model, operation),
      ...(startTime !== undefined ? { startTime } : {}),
      ...(batch ? { batch } : {}),
    };
    records.push(record);
    ends.push(end);
  }
  if (sawZoneless) notes.push(`times without a time zone in ${used.startTime} were read as UTC`);

  // Bucket widths: from the end column, else inferred from the spacing of the start times.
  const starts = [...new Set(records.map((r) => r.startTime).filter((t): t is number => t !== undefined))].sort((a, b) => a - b);
  let inferred: number | undefined;
  if (columns.endTime === undefined && starts.length >= 2) {
    let gap = Infinity;
    for (let i = 1; i < starts.length; i++) gap = Math.min(gap, starts[i] - starts[i - 1]);
    if (Number.isFinite(gap) && gap > 0) {
      inferred = gap;
      notes.push(`bucket width inferred from the spacing of ${used.startTime}: ${describeSeconds(gap)}`);
    }
  }
  records.forEach((record, i) => {
    const end = ends[i];
    if (record.startTime === undefined) return;
    if (end !== null && end !== undefined && end > record.startTime) record.bucketSeconds = end - record.startTime;
    else if (inferred !== undefined) record.bucketSeconds = inferred;
  });

  const description: UsageDescription = {
    format,
    columns: used,
    rowsRead: records.length,
    rowsSkipped: skippedCount,
    skipped,
    unattributedRows: unattributed,
    requestsKnown: columns.requests !== undefined,
    notes,
  };
  finishDescription(description, records, undefined);
  return { records, description };
}

// ---------------------------------------------------------------------------------------------
// JSON

interface JsonDocument {
  value: unknown;
  /** 1-based line where the document starts. */
  line: number;
}

/** Splits concatenated JSON documents (`{…}{…}`, NDJSON, or one document) and parses each. */
export function splitJsonDocuments(text: string): JsonDocument[] {
  const docs: JsonDocument[] = [];
  let i = 0;
  const n = text.length;
  // Line numbers, counted forward from the last offset asked (offsets mostly grow).
  let cursor = 0;
  let cursorLine = 1;
  const lineAt = (offset: number) => {
    if (offset < cursor) {
      cursor = 0;
      cursorLine = 1;
    }
    for (; cursor < offset && cursor < n; cursor++) if (text.charCodeAt(cursor) === 10) cursorLine++;
    return cursorLine;
  };
  while (i < n) {
    while (i < n && /[\s,]/.test(text[i])) i++;
    if (i >= n) break;
    const start = i;
    const open = text[i];
    if (open !== '{' && open !== '[') {
      throw new ConfigError(`line ${lineAt(i)}: expected a JSON object or array, found ${JSON.stringify(text.slice(i, i + 20))}`);
    }
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0) throw new ConfigError(`line ${lineAt(start)}: the JSON document starting here is not closed (truncated file?)`);
    const slice = text.slice(start, i);
    try {
      docs.push({ value: JSON.parse(slice), line: lineAt(start) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const where = position ? `line ${lineAt(start + Number(position[1]))}` : `line ${lineAt(start)}`;
      throw new ConfigError(`${where}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`);
    }
  }
  return docs;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikePage(value: unknown): boolean {
  return isObject(value) && (value.object === 'page' || (Array.isArray(value.data) && value.data.every((b) => isObject(b) && ('results' in b || 'result' in b))));
}

function looksLikeSimpleRow(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value).map(normalizeColumn);
  return COLUMN_ALIASES.model.some((a) => keys.includes(normalizeColumn(a))) || COLUMN_ALIASES.inputTokens.some((a) => keys.includes(normalizeColumn(a)));
}

function parseJsonUsage(text: string): ParsedUsage {
  const docs = splitJsonDocuments(text);
  if (docs.length === 0) throw new ConfigError('the usage file is empty');
  // A JSON array of pages, or of simple rows.
  if (docs.length === 1 && Array.isArray(docs[0].value)) {
    const items = docs[0].value;
    if (items.length === 0) throw new ConfigError('$: the JSON array is empty');
    if (items.every(looksLikePage)) return parsePages(items.map((value, i) => ({ value, path: `$[${i}]`, line: docs[0].line })));
    if (items.every(looksLikeSimpleRow)) return parseSimpleRows(items.map((value, i) => ({ value, path: `$[${i}]` })));
    const bad = items.findIndex((item) => !looksLikePage(item) && !looksLikeSimpleRow(item));
    throw new ConfigError(
      `$[${Math.max(bad, 0)}]: unknown format: expected Usage API pages ({"object": "page", "data": [...]}) or objects with model, input_tokens and output_tokens`,
    );
  }
  if (docs.every((d) => looksLikePage(d.value))) {
    return parsePages(docs.map((d, i) => ({ value: d.value, path: docs.length > 1 ? `document ${i + 1} (line ${d.line})` : '$', line: d.line })));
  }
  if (docs.every((d) => looksLikeSimpleRow(d.value))) {
    return parseSimpleRows(docs.map((d) => ({ value: d.value, path: `line ${d.line}` })));
  }
  const bad = docs.find((d) => !looksLikePage(d.value) && !looksLikeSimpleRow(d.value))!;
  const keys = isObject(bad.value) ? Object.keys(bad.value).slice(0, 6).join(', ') : typeof bad.value;
  throw new ConfigError(
    `line ${bad.line}: unknown format: a JSON ${Array.isArray(bad.value) ? 'array' : 'object'} that is neither a Usage API page ({"object": "page", "data": [...]}) nor a usage row (keys: ${keys})`,
  );
}

const KNOWN_RESULT = /^organization\.usage\.([a-z_]+)\.result$/;

function parsePages(pages: Array<{ value: unknown; path: string; line: number }>): ParsedUsage {
  const records: UsageRecord[] = [];
  const skipped: UsageSkip[] = [];
  let skippedCount = 0;
  let unattributed = 0;
  let audioTokens = 0;
  let periodStart = Infinity;
  let periodEnd = -Infinity;
  const columns: Partial<Record<UsageField, string>> = {};
  const skip = (where: string, reason: string) => {
    skippedCount++;
    if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ where, reason });
  };
  for (const page of pages) {
    const p = page.value as Record<string, unknown>;
    const base = page.path === '$' ? '' : `${page.path}: `;
    if (!Array.isArray(p.data)) throw new ConfigError(`${base}data: expected an array of buckets`);
    p.data.forEach((bucketValue, b) => {
      const bpath = `${base}data[${b}]`;
      if (!isObject(bucketValue)) throw new ConfigError(`${bpath}: expected a bucket object`);
      const start = readTime(bucketValue.start_time);
      if (!start.ok || start.value === null) throw new ConfigError(`${bpath}.start_time: ${start.ok ? 'missing' : start.reason}`);
      const end = readTime(bucketValue.end_time);
      if (!end.ok) throw new ConfigError(`${bpath}.end_time: ${end.reason}`);
      const bucketSeconds = end.value !== null && end.value > start.value ? end.value - start.value : undefined;
      periodStart = Math.min(periodStart, start.value);
      periodEnd = Math.max(periodEnd, end.value ?? start.value);
      const results = bucketValue.results ?? bucketValue.result;
      if (!Array.isArray(results)) throw new ConfigError(`${bpath}.results: expected an array`);
      results.forEach((resultValue, r) => {
        const rpath = `${bpath}.results[${r}]`;
        if (!isObject(resultValue)) throw new ConfigError(`${rpath}: expected a result object`);
        const object = typeof resultValue.object === 'string' ? resultValue.object : undefined;
        const type = object ? KNOWN_RESULT.exec(object)?.[1] : undefined;
        let kind: UsageKind;
        if (type === 'completions') kind = 'completions';
        else if (type === 'embeddings') kind = 'embeddings';
        else if (type) {
          skip(rpath, `${type.replace(/_/g, ' ')} usage is not billed per token: not priced`);
          return;
        } else if ('input_tokens' in resultValue) kind = 'output_tokens' in resultValue ? 'completions' : 'embeddings';
        else {
          skip(rpath, `no input_tokens${object ? ` (object ${object})` : ''}: not token usage`);
          return;
        }
        const count = (key: string, required: boolean): number => {
          const raw = resultValue[key];
          if (raw === undefined || raw === null) {
            if (required) throw new ConfigError(`${rpath}.${key}: missing`);
            return 0;
          }
          const result = readCount(raw, 0);
          if (!result.ok) throw new ConfigError(`${rpath}.${key}: ${result.reason}`);
          return result.value ?? 0;
        };
        const inputTokens = count('input_tokens', true);
        const outputTokens = kind === 'completions' ? count('output_tokens', true) : 0;
        const cachedInputTokens = count('input_cached_tokens', false);
        const requests = count('num_model_requests', false);
        if (cachedInputTokens > inputTokens) {
          throw new ConfigError(`${rpath}.input_cached_tokens: ${cachedInputTokens} exceeds input_tokens ${inputTokens}; input_tokens include the cached ones`);
        }
        audioTokens += count('input_audio_tokens', false) + count('output_audio_tokens', false);
        const rawModel = resultValue.model;
        if (rawModel !== undefined && rawModel !== null && typeof rawModel !== 'string') throw new ConfigError(`${rpath}.model: expected a string or null`);
        const model = typeof rawModel === 'string' && rawModel.trim() ? rawModel.trim() : null;
        if (model === null) unattributed++;
        const batch = readBool(resultValue.batch);
        records.push({
          model,
          inputTokens,
          cachedInputTokens,
          outputTokens,
          requests,
          startTime: start.value,
          ...(bucketSeconds !== undefined ? { bucketSeconds } : {}),
          kind,
          ...(batch ? { batch } : {}),
        });
      });
    });
  }
  columns.model = 'model';
  columns.inputTokens = 'input_tokens';
  columns.cachedInputTokens = 'input_cached_tokens';
  columns.outputTokens = 'output_tokens';
  columns.requests = 'num_model_requests';
  columns.startTime = 'start_time';
  columns.endTime = 'end_time';
  columns.batch = 'batch';
  const notes: string[] = [];
  const last = pages[pages.length - 1].value as Record<string, unknown>;
  if (last.has_more === true) {
    notes.push(`the last page says has_more: true (next_page ${JSON.stringify(last.next_page ?? null)}): usage after it is missing from the file`);
  }
  if (audioTokens > 0) notes.push(`${audioTokens} audio tokens (input_audio_tokens + output_audio_tokens) are not priced: the providers' OpenAI-compatible endpoints take no audio`);
  if (unattributed > 0) notes.push(`${unattributed} result(s) have model: null (the query was not grouped by model, add group_by=model): they cannot be priced`);
  const description: UsageDescription = {
    format: 'openai-usage-api',
    documents: pages.length,
    columns,
    rowsRead: records.length,
    rowsSkipped: skippedCount,
    skipped,
    unattributedRows: unattributed,
    requestsKnown: true,
    notes,
  };
  finishDescription(description, records, Number.isFinite(periodStart) && periodEnd > periodStart ? { start: periodStart, end: periodEnd } : undefined);
  return { records, description };
}

function parseSimpleRows(rows: Array<{ value: unknown; path: string }>): ParsedUsage {
  const records: UsageRecord[] = [];
  const used: Partial<Record<UsageField, string>> = {};
  let unattributed = 0;
  let requestsKnown = false;
  for (const { value, path } of rows) {
    if (!isObject(value)) throw new ConfigError(`${path}: expected an object with model, input_tokens and output_tokens`);
    const keys = Object.keys(value);
    const normalized = keys.map(normalizeColumn);
    const key = (field: UsageField): string | undefined => {
      for (const alias of COLUMN_ALIASES[field]) {
        const i = normalized.indexOf(normalizeColumn(alias));
        if (i >= 0) return keys[i];
      }
      return undefined;
    };
    const modelKey = key('model');
    if (!modelKey) throw new ConfigError(`${path}: missing model (one of: ${aliasList('model')})`);
    const inputKey = key('inputTokens');
    if (!inputKey) throw new ConfigError(`${path}: missing input_tokens (one of: ${aliasList('inputTokens')})`);
    const rawModel = value[modelKey];
    if (rawModel !== null && typeof rawModel !== 'string') throw new ConfigError(`${path}.${modelKey}: expected a string, got ${JSON.stringify(rawModel)}`);
    const model = typeof rawModel === 'string' && rawModel.trim() ? rawModel.trim() : null;
    if (model === null) unattributed++;
    const count = (field: UsageField): number => {
      const k = key(field);
      if (!k) return 0;
      used[field] ??= k;
      const result = readCount(value[k], 0);
      if (!result.ok) throw new ConfigError(`${path}.${k}: ${result.reason}`);
      return result.value ?? 0;
    };
    used.model ??= modelKey;
    const inputTokens = count('inputTokens');
    const outputTokens = count('outputTokens');
    const cachedInputTokens = count('cachedInputTokens');
    const requests = count('requests');
    if (key('requests')) requestsKnown = true;
    if (cachedInputTokens > inputTokens) {
      throw new ConfigError(`${path}.${key('cachedInputTokens')}: ${cachedInputTokens} exceeds ${inputKey} ${inputTokens}; input tokens include the cached ones`);
    }
    let startTime: number | undefined;
    const timeKey = key('startTime');
    if (timeKey) {
      used.startTime ??= timeKey;
      const t = readTime(value[timeKey]);
      if (!t.ok) throw new ConfigError(`${path}.${timeKey}: ${t.reason}`);
      if (t.value !== null) startTime = t.value;
    }
    records.push({ model, inputTokens, cachedInputTokens, outputTokens, requests, kind: kindFor(model, undefined), ...(startTime !== undefined ? { startTime } : {}) });
  }
  const notes: string[] = [];
  if (!used.cachedInputTokens) notes.push('no cached_tokens given: no input counted as cached');
  if (!requestsKnown) notes.push('no requests given: context-length price tiers cannot use the average prompt size');
  const description: UsageDescription = {
    format: 'simple-json',
    columns: used,
    rowsRead: records.length,
    rowsSkipped: 0,
    skipped: [],
    unattributedRows: unattributed,
    requestsKnown,
    notes,
  };
  finishDescription(description, records, undefined);
  return { records, description };
}

// ---------------------------------------------------------------------------------------------

/** Sets the period (given, or from the records' buckets) and the typical bucket width. */
function finishDescription(description: UsageDescription, records: UsageRecord[], period: { start: number; end: number } | undefined): void {
  let next = period;
  if (!next) {
    let start = Infinity;
    let end = -Infinity;
    for (const r of records) {
      if (r.startTime === undefined) continue;
      start = Math.min(start, r.startTime);
      end = Math.max(end, r.startTime + (r.bucketSeconds ?? 0));
    }
    if (Number.isFinite(start) && end > start) next = { start, end };
  }
  if (next) description.period = next;
  const widths = new Map<number, number>();
  for (const r of records) if (r.bucketSeconds !== undefined) widths.set(r.bucketSeconds, (widths.get(r.bucketSeconds) ?? 0) + 1);
  let best: number | undefined;
  for (const [width, n] of widths) if (best === undefined || n > widths.get(best)!) best = width;
  if (best !== undefined) description.bucketSeconds = best;
}

export function describeSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}
