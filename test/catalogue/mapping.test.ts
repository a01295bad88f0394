/**
 * The mapping rule over the whole catalogue: every OpenAI model id of the catalogue × every provider.
 * What is checked is the rule's contract, so a data change that breaks it fails here by name.
 */
import { describe, expect, it } from 'vitest';
import { findOpenAiModel, listProviders, mapModel } from '../../src/catalogue/index.js';
import { chooseChatModel, isTargetable } from '../../src/catalogue/mapping.js';
import { OPENAI_MODELS } from '../../src/catalogue/openai.js';
import type { ChatModel, Provider } from '../../src/catalogue/schema.js';

const providers = listProviders();
const CHAT_CLASSES = new Set(['flagship', 'balanced', 'cheap', 'reasoning', 'reasoningSmall', 'vision']);
const defaultRegion = (p: Provider) => (p.regions.find((r) => r.default) ?? p.regions[0]).id;

describe('the mapping rule, every OpenAI id × every provider', () => {
  const pairs = OPENAI_MODELS.flatMap((m) => providers.map((p) => ({ model: m, provider: p })));

  it('covers every pair', () => {
    expect(pairs.length).toBe(OPENAI_MODELS.length * 13);
    expect(OPENAI_MODELS.length).toBeGreaterThan(140);
  });

  it('never targets a deprecated, retired, preview or other-region model, and names only real models', () => {
    for (const { model, provider } of pairs) {
      const m = mapModel(model.id, provider);
      const where = `${provider.id}: ${model.id} → ${m.target}`;
      if (!m.target) continue;
      const chat = provider.chatModels.find((c) => c.id === m.target);
      const embedding = provider.embeddingModels.find((e) => e.id === m.target);
      expect(chat ?? embedding, where).toBeDefined();
      if (chat) expect(isTargetable(chat, defaultRegion(provider)), where).toBe(true);
      if (embedding) expect(embedding.status, where).toBe('active');
    }
  });

  it('gives reasoning classes a thinking model and vision a model that reads images', () => {
    for (const { model, provider } of pairs) {
      const m = mapModel(model.id, provider);
      const chat = provider.chatModels.find((c) => c.id === m.target);
      if (!chat || m.via !== 'tier') continue;
      const where = `${provider.id}: ${model.id} → ${chat.id}`;
      if (model.tier === 'reasoning' || model.tier === 'reasoningSmall') expect(['always', 'optional'], where).toContain(chat.thinking);
      if (model.tier === 'vision') expect(chat.vision, where).toBe(true);
    }
  });

  it('picks a model whose context holds the source’s, or the largest with a warning naming both windows', () => {
    for (const { model, provider } of pairs) {
      if (!CHAT_CLASSES.has(model.tier) || provider.tierOverrides[model.tier]) continue;
      const m = mapModel(model.id, provider);
      const chat = provider.chatModels.find((c) => c.id === m.target);
      if (!chat) continue;
      const where = `${provider.id}: ${model.id} → ${chat.id}`;
      const need = model.contextWindow === 'unknown' ? 0 : model.contextWindow;
      const has = chat.contextWindow === 'unknown' ? 0 : chat.contextWindow;
      if (has >= need) {
        expect(m.warning, where).toBeUndefined();
        continue;
      }
      // Smaller: the warning names both windows, and no candidate of the pool is larger.
      expect(m.warning, where).toContain(chat.contextWindow.toLocaleString('en-US'));
      expect(m.warning, where).toContain(need.toLocaleString('en-US'));
      const sameTier = provider.chatModels.filter((c: ChatModel) => isTargetable(c, defaultRegion(provider)) && c.tier === chat.tier);
      for (const other of sameTier) expect(other.contextWindow === 'unknown' ? 0 : other.contextWindow, `${where} vs ${other.id}`).toBeLessThanOrEqual(has);
    }
  });

  it('gives gpt-4o and gpt-4o-mini a target of ≥ 128K context at the ten providers that offer one', () => {
    const ten = ['deepseek', 'doubao', 'hunyuan', 'minimax', 'moonshot', 'qianfan', 'qwen', 'siliconflow', 'stepfun', 'zhipu'];
    for (const id of ten) {
      const provider = providers.find((p) => p.id === id)!;
      for (const source of ['gpt-4o', 'gpt-4o-mini']) {
        const m = mapModel(source, provider);
        const chat = provider.chatModels.find((c) => c.id === m.target)!;
        expect(chat, `${id}: ${source}`).toBeDefined();
        expect(chat.contextWindow, `${id}: ${source} → ${chat.id}`).not.toBe('unknown');
        expect(chat.contextWindow as number, `${id}: ${source} → ${chat.id}`).toBeGreaterThanOrEqual(128000);
        expect(m.warning).toBeUndefined();
      }
    }
    // The other three offer nothing that large, and say so instead of pretending.
    for (const id of ['baichuan', 'spark', 'yi']) expect(mapModel('gpt-4o', providers.find((p) => p.id === id)!).warning, id).toMatch(/smaller than gpt-4o's \(128,000 tokens\)/);
  });

  it('gives a class that does not reason a model that can answer without thinking, where one fits', () => {
    const thinkingOnly = (providerId: string, id: string) => providers.find((p) => p.id === providerId)!.chatModels.find((m) => m.id === id)?.thinking === 'always';
    for (const { model, provider } of pairs) {
      if (!['flagship', 'balanced', 'cheap'].includes(model.tier)) continue;
      const { target } = mapModel(model.id, provider);
      if (!target || !thinkingOnly(provider.id, target)) continue;
      // Only where no model of the pool that answers without thinking holds the source's context.
      const need = model.contextWindow === 'unknown' ? 0 : model.contextWindow;
      const region = defaultRegion(provider);
      const answering = provider.chatModels.filter((m) => isTargetable(m, region) && m.thinking !== 'always' && m.contextWindow !== 'unknown' && m.contextWindow >= need && m.tier === provider.chatModels.find((c) => c.id === target)!.tier);
      expect(answering.map((m) => m.id), `${model.id} → ${provider.id}/${target}`).toEqual([]);
    }
    // Qwen's newest flagship only thinks (and refuses a plain request): gpt-4o gets the newest that need not.
    const qwen = providers.find((p) => p.id === 'qwen')!;
    expect(thinkingOnly('qwen', 'qwen3.8-max')).toBe(true);
    expect(mapModel('gpt-4o', qwen).target).toBe('qwen3.7-max');
    // A reasoning class still takes the thinking model.
    expect(thinkingOnly('qwen', mapModel('o3', qwen).target!) || qwen.chatModels.find((m) => m.id === mapModel('o3', qwen).target)?.thinking === 'optional').toBe(true);
  });

  it('prefers the newest fitting model, and skips one too small for the source', () => {
    const zhipu = providers.find((p) => p.id === 'zhipu')!;
    // glm-4-plus (2024, 131K) and glm-5.3 (2026-08, 1M) both hold gpt-4o: the newer wins.
    expect(chooseChatModel(zhipu, 'flagship', 128000).target).toBe('glm-5.3');
    const hunyuan = providers.find((p) => p.id === 'hunyuan')!;
    // hy3 is newer but served on TokenHub only: the default endpoint cannot call it.
    expect(mapModel('gpt-4o', hunyuan).target).toBe('hunyuan-2.0-thinking-20251109');
    const yi = providers.find((p) => p.id === 'yi')!;
    expect(mapModel('gpt-4o', yi)).toMatchObject({ target: 'yi-large' });
    expect(mapModel('gpt-4o', yi).warning).toMatch(/yi-large's context window \(32,768 tokens\) is smaller than gpt-4o's \(128,000 tokens\)/);
  });

  it('classes OpenAI ids by data: Luna cheap, Terra balanced, Sol and Astra flagship; snapshots inherit', () => {
    for (const m of OPENAI_MODELS) {
      if (/-luna$/.test(m.id)) expect(m.tier, m.id).toBe('cheap');
      if (/-terra$/.test(m.id)) expect(m.tier, m.id).toBe('balanced');
      if (/-(sol|astra)$/.test(m.id)) expect(m.tier, m.id).toBe('flagship');
      const base = m.id.replace(/-\d{4}-\d{2}-\d{2}$/, '');
      const baseRow = OPENAI_MODELS.find((r) => r.id === base);
      if (base !== m.id && baseRow) expect(m.tier, `${m.id} inherits ${base}`).toBe(baseRow.tier);
    }
    // An id the table lacks is classed by its name too.
    expect(findOpenAiModel('gpt-7-luna')?.tier).toBe('cheap');
    expect(findOpenAiModel('gpt-7.1-terra-2027-05-01')?.tier).toBe('balanced');
    for (const id of ['gpt-6-luna', 'gpt-6.1-terra', 'gpt-6-sol', 'gpt-6-astra']) expect(findOpenAiModel(id)!.price, id).not.toBeNull();
  });
});
