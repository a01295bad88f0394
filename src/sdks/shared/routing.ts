/**
 * Where a base-URL value sends requests, for SDKs other than `openai` whose endpoint option has
 * another name (`basePath`, `apiBaseUrl`, `additionalSessionOptions.baseURL`). The same rules as
 * the openai module's `baseURL`: an `api.openai.com` literal (even as the fallback of an env read)
 * is OpenAI, a provider's URL is that provider, another literal or a value from configuration is
 * routed elsewhere, and Azure hosts are Azure.
 */
import { possibleStrings, type Value } from '../../analysis/values.js';
import { isOpenAiUrl, providerForBaseUrl } from '../../catalogue/index.js';
import { isAzureValue } from '../openai/binding.js';
import type { Routing } from '../openai/detect.js';
import { t, type Localized } from '../../core/text.js';
import { providerNamed } from '../../sweep/indicators.js';

export function routingOfBaseUrl(value: Value | undefined, keyEnv?: string): Routing {
  if (!value) return { to: 'openai' };
  if (isAzureValue(value)) return { to: 'azure' };
  const possible = possibleStrings(value);
  const { envs, others } = possible;
  // An empty base URL is no base URL: the SDK falls back to its default (`baseURL || 'https://api.openai.com/v1'`).
  const strings = possible.strings.filter((s) => s.value.trim() !== '');
  if (!strings.length && !envs.length && !others.length) return { to: 'openai' };
  if (strings.some((s) => isOpenAiUrl(s.value))) return strings.length > 1 || envs.length || others.length ? { to: 'openai', chosen: true } : { to: 'openai' };
  for (const s of strings) {
    const match = providerForBaseUrl(s.value);
    if (match) return { to: 'provider', provider: match.provider.id, region: match.region, url: s.value };
  }
  if (strings.length) return { to: 'other', url: strings[0].value };
  // A base URL and key named for another provider (DEEPSEEK_URL, DEEPSEEK_API_KEY) are that provider's.
  const named = [...envs.map((e) => e.name), ...(keyEnv ? [keyEnv] : [])].map(providerNamed).find((p) => p && p !== 'openai');
  if (named) return { to: 'other', url: `${named} (env ${envs[0]?.name ?? keyEnv})` };
  // Otherwise the deployment chooses; when it sets nothing the SDK's default is api.openai.com.
  if (envs.length) return { to: 'configurable', source: `env ${envs[0].name}`, openaiWhenUnset: true };
  return { to: 'configurable', source: others.length ? 'a runtime value' : 'unknown', openaiWhenUnset: others.length > 0 };
}

/** The api.openai.com literals a base-URL value is built from (the defaults worth pointing at). */
export function openAiUrlLiterals(value: Value | undefined) {
  if (!value) return [];
  return possibleStrings(value).strings.filter((s) => isOpenAiUrl(s.value));
}

/** Where a routed client sends requests, in words. */
export function routingText(routing: Routing): Localized {
  switch (routing.to) {
    case 'provider':
      return t(`the ${routing.provider} endpoint`, `${routing.provider} 的接口`);
    case 'other':
      return t(`another endpoint (${routing.url})`, `其他接口（${routing.url}）`);
    case 'configurable':
      return t(`a configurable endpoint (${routing.source})`, `可配置的接口（${routing.source}）`);
    case 'azure':
      return t('Azure OpenAI', 'Azure OpenAI');
    default:
      return t('OpenAI', 'OpenAI');
  }
}

/** An endpoint the deployment chooses that is OpenAI's wherever it sets nothing (moves, for review). */
export function openAiByDefault(routing: Routing | undefined): routing is Extract<Routing, { to: 'configurable' }> {
  return routing?.to === 'configurable' && routing.openaiWhenUnset === true;
}

/** A client or request already sent somewhere other than OpenAI or Azure: reported, never rewritten. */
export function isRouted(routing: Routing | undefined): boolean {
  return routing !== undefined && routing.to !== 'openai' && routing.to !== 'azure';
}
