/**
 * `cost` at scale and at the edges: flag values that would overflow are usage errors (never ∞ or
 * NaN in a report), a usage file is read as a stream, and one big file's call sites are estimated
 * in time linear in their number.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvStream, parseCsv } from '../../src/cost/usage.js';
import { runCli } from '../helpers/cli.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-cost-');

const CALL = `import OpenAI from 'openai';
const client = new OpenAI();
export const ask = () => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
`;

describe('--calls-per-month', () => {
  it.each(['1e308', 'NaN', 'Infinity', '-1', '0', '1e13'])('%s is a usage error (exit 2), never ∞ or NaN', (value) => {
    const dir = project({ 'app.ts': CALL });
    const result = runCli(['cost', '--calls-per-month', value, '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--calls-per-month must be a positive number of at most 1e12, got '${value}'`);
    expect(result.stdout).not.toMatch(/∞|NaN|Infinity/);
  });

  it('the largest allowed value gives finite numbers', () => {
    const dir = project({ 'app.ts': CALL });
    const result = runCli(['cost', '--format', 'json', '--calls-per-month', '1e12', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/Infinity|NaN/);
    expect(JSON.stringify(JSON.parse(result.stdout))).not.toMatch(/Infinity|NaN/);
  });
});

describe('--usage is streamed', () => {
  it('a 21 MB CSV is read within a 96 MB heap (it used to take ~22× the file)', () => {
    const dir = project({});
    const file = path.join(dir, 'wide.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, 'model,input_tokens,output_tokens,requests,start_time,note\n');
    const pad = 'x'.repeat(400);
    let text = '';
    for (let i = 0; i < 50_000; i++) {
      text += `gpt-4o,${1000 + i},500,1,${1_761_955_200 + 3600 * (i % 720)},${pad}\n`;
      if (text.length > 1_000_000) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
    closeSync(fd);
    const result = runCli(['cost', '--format', 'json', '--usage', file, dir], { env: { NODE_OPTIONS: '--max-old-space-size=96' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.usage.rowsRead).toBe(50_000);
    expect(report.usage.columns.inputTokens).toBe('input_tokens');
  });

  it('rows come out the same however the text is cut into chunks (quotes, CRLF, BOM)', () => {
    const text = '\uFEFFmodel,note,input_tokens\r\n"gpt-4o","say ""hi"", twice\r\nand again",12\r\n\r\ngpt-4o-mini,,3\r\n"o3",x,4';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size++) {
      const rows: string[][] = [];
      const lines: number[] = [];
      const stream = new CsvStream((row, line) => {
        rows.push(row);
        lines.push(line);
      });
      for (let i = 0; i < text.length; i += size) stream.push(text.slice(i, i + size));
      stream.end();
      expect({ rows, lines }, `chunks of ${size}`).toEqual({ rows: whole.rows, lines: whole.lines });
    }
    expect(whole.rows[0]).toEqual(['model', 'note', 'input_tokens']);
    expect(whole.rows[1]).toEqual(['gpt-4o', 'say "hi", twice\r\nand again', '12']);
  });
});

describe('one file of many call sites', () => {
  // A guard, not a measurement: before the fix 4,000 calls took ~3 minutes (each call walked the
  // whole file, and each finding counted the file's lines from the top); now 8,000 take seconds.
  it('a file of 8,000 call sites is scanned and priced, every site found', { timeout: 240_000 }, () => {
    let text = "import OpenAI from 'openai';\nconst c = new OpenAI();\n";
    for (let i = 0; i < 8000; i++) text += `c.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'q${i}' }] });\n`;
    const dir = project({ 'big.ts': text });
    const result = runCli(['cost', '--format', 'json', '--output', path.join(dir, 'cost.json'), dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'cost.json'), 'utf8'));
    expect(report.static.sites).toHaveLength(8000);
  });
});
