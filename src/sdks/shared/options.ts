/**
 * Client options of SDKs other than `openai` (v3 `Configuration`, `ChatGPTAPI`, …): reading an
 * option through spreads, variables and the tracer, and the API-key rewrite every such client
 * gets — the env name swapped in the user's own access style, a hard-coded key replaced by an env
 * read, anything else left to review. Same rules as the openai module's `apiKey`.
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { possibleStrings, type EnvValue, type ObjectValue, type Value } from '../../analysis/values.js';
import type { Provider } from '../../catalogue/schema.js';
import type { FileEdit } from '../../core/types.js';
import { t, type Localized } from '../../core/text.js';
import { replaceNode } from '../../edits/object-literal.js';
import type { DetectContext, PlanContext } from '../types.js';
import { envRead, isOpenAiEnvName, providerKeyEnv, renameEnvRead, type EnvStyle } from './env.js';
import { traceValue } from './trace.js';

export function propertyByName(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (property.name && propertyNameText(property.name) === name) return property;
  }
  return undefined;
}

export function initializerOf(property: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!property) return undefined;
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** An option's value: the Evaluator's, or a traced one (a typed parameter, a lazily assigned variable). */
export function optionValue(context: DetectContext, object: ObjectValue, name: string): Value {
  const value = context.evaluator.objectMember(object, name);
  if (value.t !== 'unknown') return value;
  const init = initializerOf(propertyByName(object.node, name));
  return init ? traceValue(context.evaluator, object.unit, init) : value;
}

export interface KeyFacts {
  kind: 'absent' | 'env' | 'literal' | 'other';
  property?: ts.ObjectLiteralElementLike;
  /** For env reads: the variable's name and the node that spells it (maybe in another file). */
  envName?: string;
  envNameNode?: ts.Node;
  envUnit?: Unit;
  /** How the code reads env (process.env, import.meta.env, Deno.env): new reads follow it. */
  envStyle?: EnvStyle;
  /** Other OpenAI-named env reads the key falls back to (`OPENAI_API_KEY ?? fallbackKey`). */
  moreEnvs?: EnvValue[];
}

export function keyFactsOf(context: DetectContext, object: ObjectValue, name = 'apiKey'): KeyFacts {
  const property = propertyByName(object.node, name);
  const value = optionValue(context, object, name);
  if (!property) return value.t === 'unknown' ? { kind: 'absent' } : { kind: 'other' };
  const { strings, envs } = possibleStrings(value);
  if (envs.length) {
    // `process.env.OPENAI_API_KEY ?? ''` is still an env read; the fallback is kept.
    const env = envs.find((e) => /OPENAI/i.test(e.name)) ?? envs[0];
    const moreEnvs = envs.filter((e) => e !== env && e.nameNode !== env.nameNode && /OPENAI/i.test(e.name));
    return { kind: 'env', property, envName: env.name, envNameNode: env.nameNode, envUnit: env.origin.unit, envStyle: env.style, ...(moreEnvs.length ? { moreEnvs } : {}) };
  }
  if (strings.length === 1 && value.t === 'string') return { kind: 'literal', property };
  return { kind: 'other', property };
}

export function envStyleOf(key: KeyFacts): EnvStyle {
  return key.kind === 'env' && key.envStyle ? key.envStyle : 'process.env';
}

/** The env read of the provider's key, in the style of the key read it replaces. */
export function keyExpression(provider: Provider, key: KeyFacts, context: PlanContext, file: string): string {
  return envRead(envStyleOf(key), providerKeyEnv(provider, key.envName), context.style(file));
}

export interface KeyEdits {
  /** Safe edits: the env name swapped, a literal key replaced by an env read. */
  edits: FileEdit[];
  /** Review edits: a key from an expression banjia cannot see into, replaced by the env read. */
  review: FileEdit[];
  notes: Localized[];
  /** The key option is absent: the caller appends `<name>: <env read>`. */
  append: boolean;
}

export function keyEdits(key: KeyFacts, provider: Provider, unit: Unit, context: PlanContext): KeyEdits {
  const out: KeyEdits = { edits: [], review: [], notes: [], append: false };
  const expression = keyExpression(provider, key, context, unit.path);
  const property = key.property;
  const file = (u: Unit, edit: { start: number; end: number; text: string }): FileEdit => ({ ...edit, file: u.path });
  if (key.kind === 'absent') {
    out.append = true;
  } else if (key.kind === 'env' && key.envName && key.envNameNode && key.envUnit) {
    if (isOpenAiEnvName(key.envName)) {
      out.edits.push(file(key.envUnit, renameEnvRead(key.envUnit, key.envNameNode, providerKeyEnv(provider, key.envName))));
      // Every OpenAI variable the key falls back to holds the same key: it moves too.
      for (const more of key.moreEnvs ?? []) {
        if (isOpenAiEnvName(more.name)) out.edits.push(file(more.origin.unit, renameEnvRead(more.origin.unit, more.nameNode, providerKeyEnv(provider, more.name))));
      }
    } else {
      out.notes.push(t(`The key comes from ${key.envName}: set it to your ${provider.name.en} key.`, `密钥来自 ${key.envName}：请将其设为 ${provider.name.zh} 的密钥。`));
    }
  } else if (key.kind === 'literal' && property && ts.isPropertyAssignment(property)) {
    out.edits.push(file(unit, replaceNode(unit, property.initializer, expression)));
    out.notes.push(t('A key was hard-coded here: it is replaced by an env read; revoke the old key.', '此处硬编码了密钥：已改为读取环境变量，请吊销旧密钥。'));
  } else if (property && ts.isPropertyAssignment(property)) {
    // A key given at run time (a parameter, a user's key from a database, a setting) is never
    // replaced by an env read: a multi-tenant app would send everyone's requests with one key.
    const source = property.initializer.getText(unit.sf);
    out.notes.push(
      t(
        `The key is given at run time (${source}): supply your ${provider.name.en} key where it comes from.`,
        `密钥在运行时传入（${source}）：请在其来源处提供 ${provider.name.zh} 的密钥。`,
      ),
    );
  }
  return out;
}

export function joinNotes(notes: Localized[]): Localized {
  return t(notes.map((n) => n.en).join(' '), notes.map((n) => n.zh).join(' '));
}
