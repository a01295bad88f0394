/** Environment variable names and reads in the user's own style (process.env, import.meta.env, Deno). */
import type { Provider } from '../../catalogue/schema.js';
import { quoteString, type TextStyle } from '../../edits/style.js';
import type { EnvValue } from '../../analysis/values.js';
import { ts } from '../../analysis/ts.js';
import type { Unit } from '../../analysis/unit.js';
import type { TextEdit } from '../../core/types.js';
import { replaceNode, replaceStringContent } from '../../edits/object-literal.js';

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

/**
 * `process.env.DASHSCOPE_BASE_URL || "https://…"`: the endpoint, overridable per deployment. `||`
 * rather than `??`: an empty `DASHSCOPE_BASE_URL=` line in a .env gives '', and the OpenAI SDK
 * treats an empty baseURL as unset and silently sends the request to api.openai.com.
 */
export function baseUrlExpression(provider: Provider, baseURL: string, style: EnvStyle, textStyle: TextStyle, previousEnv?: string): string {
  return `${envRead(style, providerBaseUrlEnv(provider, previousEnv), textStyle)} || ${quoteString(baseURL, textStyle)}`;
}

/**
 * The edit that makes an env read use `name` instead: the string or identifier naming the variable,
 * or, for a destructured `const { OPENAI_API_KEY } = process.env`, the binding's property name, so
 * the local variable and its uses stay as they are (`{ DASHSCOPE_API_KEY: OPENAI_API_KEY }`).
 */
export function renameEnvRead(unit: Unit, nameNode: ts.Node, name: string): TextEdit {
  if (ts.isStringLiteralLike(nameNode)) return replaceStringContent(unit, nameNode, name);
  if (ts.isBindingElement(nameNode)) {
    const property = nameNode.propertyName;
    if (property) return ts.isStringLiteralLike(property) ? replaceStringContent(unit, property, name) : replaceNode(unit, property, name);
    const start = nameNode.name.getStart(unit.sf);
    return { start, end: start, text: `${name}: ` };
  }
  return replaceNode(unit, nameNode, name);
}

/** The env variable name as the code spells it, when the code spells it at all. */
export function spelledEnvName(nameNode: ts.Node): string | undefined {
  if (ts.isIdentifier(nameNode) || ts.isStringLiteralLike(nameNode)) return nameNode.text;
  if (ts.isBindingElement(nameNode)) {
    const named = nameNode.propertyName ?? nameNode.name;
    return ts.isIdentifier(named) || ts.isStringLiteralLike(named) ? named.text : undefined;
  }
  return undefined;
}
