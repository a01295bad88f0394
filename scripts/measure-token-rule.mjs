#!/usr/bin/env node
// Measures the old rule of thumb (4 characters per token; 0.8 / 1.12 tokens per 汉字) against OpenAI's
// own tokenizer on every literal prompt the scan finds in fixtures/ (English and Chinese).
// Run after a build: node scripts/measure-token-rule.mjs
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../dist/commands/analyze.js';
import { estimateOpenAiTokens, ruleOfThumbTokens } from '../dist/cost/static.js';

const roots = [];
for (const sdk of readdirSync('fixtures')) if (statSync(path.join('fixtures', sdk)).isDirectory() && sdk !== 'eval') roots.push(path.join('fixtures', sdk));
for (const project of readdirSync('fixtures/eval')) roots.push(path.join('fixtures/eval', project));
const seen = new Set();
const rows = [];
for (const root of roots) {
  const { planned } = await analyze({ path: root, typeCheck: false }, 'scan');
  for (const f of planned.findings) {
    const text = f.usage?.promptText;
    const model = f.usage?.model;
    if (!text || !model || seen.has(`${model}\u0000${text}`)) continue;
    seen.add(`${model}\u0000${text}`);
    const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
    rows.push({ zh: cjk / text.replace(/\s/g, '').length >= 0.5, real: estimateOpenAiTokens(text, model), rule: ruleOfThumbTokens(text, model) });
  }
}
for (const [label, list] of [['English', rows.filter((r) => !r.zh)], ['Chinese', rows.filter((r) => r.zh)]]) {
  if (!list.length) continue;
  const real = list.reduce((s, r) => s + r.real, 0);
  const rule = list.reduce((s, r) => s + r.rule, 0);
  const errors = list.map((r) => (r.rule - r.real) / r.real);
  const mean = errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length;
  const worst = errors.reduce((w, e) => (Math.abs(e) > Math.abs(w) ? e : w), 0);
  console.log(`${label}: ${list.length} prompts, ${real} tokens by tiktoken, ${rule} by the rule (total ${(((rule - real) / real) * 100).toFixed(1)}%); mean |error| per prompt ${(mean * 100).toFixed(1)}%, worst ${(worst * 100).toFixed(1)}%`);
}
