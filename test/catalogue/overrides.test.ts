import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOpenAiModel, findProvider, findProviderModel, mapModel, setCatalogueOverrides } from '../../src/catalogue/index.js';
import { importLitellmPrices, overridesFromConfig } from '../../src/catalogue/overrides.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/core/errors.js';
import { FIXTURES } from '../helpers/fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'banjia-config-'));
});
afterEach(() => {
  setCatalogueOverrides(undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function install(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const loaded = await loadConfig(dir);
  setCatalogueOverrides(overridesFromConfig(loaded.config, loaded.file, {}));
  return loaded;
}

describe('config file overrides', () => {
  it('overrides a region, an endpoint, model maps and prices from migrate.config.json', async () => {
    const loaded = await install({
      'migrate.config.json': JSON.stringify({
        provider: 'qwen',
        providers: {
          qwen: {
            region: 'intl',
            modelMap: { flagship: 'qwen-plus', 'gpt-4o-mini': 'qwen-flash' },
            prices: { 'qwen-plus': { input: 0.5, output: 1.5, currency: 'CNY', asOf: '2026-11-01' } },
          },
          deepseek: { baseURL: 'https://llm-proxy.internal.example.com/deepseek' },
        },
      }),
    });
    expect(loaded.config.provider).toBe('qwen');
    const qwen = findProvider('qwen')!;
    expect(qwen.regions.find((r) => r.default)!.id).toBe('intl');
    expect(mapModel('gpt-4o', qwen).target).toBe('qwen-plus');
    expect(mapModel('gpt-4o-mini', qwen).target).toBe('qwen-flash');
    expect(findProviderModel(qwen, 'qwen-plus')!.price).toMatchObject({ input: 0.5, output: 1.5, asOf: '2026-11-01' });
    expect(findProviderModel(qwen, 'qwen-plus')!.price.source).toMatch(/^file:.*migrate\.config\.json$/);
    expect(findProvider('deepseek')!.regions[0].baseURL).toBe('https://llm-proxy.internal.example.com/deepseek');
  });

  it('reads the `migrate` key of package.json and a TypeScript config', async () => {
    await install({ 'package.json': JSON.stringify({ name: 'x', migrate: { providers: { zhipu: { region: 'intl' } } } }) });
    expect(findProvider('zhipu')!.regions.find((r) => r.default)!.baseURL).toBe('https://api.z.ai/api/paas/v4');
    rmSync(path.join(dir, 'package.json'));
    await install({ 'migrate.config.ts': "const region: string = 'intl';\nexport default { providers: { moonshot: { region } } };\n" });
    expect(findProvider('moonshot')!.regions.find((r) => r.default)!.baseURL).toBe('https://api.moonshot.ai/v1');
  });

  it('rejects a bad config with the path of the bad value', async () => {
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ providers: { qwen: { region: 7 } }, colour: true }));
    await expect(loadConfig(dir)).rejects.toThrow(/providers\.qwen\.region.*|\(root\).*colour/);
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ providers: { qwen: { region: 'mars' } } }));
    const loaded = await loadConfig(dir);
    setCatalogueOverrides(overridesFromConfig(loaded.config, loaded.file, {}));
    expect(() => findProvider('qwen')).toThrow(ConfigError);
    expect(() => findProvider('qwen')).toThrow(/no region 'mars'/);
  });
});

describe('LiteLLM price import', () => {
  const sample = path.join(FIXTURES, 'catalogue', 'litellm-sample.json');

  it('reads USD-per-token prices into per-1M prices by provider', () => {
    const imported = importLitellmPrices(sample, '2026-07-24');
    expect(imported.byProvider.get('qwen')!.get('qwen-plus')).toMatchObject({ currency: 'USD', input: 0.4, output: 1.2, cachedInput: null });
    expect(imported.byProvider.get('openai')!.get('gpt-4o')).toMatchObject({ input: 2.5, output: 10, cachedInput: 1.25 });
    expect(imported.byProvider.get('deepseek')!.get('deepseek-chat')).toMatchObject({ input: 0.28, output: 0.42, cachedInput: 0.028 });
    // Entries without a price (qwen-flash) and providers banjia does not know are skipped.
    expect(imported.byProvider.get('qwen')!.has('qwen-flash')).toBe(false);
  });

  it('replaces catalogue prices for the models both know', () => {
    setCatalogueOverrides(overridesFromConfig({}, undefined, { litellm: sample }));
    expect(findProviderModel(findProvider('qwen')!, 'qwen-max')!.price).toMatchObject({ currency: 'USD', input: 1.6, output: 6.4 });
    expect(findProviderModel(findProvider('qwen')!, 'qwen-flash')!.price.currency).toBe('CNY');
    expect(findOpenAiModel('gpt-4o-mini')!.price).toMatchObject({ input: 0.15, output: 0.6 });
  });

  it('names the file when it is not a price map', () => {
    const bad = path.join(dir, 'prices.json');
    writeFileSync(bad, '[1, 2]');
    expect(() => importLitellmPrices(bad)).toThrow(/prices\.json: expected LiteLLM/);
    writeFileSync(bad, '{ nope');
    expect(() => importLitellmPrices(bad)).toThrow(ConfigError);
  });
});

describe('the custom provider', () => {
  it('points at any OpenAI-compatible endpoint and keeps unmapped model ids', () => {
    setCatalogueOverrides(overridesFromConfig({}, undefined, { baseUrl: 'http://localhost:11434/v1', apiKeyEnv: 'OLLAMA_API_KEY' }));
    const custom = findProvider('custom')!;
    expect(custom.regions[0].baseURL).toBe('http://localhost:11434/v1');
    expect(custom.baseUrlEnv).toBe('OLLAMA_BASE_URL');
    expect(custom.keepUnmappedModels).toBe(true);
    expect(mapModel('gpt-4o', custom).target).toBeUndefined();
  });

  it('needs both the URL and the key variable', () => {
    expect(() => overridesFromConfig({}, undefined, { baseUrl: 'http://localhost:8000/v1' })).toThrow(/needs both --base-url and --api-key-env/);
  });
});
