/** Environment variable names and reads in the user's own style (process.env, import.meta.env, Deno). */
import type { Provider } from '../../catalogue/schema.js';
import { quoteString, type TextStyle } from '../../edits/style.js';
import type { EnvValue } from '../../analysis/values.js';

/** Bundlers only expose variables with their prefix to client code; a rename must keep it. */
const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'PUBLIC_', 'EXPO_PUBLIC_', 'VUE_APP_'];

export function publicPrefix(name: string): string {
  return PUBLIC_PREFIXES.find((p) => name.startsWith(p)) ?? '';
}

/** True for names that hold an OpenAI (or Azure OpenAI) key or endpoint. */
export function isOpenAiEnvName(name: string): boolean {
  return /OPENAI/i.test(name);
}

export function providerKeyEnv(provider: Provider, previous?: string): string {
  return publicPrefix(previous ?? '') + provider.apiKeyEnv;
}

export function providerBaseUrlEnv(provider: Provider, previous?: string): string {
  return publicPrefix(previous ?? '') + provider.baseUrlEnv;
}

export type EnvStyle = EnvValue['style'];

export function envRead(style: EnvStyle, name: string, textStyle: TextStyle): string {
  if (style === 'import.meta.env') return `import.meta.env.${name}`;
  if (style === 'Deno.env') return `Deno.env.get(${quoteString(name, textStyle)})`;
  return `process.env.${name}`;
}

/** `process.env.DASHSCOPE_BASE_URL ?? "https://…"`: the endpoint, overridable per deployment. */
export function baseUrlExpression(provider: Provider, baseURL: string, style: EnvStyle, textStyle: TextStyle, previousEnv?: string): string {
  return `${envRead(style, providerBaseUrlEnv(provider, previousEnv), textStyle)} ?? ${quoteString(baseURL, textStyle)}`;
}
