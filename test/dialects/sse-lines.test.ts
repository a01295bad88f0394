/**
 * Hand-written SSE parsers and comment lines (rule deepseek-sse-keep-alive, dialects/sse-lines.ts):
 * the parsers of fixtures/sse-parsers are run on a real emulator stream, which opens with a
 * `: keep-alive` comment as DeepSeek's may; the bad ones throw, the good ones read the answer, and
 * the scan flags exactly the bad ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ts } from '../../src/analysis/ts.js';
import { parseUnit } from '../../src/analysis/unit.js';
import { findProvider } from '../../src/catalogue/index.js';
import { analyze } from '../../src/commands/analyze.js';
import { unguardedSseParses } from '../../src/dialects/sse-lines.js';
import { startEmulator, type RunningServer } from '../../src/emulator/server.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = path.join(FIXTURES, 'sse-parsers');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort();
const bad = (file: string) => file.startsWith('bad-');

function parsesOf(file: string): number[] {
  const unit = parseUnit(file, path.join(DIR, file), readFileSync(path.join(DIR, file), 'utf8'));
  let request: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fetch') request ??= node;
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return unguardedSseParses(unit, request!).map((p) => p.line);
}

describe('unguarded SSE parses', () => {
  it('has bad and good parsers to tell apart', () => {
    expect(FILES.filter(bad).length).toBeGreaterThanOrEqual(2);
    expect(FILES.filter((f) => !bad(f)).length).toBeGreaterThanOrEqual(2);
  });

  for (const file of FILES) {
    it(`${file}: ${bad(file) ? 'the JSON.parse of every line is found' : 'nothing is found'}`, () => {
      if (bad(file)) expect(parsesOf(file)).toHaveLength(1);
      else expect(parsesOf(file)).toEqual([]);
    });
  }
});

describe('guards around a parse', () => {
  const lines = (loopBody: string, around = (loop: string) => loop) =>
    inline(`export function read(text: string, out: unknown[]) {\n  ${around(`for (const line of text.split('\\n')) {\n    ${loopBody}\n  }`)}\n}\n`);
  function inline(text: string): number {
    const unit = parseUnit('inline.ts', '/tmp/inline.ts', text);
    return unguardedSseParses(unit, unit.sf.statements[0]).length;
  }

  it('a test of the line start, a regex on it, or a catch inside the loop that does not rethrow: not flagged', () => {
    expect(lines(`if (line[0] === ':' || !line) continue;\n    out.push(JSON.parse(line.slice(6)));`)).toBe(0);
    expect(lines(`const m = /^data: (.*)$/.exec(line);\n    if (m && m[1] !== '[DONE]') out.push(JSON.parse(line.replace('data: ', '')));`)).toBe(0);
    expect(lines(`try { out.push(JSON.parse(line.slice(6))); } catch { /* a comment line */ }`)).toBe(0);
  });

  it('a [DONE] test, a catch that rethrows, or one around the whole loop (the rest of the chunk is lost): flagged', () => {
    expect(lines(`if (line.startsWith('data: [DONE]')) break;\n    out.push(JSON.parse(line.slice(6)));`)).toBe(1);
    expect(lines(`try { out.push(JSON.parse(line.slice(6))); } catch (e) { throw new Error('bad chunk: ' + String(e)); }`)).toBe(1);
    expect(lines(`out.push(JSON.parse(line.slice(6)));`, (loop) => `try {\n  ${loop}\n  } catch (e) { console.error(e); }`)).toBe(1);
    // Not a line loop: a single payload, parsed once.
    expect(inline(`export const one = (body: string) => JSON.parse(body.slice(6));\n`)).toBe(0);
  });
});

describe('the parsers on a stream that opens with a keep-alive comment', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startEmulator({ provider: findProvider('deepseek')! });
  });
  afterAll(() => server.close());

  const stream = () =>
    fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: JSON.stringify({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'hi' }], stream: true, thinking: { type: 'disabled' } }),
    });

  for (const file of FILES) {
    it(`${file}: ${bad(file) ? 'throws on the comment' : 'reads the answer'}`, async () => {
      const { readStream } = (await import(path.join(DIR, file))) as { readStream(res: Response): AsyncGenerator<string> };
      const read = async () => {
        let out = '';
        for await (const token of readStream(await stream())) out += token;
        return out;
      };
      if (bad(file)) await expect(read()).rejects.toThrow(SyntaxError);
      else expect(await read()).toBe('[emulated deepseek/deepseek-flash] reply to: hi');
    });
  }
});

describe('the scan', () => {
  it('flags the bad parsers at review level naming the rule, for DeepSeek; the good ones keep the general note', async () => {
    const { planned } = await analyze({ path: DIR, provider: 'deepseek' }, 'scan');
    const sse = planned.findings.filter((f) => f.ruleId === 'http/sseStream');
    expect(sse.map((f) => path.basename(f.file)).sort()).toEqual(FILES);
    for (const finding of sse) {
      const file = path.basename(finding.file);
      if (bad(file)) {
        expect(finding.readiness, file).toBe('review');
        expect(finding.reason, file).toMatch(/stream parser at line \d+ JSON\.parses every line.*dialect rule deepseek-sse-keep-alive/);
      } else {
        expect(finding.readiness, file).toBe('info');
        expect(finding.reason ?? '', file).not.toMatch(/deepseek-sse-keep-alive/);
        expect(finding.action, file).toMatch(/Skip lines that are not `data:` lines/);
      }
    }
    // Only DeepSeek documents the comments: elsewhere the general note stays.
    const qwen = await analyze({ path: DIR, provider: 'qwen' }, 'scan');
    expect(qwen.planned.findings.some((f) => /deepseek-sse-keep-alive/.test(f.reason ?? ''))).toBe(false);
  });
});
