import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProviderModel, listProviders, mapModel } from '../../src/catalogue/index.js';
import { OPENAI_MODELS } from '../../src/catalogue/openai.js';
import { FEATURE_IDS, OPENAI_TIERS, type Price } from '../../src/catalogue/schema.js';
import { providerTable, TABLE_END, TABLE_START } from '../../src/catalogue/readme-table.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const providers = listProviders();

function everyPrice(): Array<{ where: string; price: Price }> {
  const prices: Array<{ where: string; price: Price }> = [];
  for (const p of providers) {
    for (const m of [...p.chatModels, ...p.embeddingModels]) prices.push({ where: `${p.id}/${m.id}`, price: m.price });
  }
  for (const m of OPENAI_MODELS) if (m.price) prices.push({ where: `openai/${m.id}`, price: m.price });
  return prices;
}

describe('the provider catalogue', () => {
  it('has the 13 providers, each id once', () => {
    const ids = providers.map((p) => p.id);
    expect(ids).toEqual(['baichuan', 'deepseek', 'doubao', 'hunyuan', 'minimax', 'moonshot', 'qianfan', 'qwen', 'siliconflow', 'spark', 'stepfun', 'yi', 'zhipu']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prices every model with a currency, checkedOn (and asOf, kept for JSON) and an https source', () => {
    for (const { where, price } of everyPrice()) {
      expect(['CNY', 'USD'], where).toContain(price.currency);
      expect(price.checkedOn, where).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(price.asOf, where).toBe(price.checkedOn);
      if (price.effectiveFrom) expect(price.effectiveFrom <= price.checkedOn || price.effectiveFrom.length === 7, where).toBe(true);
      expect(price.source, where).toMatch(/^https:\/\//);
      expect(price.input, where).toBeGreaterThanOrEqual(0);
    }
  });

  it('cites aggregators only at a pinned commit or package version', () => {
    // The provider's own SDK repository (MetaGLM) is the provider's page, not an aggregator.
    const moving = /github\.com\/(?!MetaGLM\/)[^/]+\/[^/]+\/(blob|tree)\/(main|master|dev)\//;
    const sources: string[] = [];
    for (const p of providers) {
      for (const m of [...p.chatModels, ...p.embeddingModels]) {
        sources.push(m.price.source);
        if ('limits' in m && m.limits) sources.push(m.limits.source);
        if (m.lifecycle) sources.push(m.lifecycle.source);
      }
      for (const id of FEATURE_IDS) if (p.features[id].source) sources.push(p.features[id].source!);
    }
    for (const m of OPENAI_MODELS) if (m.price) sources.push(m.price.source);
    expect(sources.filter((s) => moving.test(s))).toEqual([]);
    expect(sources.filter((s) => s.includes('npmjs.com/package/model-bank') && !/\/v\/\d/.test(s))).toEqual([]);
  });

  it('gives every non-active model its lifecycle evidence and a retirement day where announced', () => {
    for (const p of providers) {
      for (const m of p.chatModels) {
        if (m.status === 'active') continue;
        expect(m.lifecycle?.source, `${p.id}/${m.id}`).toMatch(/^https:\/\//);
        expect(m.deprecated, `${p.id}/${m.id}: the JSON contract's deprecated text`).toBeTruthy();
        if (m.status === 'retired') expect(m.retiresOn, `${p.id}/${m.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('knows the retirements issue 18 names, from the providers’ own pages', () => {
    const qwen = providers.find((p) => p.id === 'qwen')!;
    for (const id of ['qwq-plus', 'qwen-vl-max', 'qwen-turbo']) {
      const m = qwen.chatModels.find((c) => c.id === id)!;
      expect(m, id).toMatchObject({ status: 'retired', retiresOn: '2026-10-10' });
      expect(m.lifecycle!.source).toMatch(/^https:\/\/www\.alibabacloud\.com\//);
    }
    const deepseek = providers.find((p) => p.id === 'deepseek')!;
    for (const id of ['deepseek-chat', 'deepseek-reasoner']) {
      const m = deepseek.chatModels.find((c) => c.id === id)!;
      expect(m, id).toMatchObject({ status: 'retired', retiresOn: '2026-07-24' });
      expect(m.lifecycle!.source).toMatch(/^https:\/\/api-docs\.deepseek\.com\//);
    }
  });

  it('gives every known fact a source; unknown is a value, not a guess', () => {
    for (const p of providers) {
      for (const id of FEATURE_IDS) {
        const flag = p.features[id];
        if (flag.support !== 'unknown') expect(flag.source, `${p.id}.${id}`).toMatch(/^https:\/\//);
      }
    }
  });

  it('has https base URLs, one default region per provider, unique model ids', () => {
    for (const p of providers) {
      for (const region of p.regions) expect(region.baseURL, `${p.id}/${region.id}`).toMatch(/^https:\/\/[^\s]+$/);
      expect(p.regions.filter((r) => r.default), p.id).toHaveLength(1);
      const ids = [...p.chatModels, ...p.embeddingModels].map((m) => m.id);
      expect(new Set(ids).size, p.id).toBe(ids.length);
    }
  });

  it('derives a class map whose every target exists (or is none)', () => {
    for (const p of providers) {
      for (const tier of OPENAI_TIERS) {
        const target = p.modelMap[tier];
        if (target !== 'none') expect(findProviderModel(p, target), `${p.id} ${tier} → ${target}`).toBeDefined();
      }
    }
  });

  it('knows every model id of the installed openai SDK’s ChatModel union', () => {
    const shared = readFileSync(path.join(REPO, 'node_modules/openai/resources/shared.d.ts'), 'utf8');
    const union = /export type ChatModel = ([^;]+);/.exec(shared)![1];
    const ids = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(50);
    const known = new Set(OPENAI_MODELS.map((m) => m.id));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });

  it('maps by rule, with the user’s and the provider’s explicit choices first', () => {
    const qwen = providers.find((p) => p.id === 'qwen')!;
    expect(mapModel('gpt-4o', qwen).target).toBe('qwen3.7-max'); // qwen3.8-max only thinks: gpt-4o answers without
    expect(mapModel('gpt-4o-mini', qwen).target).toBe('qwen3.7-plus');
    expect(mapModel('gpt-4o-2024-08-06', qwen).target).toBe('qwen3.7-max');
    expect(mapModel('o3-mini', qwen).target).toBe('qwen3.8-flash');
    expect(mapModel('gpt-4-vision-preview', qwen).target).toBe('qwen3-vl-plus');
    // Embeddings are chosen by hand for Qwen (tierOverrides): the only 1536-d model.
    expect(mapModel('text-embedding-3-large', qwen)).toMatchObject({ target: 'text-embedding-v4', via: 'tier' });
    expect(mapModel('gpt-4o', qwen, { 'gpt-4o': 'qwen-plus' })).toMatchObject({ target: 'qwen-plus', via: 'override' });
    const deepseek = providers.find((p) => p.id === 'deepseek')!;
    expect(mapModel('text-embedding-3-small', deepseek).target).toBeUndefined();
    expect(mapModel('o1', deepseek).target).toBe('deepseek-v4-pro');
  });
});

describe('README.md', () => {
  it('has the provider table generated from the catalogue (npm run docs:providers)', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(providerTable(providers).trim());
  });
});
