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

  it('prices every model with a currency, an as-of date and an https source', () => {
    for (const { where, price } of everyPrice()) {
      expect(['CNY', 'USD'], where).toContain(price.currency);
      expect(price.asOf, where).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(price.source, where).toMatch(/^https:\/\//);
      expect(price.input, where).toBeGreaterThanOrEqual(0);
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

  it('maps every OpenAI model id for every provider to one of its models, or explicitly to none', () => {
    for (const p of providers) {
      for (const tier of OPENAI_TIERS) {
        const target = p.modelMap[tier];
        if (target !== 'none') expect(findProviderModel(p, target), `${p.id} ${tier} → ${target}`).toBeDefined();
      }
      for (const model of OPENAI_MODELS) {
        const mapping = mapModel(model.id, p);
        expect(mapping.tier, `${model.id} has a tier`).toBeDefined();
        if (mapping.target) expect(findProviderModel(p, mapping.target), `${p.id}: ${model.id} → ${mapping.target}`).toBeDefined();
        else expect(p.modelMap[mapping.tier!], `${p.id}: ${model.id} unmapped only when the tier says none`).toBe('none');
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

  it('maps tier for tier without silently upgrading cost', () => {
    const qwen = providers.find((p) => p.id === 'qwen')!;
    expect(mapModel('gpt-4o', qwen).target).toBe('qwen-max');
    expect(mapModel('gpt-4o-mini', qwen).target).toBe('qwen-plus');
    expect(mapModel('gpt-4o-2024-08-06', qwen).target).toBe('qwen-max');
    expect(mapModel('text-embedding-3-large', qwen).target).toBe('text-embedding-v4');
    expect(mapModel('gpt-4o', qwen, { 'gpt-4o': 'qwen-plus' })).toMatchObject({ target: 'qwen-plus', via: 'override' });
    const deepseek = providers.find((p) => p.id === 'deepseek')!;
    expect(mapModel('text-embedding-3-small', deepseek).target).toBeUndefined();
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
