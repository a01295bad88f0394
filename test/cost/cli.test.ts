/**
 * `migrate cost` end to end, on the built binary. Expected figures are computed by hand from the
 * catalogue's prices (per 1M tokens) at the time of writing:
 *   OpenAI (USD): gpt-4o 2.5 / cached 1.25 / out 10;  gpt-4o-mini 0.15 / 0.075 / 0.6;  text-embedding-3-small 0.02.
 *   Qwen (CNY):   qwen-max 2.4 / 0.48 / 9.6;  qwen-plus 0.8 / 0.16 / 2;  text-embedding-v4 0.5.
 *   Zhipu (CNY):  glm-4-plus 5 / – / 5;  glm-4-air-250414 0.5 / – / 0.5  (no cached price: cached at input).
 *   DeepSeek (CNY, off-peak / peak): deepseek-v4-pro 4.5 / 0.15 / 13.5 (9 / 0.3 / 27);  deepseek-flash 1 / 0.02 / 4 (2 / 0.04 / 8).
 * If the catalogue is repriced, recompute these by hand.
 *
 * fixtures/cost/simple.csv (no times: one month):
 *   gpt-4o       2,000,000 in (1,000,000 cached), 500,000 out
 *   gpt-4o-mini 10,000,000 in,                  2,000,000 out
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SIMPLE = 'fixtures/cost/simple.csv';
// OpenAI: gpt-4o 1 × 2.5 + 1 × 1.25 + 0.5 × 10 = 8.75;  gpt-4o-mini 10 × 0.15 + 2 × 0.6 = 2.70;  total $11.45
// Qwen:   qwen-max 1 × 2.4 + 1 × 0.48 + 0.5 × 9.6 = 7.68;  qwen-plus 10 × 0.8 + 2 × 2 = 12;  total ¥19.68 = $2.7333
//         change: 2.7333 − 11.45 = −$8.7167 = −¥62.76 (−76%)
// Zhipu:  glm-4-plus 2 × 5 + 0.5 × 5 = 12.5;  glm-4-air 10 × 0.5 + 2 × 0.5 = 6;  total ¥18.50
const json = (args: string[]) => {
  const result = runCli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};
type Provider = { id: string; rank: number; monthlyAmount: number; monthlyUsd: number; monthlyCny: number; comparison: { monthlyDeltaUsd: number; monthlyDeltaCny: number; ratio: number } };
const byId = (doc: { cost: { providers: Provider[] } }, id: string) => doc.cost.providers.find((p) => p.id === id)!;

describe('migrate cost --usage: the ranking', () => {
  const result = runCli(['cost', '--usage', SIMPLE]);
  const lines = result.stdout.split('\n');
  const row = (name: string) => lines.find((l) => l.includes(name)) ?? '';

  it('says which file and columns it read, exit 0', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Usage: fixtures/cost/simple.csv (simple CSV): 2 row(s) read, 0 skipped.');
    expect(result.stdout).toContain('cachedInputTokens ← cached_tokens');
  });

  it('ranks every provider with both currencies and the change against OpenAI', () => {
    expect(row('OpenAI (today)')).toContain('$11.45');
    const qwen = row('Alibaba Qwen');
    expect(qwen).toMatch(/^ *\d+ {2}Alibaba Qwen/);
    // Rule-based targets since issue 18: gpt-4o → qwen3.7-max (the newest flagship that answers without thinking), gpt-4o-mini → qwen3.7-plus.
    expect(qwen).toContain('¥68.40');
    expect(qwen).toContain('$9.50');
    expect(qwen).toContain('−$1.95 (−17%)');
    expect(qwen).toContain('−¥14.04');
    expect(row('Zhipu AI')).toContain('¥44.00');
    // Cheaper first: Zhipu (¥44.00) before Qwen (¥68.40); every one of the 13 providers is ranked.
    expect(lines.indexOf(row('Zhipu AI'))).toBeLessThan(lines.indexOf(qwen));
    const ranks = lines.map((l) => /^ *(\d+) {2}\S/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(ranks.slice(0, 13)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('draws the bar chart and lists the assumptions', () => {
    expect(result.stdout).toContain('Monthly cost in USD');
    const bars = (name: string) => (lines.filter((l) => l.startsWith(name)).pop()?.match(/[█▏▎▍▌▋▊▉]/g) ?? []).length;
    expect(bars('OpenAI (today)')).toBeGreaterThan(bars('Alibaba Qwen'));
    expect(result.stdout).toContain('CNY per USD: 7.2 (default; https://github.com/QuantumNous/new-api, as of 2026-11-28');
    expect(result.stdout).toContain('The usage file gives no time span: it is treated as one month');
    expect(result.stdout).toMatch(/Tencent Hunyuan hunyuan-2\.0-thinking-20251109 publishes no cached-input price/);
  });
});

describe('migrate cost --usage --provider: the per-model breakdown', () => {
  it('shows each OpenAI model with its target, tokens and both costs', () => {
    const result = runCli(['cost', '--usage', SIMPLE, '--provider', 'qwen']);
    expect(result.code).toBe(0);
    const text = result.stdout.slice(result.stdout.indexOf('per model, per month'));
    const line = (start: string) => text.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line('gpt-4o → qwen3.7-max')).toMatch(/2,000,000 +1,000,000 +500,000 +\$8\.75 +¥32\.40 +−\$4\.25 \(−49%\)/);
    expect(line('gpt-4o-mini → qwen3.7-plus')).toMatch(/10,000,000 +0 +2,000,000 +\$2\.70 +¥36\.00 +\+\$2\.30 \(\+85%\)/);
    expect(line('total')).toMatch(/\$11\.45 +¥68\.40 +−\$1\.95 \(−17%\)/);
  });

  it('refuses an unknown provider with exit 2 and the list', () => {
    const result = runCli(['cost', '--usage', SIMPLE, '--provider', 'openai-china']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown provider 'openai-china'");
    expect(result.stderr).toMatch(/known providers: .*deepseek.*qwen.*zhipu/);
  });
});

describe('migrate cost --format json', () => {
  it('has a versioned shape with exact numbers and English texts only', () => {
    const doc = json(['cost', '--usage', SIMPLE, '--provider', 'qwen']);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'command', 'source', 'root', 'provider', 'usage', 'static', 'cost']);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'cost', source: 'usage', provider: 'qwen', static: null });
    expect(doc.usage).toMatchObject({ format: 'simple-csv', rowsRead: 2, requestsKnown: true });
    expect(Object.keys(doc.cost)).toEqual(['fx', 'period', 'language', 'openai', 'providers', 'assumptions']);
    expect(doc.cost.fx).toEqual({ cnyPerUsd: 7.2, asOf: '2026-11-28', source: 'https://github.com/QuantumNous/new-api', isDefault: true });
    expect(doc.cost.openai.monthlyUsd).toBeCloseTo(11.45, 10);
    const qwen = byId(doc, 'qwen');
    expect(qwen.monthlyAmount).toBeCloseTo(68.4, 10);
    expect(qwen.monthlyUsd).toBeCloseTo(68.4 / 7.2, 10);
    expect(qwen.comparison.monthlyDeltaUsd).toBeCloseTo(68.4 / 7.2 - 11.45, 10);
    expect(qwen.comparison.monthlyDeltaCny).toBeCloseTo(68.4 - 11.45 * 7.2, 10);
    // Unrounded: the text's ¥68.40 is exact here, and the USD figure keeps every digit.
    expect(String(qwen.monthlyUsd)).toMatch(/^9\.5$/);
    expect(byId(doc, 'zhipu').monthlyAmount).toBeCloseTo(44, 10);
    expect(doc.cost.assumptions.every((a: object) => !('zh' in a))).toBe(true);
    expect(doc.cost.providers.every((p: { models: object[] }) => p.models.every((m) => !('notesZh' in m)))).toBe(true);
  });

  it('converts at --fx and prices peak hours at --peak-share', () => {
    const at7 = json(['cost', '--usage', SIMPLE, '--fx', '7']);
    // Qwen ¥68.40 = 68.4 / 7 = $9.7714; OpenAI $11.45 = ¥80.15; change −¥11.75.
    expect(byId(at7, 'qwen').monthlyUsd).toBeCloseTo(68.4 / 7, 10);
    expect(byId(at7, 'qwen').comparison.monthlyDeltaCny).toBeCloseTo(68.4 - 80.15, 10);
    expect(at7.cost.fx).toMatchObject({ cnyPerUsd: 7, isDefault: false });
    // DeepSeek off-peak: v4-pro 1 × 4.5 + 1 × 0.15 + 0.5 × 13.5 = 11.40;  flash 10 × 1 + 2 × 4 = 18;  ¥29.40.
    // All peak: every price doubles, ¥58.80.
    expect(byId(json(['cost', '--usage', SIMPLE, '--peak-share', '0']), 'deepseek').monthlyAmount).toBeCloseTo(29.4, 10);
    expect(byId(json(['cost', '--usage', SIMPLE, '--peak-share', '1']), 'deepseek').monthlyAmount).toBeCloseTo(58.8, 10);
  });

  it('writes to --output instead of stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-cost-'));
    try {
      const file = path.join(dir, 'cost.json');
      const result = runCli(['cost', '--usage', SIMPLE, '--format', 'json', '--output', file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(JSON.parse(readFileSync(file, 'utf8')).cost.openai.monthlyUsd).toBeCloseTo(11.45, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('malformed input: exit 2, naming the line or field', () => {
  it.each([
    ['bad-nonnumeric.csv', "line 3: input_tokens: 'abc' is not a number"],
    ['bad-unclosed-quote.csv', 'line 3: a quoted field is never closed'],
    ['bad-negative.csv', 'line 2: output_tokens: -5 is negative'],
    ['bad-usage-field.json', "data[0].results[1].input_tokens: 'lots' is not a number"],
  ])('%s', (file, message) => {
    const result = runCli(['cost', '--usage', `fixtures/cost/${file}`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`fixtures/cost/${file}: ${message}`);
  });

  it.each([
    ['bad-nonnumeric.csv', "第 3 行: input_tokens: 'abc' 不是数字"],
    ['bad-unclosed-quote.csv', '第 3 行: 带引号的字段没有闭合'],
    ['bad-negative.csv', '第 2 行: output_tokens: -5 是负数'],
    ['bad-usage-field.json', "data[0].results[1].input_tokens: 'lots' 不是数字"],
    ['bad-missing-model.csv', '第 1 行: 缺少模型列（可用列名：model, snapshot_id'],
    ['bad-truncated.json', '第 1 行: 从此处开始的 JSON 文档没有闭合（文件被截断？）'],
    ['bad-unknown.json', '第 1 行: 未知格式：该 JSON 对象既不是 Usage API 页面'],
  ])('says it in Chinese too: %s', (file, message) => {
    const result = runCli(['--lang', 'zh', 'cost', '--usage', `fixtures/cost/${file}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`用量文件有误：fixtures/cost/${file}: ${message}`);
    expect(result.stderr.replace(file, '')).not.toMatch(/\bline \d|is not|missing|expected|unknown format/);
  });

  it.each([
    [['--peak-share', '1.5'], '--peak-share must be a share between 0 and 1'],
    [['--fx', 'abc'], '--fx must be a positive number'],
    [['--calls-per-month', '100'], '--calls-per-month applies to the static estimate'],
    [['--format', 'sarif'], 'cost supports --format text or json'],
  ])('refuses %j', (flags, message) => {
    const result = runCli(['cost', '--usage', SIMPLE, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

/**
 * The static estimate of fixtures/demo-app, 1,000 calls a month per site, default 500 prompt tokens
 * for run-time content and 300 output tokens where no max_tokens can be read. Literal prompts are
 * counted with OpenAI's encoding (o200k_base for gpt-4o/gpt-4o-mini, gpt-tokenizer):
 *   src/chat.ts:9                 gpt-4o       SYSTEM_PROMPT constant (90 characters) = 19 tokens,
 *                                 + 500 = 519 in; max_tokens: MAX_ANSWER_TOKENS (imported, 800) out:
 *                                 (519 × 2.5 + 800 × 10) × 1000 / 1M = $9.2975
 *   src/embeddings.ts:6           embedding-3-small 500 in:     500 × 0.02 × 1000 / 1M            = $0.01
 *   src/services/summarizer.ts:9  gpt-4o-mini  literal system prompt (63 characters) = 17 tokens,
 *                                 + 500 = 517 in, 300 out: (517 × 0.15 + 300 × 0.6) × 1000 / 1M = $0.25755
 *   src/tools.ts:28               gpt-4o-mini  500 in, 300 out: (75 + 180) / 1000            = $0.255
 *   src/services/moderation.ts:5  moderations: not billed per token, not priced
 *   OpenAI total $9.82005.
 *   Qwen (by rule): qwen3.7-max (519k × 12 + 800k × 36) / 1M = ¥35.028;  qwen3.7-plus (1,017k × 2 + 600k × 8) / 1M = ¥6.834;
 *         text-embedding-v4 500k × 0.5 / 1M = ¥0.25;  total ¥42.112 = $5.84889;
 *         change 5.84889 − 9.82005 = −$3.97, 42.112 − 9.82005 × 7.2 = −¥28.59 (−40%).
 */
describe('migrate cost [path]: the static estimate', () => {
  it('sizes each call site from its literal prompt and the stated defaults', () => {
    const doc = json(['cost', 'fixtures/demo-app', '--provider', 'qwen']);
    expect(doc.source).toBe('static');
    expect(doc.usage).toBeNull();
    expect(doc.static).toMatchObject({ pricedSites: 4, unpricedSites: 1, assumptions: { callsPerMonth: 1000, defaultInputTokens: 500, defaultOutputTokens: 300, cnyPerUsd: 7.2, promptLanguage: 'en' } });
    const site = (file: string) => doc.static.sites.find((s: { file: string }) => s.file === file);
    expect(site('src/services/summarizer.ts')).toMatchObject({
      line: 9,
      model: 'gpt-4o-mini',
      literalTokens: 17,
      inputTokens: 517,
      inputBasis: 'literal+default',
      outputTokens: 300,
      outputBasis: 'default',
      callsPerMonth: 1000,
    });
    expect(site('src/services/summarizer.ts').openaiUsd).toBeCloseTo(0.25755, 12);
    expect(site('src/chat.ts')).toMatchObject({ literalTokens: 19, inputTokens: 519, outputTokens: 800, outputBasis: 'max_tokens' });
    expect(site('src/chat.ts').openaiUsd).toBeCloseTo(9.2975, 12);
    expect(site('src/services/moderation.ts')).toMatchObject({ priced: false, reason: 'moderations calls are not billed per token' });
    expect(doc.cost.period).toEqual({ basis: 'static', days: null, monthlyFactor: 1 });
    expect(doc.cost.openai.monthlyUsd).toBeCloseTo(9.82005, 10);
    expect(byId(doc, 'qwen').monthlyAmount).toBeCloseTo(42.112, 10);
    const ids = doc.cost.assumptions.map((a: { id: string }) => a.id);
    for (const id of ['callsPerMonth', 'promptTokens', 'outputTokens', 'noCache', 'promptLanguage', 'fx', 'peakShare']) expect(ids).toContain(id);
  });

  it('scales with --calls-per-month', () => {
    const doc = json(['cost', 'fixtures/demo-app', '--calls-per-month', '2500']);
    expect(doc.cost.openai.monthlyUsd).toBeCloseTo(9.82005 * 2.5, 10);
    expect(doc.cost.assumptions.find((a: { id: string }) => a.id === 'callsPerMonth')).toMatchObject({ value: 2500 });
  });

  it('prints each site, the figures and every assumption next to them', () => {
    const result = runCli(['cost', 'fixtures/demo-app', '--provider', 'qwen']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Static estimate of fixtures/demo-app: 5 call site(s), 4 priced.');
    expect(out).toMatch(/src\/services\/summarizer\.ts:9 +chat\.completions\.create +gpt-4o-mini +517 \(17 literal \+ 500\) +300 \(default\) +1,000 +\$0\.26/);
    expect(out).toMatch(/src\/services\/moderation\.ts:5 .*not priced: moderations calls are not billed per token/);
    expect(out).toMatch(/Alibaba Qwen.*¥42\.11 +\$5\.85 +−\$3\.97 \(−40%\) +−¥28\.59/);
    expect(out).toContain('Each call site is called 1,000 times a month (--calls-per-month)');
    expect(out).toContain('plus 500 tokens for what is only known at run time');
    expect(out).toContain('No prompt-cache hits are assumed');
  });

  it('gives scan the same figure in short form, and the readiness matrix the same engine', () => {
    const scan = runCli(['scan', 'fixtures/demo-app', '--provider', 'qwen']);
    expect(scan.stdout).toContain('Cost on Alibaba Qwen (Model Studio / DashScope): ¥42.11/month ($5.85) vs OpenAI $9.82/month, −$3.97 / −¥28.59 (−40%); priced: 4 of 5 call sites.');
    expect(scan.stdout).toMatch(/Cost assumptions: 1,000 calls\/month per call site; prompt = literal text \(\+ 500 tokens where run-time content is added\)/);
    const doc = json(['scan', 'fixtures/demo-app']);
    // schemaVersion 1 fields kept, new ones added.
    expect(doc.cost).toMatchObject({ pricedSites: 4, unpricedSites: 1, assumptions: { callsPerMonth: 1000, defaultInputTokens: 500, defaultOutputTokens: 300, cnyPerUsd: 7.2 } });
    expect(doc.cost.openaiUsd).toBeCloseTo(9.82005, 10);
    expect(doc.cost.sites).toHaveLength(5);
    expect(doc.cost.breakdown.providers).toHaveLength(13);
    const qwenRow = doc.readiness.find((r: { provider: string }) => r.provider === 'qwen');
    expect(qwenRow.monthlyCost.amount).toBeCloseTo(42.112, 10);
    expect(qwenRow.monthlyCost).toMatchObject({ currency: 'CNY', complete: true });
    // DeepSeek has no embeddings model: its figure leaves text-embedding-3-small out and says so.
    expect(doc.readiness.find((r: { provider: string }) => r.provider === 'deepseek').monthlyCost.complete).toBe(false);
  });
});

describe('--lang zh', () => {
  it('labels the cost report in Chinese, with Chinese provider names and assumptions', () => {
    const result = runCli(['--lang', 'zh', 'cost', '--usage', SIMPLE, '--provider', 'qwen']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('用量：fixtures/cost/simple.csv（简单 CSV）：读取 2 行，跳过 0 行。');
    expect(out).toContain('预估每月费用');
    // The CNY column is the difference with OpenAI, and says so (issue 14).
    expect(out).toMatch(/服务商 +每月 +折合美元 +相比 OpenAI +相比 OpenAI（人民币） +备注/);
    expect(out).toMatch(/阿里云百炼 · 通义千问 +¥68\.40 +\$9\.50 +−\$1\.95 \(−17%\) +−¥14\.04/);
    expect(out).toContain('每月费用（美元）');
    expect(out).toContain('：按模型，每月');
    expect(out).toContain('美元兑人民币：7.2（默认值');
    expect(out).not.toContain('Estimated monthly cost');
    expect(out).not.toContain('Providers are ranked');
  });

  it('labels the static estimate and the scan cost line in Chinese', () => {
    const cost = runCli(['--lang', 'zh', 'cost', 'fixtures/demo-app']);
    expect(cost.stdout).toContain('静态估算 fixtures/demo-app：5 个调用点，4 个已计价。');
    expect(cost.stdout).toContain('517 (字面 17 + 500)');
    expect(cost.stdout).toContain('每个调用点每月调用 1,000 次');
    const scan = runCli(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--provider', 'qwen']);
    expect(scan.stdout).toContain('阿里云百炼 · 通义千问 费用：每月 ¥42.11（$5.85），OpenAI 每月 $9.82，−$3.97 / −¥28.59 (−40%)；已计价：5 个调用点中的 4 个。');
  });
});
