import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { parseCsv, parseUsage, readUsageFile, splitJsonDocuments } from '../../src/cost/usage.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/cost');
const fixture = (name: string) => path.join(FIXTURES, name);

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseCsv (RFC 4180)', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const table = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n1,2,3\n');
    expect(table.rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
    // The third row starts on line 4: the quoted field spans lines 2–3.
    expect(table.lines).toEqual([1, 2, 4]);
  });

  it('reads CRLF line ends, drops blank lines and keeps empty fields', () => {
    const table = parseCsv('a,b\r\n1,\r\n\r\n,2\r\n');
    expect(table.rows).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', '2'],
    ]);
    expect(table.lines).toEqual([1, 2, 4]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(parseCsv('model;input_tokens\ngpt-4o;5\n').rows[1]).toEqual(['gpt-4o', '5']);
    expect(parseCsv('model\tinput_tokens\ngpt-4o\t5\n').rows[1]).toEqual(['gpt-4o', '5']);
  });

  it('names the line of a quote that is never closed', () => {
    const error = errorOf(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n'));
    expect(error.message).toMatch(/^line 3: a quoted field is never closed/);
  });

  it('rejects text after a closing quote, naming the line', () => {
    const error = errorOf(() => parseCsv('a,b\n"x"y,2\n'));
    expect(error.message).toMatch(/^line 2: unexpected "y" after a closing quote/);
  });
});

describe('splitJsonDocuments', () => {
  it('splits concatenated documents and NDJSON, braces inside strings included', () => {
    const docs = splitJsonDocuments('{"a":"}{"}\n{"b":[1,2]}{"c":3}');
    expect(docs.map((d) => d.value)).toEqual([{ a: '}{' }, { b: [1, 2] }, { c: 3 }]);
    expect(docs.map((d) => d.line)).toEqual([1, 2, 2]);
  });
});

describe('the OpenAI Usage API format', () => {
  it('reads a completions page with hourly buckets and cached tokens', () => {
    const { records, description } = readUsageFile(fixture('usage-api-completions-hourly.json'));
    expect(description.format).toBe('openai-usage-api');
    expect(description.documents).toBe(1);
    expect(description.rowsRead).toBe(3);
    expect(description.requestsKnown).toBe(true);
    expect(description.bucketSeconds).toBe(3600);
    // From the first bucket's start (Tue 02:00 UTC) to the last bucket's end (Sat 03:00 UTC): 97 hours.
    expect(description.period).toEqual({ start: 1793671200, end: 1794020400 });
    expect(records[0]).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      inputTokens: 1_000_000,
      cachedInputTokens: 400_000,
      outputTokens: 200_000,
      requests: 100,
      startTime: 1793671200,
      bucketSeconds: 3600,
      kind: 'completions',
    });
    expect(records.map((r) => r.startTime)).toEqual([1793671200, 1793671200, 1794016800]);
  });

  it('reads pages concatenated one after another, and flags rows with no model', () => {
    const { records, description } = readUsageFile(fixture('usage-api-two-pages.json'));
    expect(description.documents).toBe(2);
    expect(records.map((r) => r.model)).toEqual(['gpt-4o', 'gpt-4o-mini', 'o3-mini-2025-01-31', null]);
    expect(description.unattributedRows).toBe(1);
    expect(description.notes.join('\n')).toMatch(/model: null.*group_by=model/);
    expect(description.bucketSeconds).toBe(86400);
    expect(description.period).toEqual({ start: 1793577600, end: 1793836800 });
  });

  it('reads a JSON array of pages the same way as concatenated pages', () => {
    const pages = [
      { object: 'page', data: [{ object: 'bucket', start_time: 0, end_time: 3600, results: [{ object: 'organization.usage.completions.result', input_tokens: 5, output_tokens: 1, num_model_requests: 1, model: 'gpt-4o' }] }], has_more: true, next_page: 'p2' },
      { object: 'page', data: [{ object: 'bucket', start_time: 3600, end_time: 7200, results: [{ object: 'organization.usage.completions.result', input_tokens: 7, output_tokens: 2, num_model_requests: 1, model: 'gpt-4o' }] }], has_more: false, next_page: null },
    ];
    const { records, description } = parseUsage(JSON.stringify(pages));
    expect(description.documents).toBe(2);
    expect(records.map((r) => r.inputTokens)).toEqual([5, 7]);
    expect(description.notes.some((n) => /has_more/.test(n))).toBe(false);
  });

  it('says when the last page has more data that is missing', () => {
    const page = { object: 'page', data: [], has_more: true, next_page: 'page_X' };
    expect(parseUsage(JSON.stringify(page)).description.notes.join('\n')).toMatch(/has_more: true .*"page_X"/);
  });

  it('reads an embeddings page: input tokens only', () => {
    const { records } = readUsageFile(fixture('usage-api-embeddings.json'));
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.kind === 'embeddings' && r.outputTokens === 0)).toBe(true);
    expect(records.map((r) => r.inputTokens)).toEqual([10_000_000, 2_000_000]);
  });

  it('skips usage that is not billed per token, saying why', () => {
    const page = {
      object: 'page',
      data: [{ object: 'bucket', start_time: 0, end_time: 86400, results: [{ object: 'organization.usage.images.result', images: 3, num_model_requests: 3, model: 'dall-e-3' }] }],
    };
    const { records, description } = parseUsage(JSON.stringify(page));
    expect(records).toHaveLength(0);
    expect(description.rowsSkipped).toBe(1);
    expect(description.skipped[0]).toEqual({ where: 'data[0].results[0]', reason: 'images usage is not billed per token: not priced' });
  });
});

describe('dashboard CSV exports (tolerant columns)', () => {
  it('reads the 2023 activity export and names the columns it used', () => {
    const { records, description } = readUsageFile(fixture('dashboard-2023-activity.csv'));
    expect(description.format).toBe('openai-dashboard-csv');
    expect(description.columns).toEqual({
      model: 'snapshot_id',
      inputTokens: 'n_context_tokens_total',
      outputTokens: 'n_generated_tokens_total',
      requests: 'n_requests',
      startTime: 'aggregation_timestamp',
      kind: 'operation',
    });
    expect(description.notes).toContain('columns not used: organization_id, organization_name');
    expect(description.notes.join('\n')).toMatch(/no cached-token column/);
    // "Acme, Inc." is one quoted field: the columns after it stay aligned.
    expect(records.map((r) => [r.model, r.inputTokens, r.outputTokens, r.requests, r.kind])).toEqual([
      ['gpt-3.5-turbo-0613', 1_000_000, 500_000, 120, 'completions'],
      ['gpt-4-0613', 100_000, 20_000, 10, 'completions'],
      ['text-embedding-ada-002', 2_000_000, 0, 5, 'embeddings'],
      ['gpt-3.5-turbo-0613', 1_000_000, 500_000, 130, 'completions'],
    ]);
    // Daily rows: the bucket width is inferred from the spacing of the timestamps.
    expect(records[0].bucketSeconds).toBe(86400);
    expect(description.period).toEqual({ start: 1690848000, end: 1690848000 + 2 * 86400 });
  });

  it('reads the 2024+ export: start/end times, cached tokens, batch, quoted user ids', () => {
    const { records, description } = readUsageFile(fixture('dashboard-2024-usage.csv'));
    expect(description.columns).toMatchObject({
      model: 'model',
      inputTokens: 'input_tokens',
      cachedInputTokens: 'input_cached_tokens',
      outputTokens: 'output_tokens',
      requests: 'num_model_requests',
      startTime: 'start_time',
      endTime: 'end_time',
      batch: 'batch',
    });
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ model: 'gpt-4.1-nano-2025-04-14', inputTokens: 2_000_000, cachedInputTokens: 500_000, outputTokens: 10_000, requests: 10, bucketSeconds: 3600 });
    expect(records[2]).toMatchObject({ model: 'gpt-4o-mini', batch: true });
    expect(records[0].batch).toBeUndefined();
  });

  it('matches human headers ignoring case and spaces, with thousands separators in quoted cells', () => {
    const { records, description } = readUsageFile(fixture('dashboard-daily-human.csv'));
    expect(description.columns).toEqual({
      model: 'Model Name',
      inputTokens: 'Prompt Tokens',
      outputTokens: 'Completion Tokens',
      cachedInputTokens: 'Cached Tokens',
      requests: 'Requests',
      startTime: 'Date',
    });
    expect(description.notes).toContain('columns not used: Cost (USD)');
    expect(records[0]).toMatchObject({ model: 'gpt-4o', inputTokens: 3_000_000, outputTokens: 600_000, cachedInputTokens: 1_000_000, requests: 1200 });
    // ISO dates are read as UTC midnight.
    expect(records[0].startTime).toBe(Date.UTC(2026, 9, 1) / 1000);
    expect(records[1].startTime! - records[0].startTime!).toBe(86400);
  });

  it('prefers the first alias when several are present', () => {
    const { description, records } = parseUsage('model,prompt_tokens,input_tokens,output_tokens\ngpt-4o,1,2,3\n');
    // input_tokens comes before prompt_tokens in the alias list.
    expect(description.columns.inputTokens).toBe('input_tokens');
    expect(records[0].inputTokens).toBe(2);
  });
});

describe('the simple formats', () => {
  it('reads a simple CSV', () => {
    const { records, description } = readUsageFile(fixture('simple.csv'));
    expect(description.format).toBe('simple-csv');
    expect(description.requestsKnown).toBe(true);
    expect(records).toEqual([
      { model: 'gpt-4o', inputTokens: 2_000_000, cachedInputTokens: 1_000_000, outputTokens: 500_000, requests: 400, kind: 'completions' },
      { model: 'gpt-4o-mini', inputTokens: 10_000_000, cachedInputTokens: 0, outputTokens: 2_000_000, requests: 5000, kind: 'completions' },
    ]);
    expect(description.period).toBeUndefined();
  });

  it('reads a simple JSON array, embeddings by model name', () => {
    const { records, description } = readUsageFile(fixture('simple.json'));
    expect(description.format).toBe('simple-json');
    expect(description.requestsKnown).toBe(false);
    expect(records.map((r) => [r.model, r.kind, r.inputTokens, r.outputTokens])).toEqual([
      ['gpt-4o', 'completions', 1_000_000, 1_000_000],
      ['text-embedding-3-small', 'embeddings', 1_000_000, 0],
    ]);
  });

  it('detects the format from the content, not the extension', () => {
    // CSV text in a ".json" file name and JSON text in a ".csv" one.
    expect(parseUsage('model,input_tokens,output_tokens\ngpt-4o,1,2\n', 'usage.json').description.format).toBe('simple-csv');
    expect(parseUsage('[{"model":"gpt-4o","input_tokens":1,"output_tokens":2}]', 'usage.csv').description.format).toBe('simple-json');
  });
});

describe('malformed files are ConfigErrors that name the place', () => {
  it('a non-numeric token count names the line and the column', () => {
    const error = errorOf(() => readUsageFile(fixture('bad-nonnumeric.csv')));
    expect(error.message).toBe(`${fixture('bad-nonnumeric.csv')}: line 3: input_tokens: 'abc' is not a number`);
  });

  it('a negative number names the line', () => {
    expect(errorOf(() => readUsageFile(fixture('bad-negative.csv'))).message).toMatch(/: line 2: output_tokens: -5 is negative$/);
  });

  it('a missing model column lists the accepted names', () => {
    expect(errorOf(() => readUsageFile(fixture('bad-missing-model.csv'))).message).toMatch(/: line 1: missing model column \(one of: model, snapshot_id, model_name/);
  });

  it('a bad field in a Usage API page names its JSON path', () => {
    expect(errorOf(() => readUsageFile(fixture('bad-usage-field.json'))).message).toMatch(/: data\[0\]\.results\[1\]\.input_tokens: 'lots' is not a number$/);
  });

  it('a bad field in the second of two pages names the page', () => {
    const good = '{"object":"page","data":[],"has_more":true}';
    const bad = '{"object":"page","data":[{"object":"bucket","start_time":0,"end_time":60,"results":[{"object":"organization.usage.completions.result","input_tokens":1,"output_tokens":-1,"model":"gpt-4o"}]}]}';
    expect(errorOf(() => parseUsage(`${good}\n${bad}\n`)).message).toBe('document 2 (line 2): data[0].results[0].output_tokens: -1 is negative');
  });

  it('an unknown JSON shape says what was expected', () => {
    expect(errorOf(() => readUsageFile(fixture('bad-unknown.json'))).message).toMatch(/line 1: unknown format: .*neither a Usage API page.*keys: usage/);
  });

  it('an unclosed quote and a truncated JSON document name their line', () => {
    expect(errorOf(() => readUsageFile(fixture('bad-unclosed-quote.csv'))).message).toMatch(/: line 3: a quoted field is never closed$/);
    expect(errorOf(() => readUsageFile(fixture('bad-truncated.json'))).message).toMatch(/: line 1: the JSON document starting here is not closed/);
  });

  it('cached tokens above input tokens are an error', () => {
    expect(errorOf(() => parseUsage('model,input_tokens,output_tokens,cached_tokens\ngpt-4o,10,1,11\n')).message).toMatch(/^line 2: cached_tokens \(11\) exceeds input_tokens \(10\)/);
  });

  it('a simple JSON row without a model names its index', () => {
    expect(errorOf(() => parseUsage('[{"model":"gpt-4o","input_tokens":1},{"input_tokens":2}]')).message).toMatch(/^\$\[1\]: missing model/);
  });

  it('an extra unquoted comma is caught', () => {
    expect(errorOf(() => parseUsage('model,input_tokens,output_tokens\ngpt-4o,1,000,5\n')).message).toMatch(/^line 2: 4 fields but the header has 3/);
  });

  it('an empty file and a file with no CSV header are errors', () => {
    expect(errorOf(() => parseUsage('  \n')).message).toMatch(/empty/);
    expect(errorOf(() => parseUsage('hello world\n')).message).toMatch(/unknown format/);
  });
});
