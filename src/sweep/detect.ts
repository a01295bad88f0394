/**
 * The sweep: every OpenAI indicator in every scanned file becomes a finding unless a semantic
 * finding already covers its line. Recall is at least a text search's by construction; the
 * syntax around each hit decides what it is: code that uses OpenAI (review), text that only
 * mentions it (a comment, prose, UI text), or something that belongs to another provider (a
 * gateway's `openai/gpt-4o`, a model id under another provider's key, a ChatGPT web token).
 * Read-only; runs after the SDK modules, on text and trees they already read and parsed.
 */
import { ts } from '../analysis/ts.js';
import { lineColumn, rangeLocation, type Unit } from '../analysis/unit.js';
import { skipOuter, type Value } from '../analysis/values.js';
import { propertyNameText } from '../analysis/scope.js';
import type { Location, SourceText } from '../core/types.js';
import type { DetectContext, Detection } from '../sdks/types.js';
import { locate, namedProvider, type Place } from './context.js';
import { displayOnly } from './display.js';
import { isDataSet } from './data-files.js';
import { clientImports, valueImports } from './imports.js';
import { packageUses } from './packages.js';
import {
  CONFIG_OPENAI_KEY,
  isOpenAiCredentialName,
  isWebSessionName,
  MODEL_IN_TEXT,
  O_SERIES_VALUE,
  OPENAI_ENV_NAME,
  OPENAI_HEADER,
  OPENAI_HOST,
  OPENAI_PACKAGE,
  providerNamed,
  QUOTED_OPENAI_NAME,
} from './indicators.js';
import { LABEL_ATTRIBUTE, markupPlace, markupSpans, markupText, quotedWhole } from './markup.js';
import { isComponentFile } from '../analysis/sfc.js';
import * as text from './messages.js';
import { LABEL_KEYS, PROVIDER_KEYS, settingsEntry, settingsScalar, settingsSyntax } from './settings-block.js';

export const SDK = 'sweep';

/** What the hit is, as far as the sweep can tell. */
export type Verdict =
  | 'usage' // code that reaches OpenAI or configures it: review
  | 'mention' // a comment, prose or UI text: nothing runs differently
  | 'other-provider' // belongs to another provider or gateway
  | 'not-api'; // OpenAI, but not its API (a ChatGPT web session)

export interface ModelSpot {
  id: string;
  /** File offsets of the id inside its literal (the prefix excluded). */
  start: number;
  end: number;
}

export type SweepPayload =
  /** `settingsProvider`: the provider its settings entry names beside it (`provider: openai`). */
  /** `dataSet`: the ids of a JSON data set, reported once (data-files.ts). */
  /** `nameCheck`: the id is matched against, not sent (`model.startsWith('o1')`), or names an entry (`{ 'o1-mini': … }`). */
  | { type: 'model'; verdict: Verdict; spots: ModelSpot[]; prefix: string; provider?: string; exact: boolean; settingsProvider?: string; nameCheck?: 'match' | 'key'; dataSet?: true }
  | { type: 'host'; verdict: Verdict; host: string; value: string }
  | { type: 'env'; verdict: Verdict; name: string; provider?: string }
  | { type: 'import'; verdict: Verdict; specifier: string; typeOnly: boolean }
  | { type: 'call'; verdict: Verdict; path: string }
  | { type: 'keyFormat'; verdict: Verdict }
  /** `OpenAI-Organization`, `OpenAI-Project`: headers only OpenAI's accounts have a meaning for. */
  | { type: 'header'; verdict: Verdict; name: string }
  /** A storage or settings key holding the OpenAI credential (`'openai_api_key'`, `openaiKey`). */
  | { type: 'settingKey'; verdict: Verdict; name: string; provider?: string };

export type SweepDetection = Detection<SweepPayload>;

export interface Hit {
  start: number; // offset in the unit's source file text
  end: number;
  kind: 'model' | 'host' | 'env' | 'import' | 'call' | 'keyFormat' | 'header' | 'settingKey';
  match: string;
  prefix?: string;
}

/** Lines of each file that a semantic finding already explains. */
export function explainedLines(detections: readonly Detection[]): Map<string, Array<[number, number]>> {
  const byFile = new Map<string, Array<[number, number]>>();
  for (const d of detections) {
    const list = byFile.get(d.location.file) ?? [];
    list.push([d.location.line, d.location.endLine]);
    byFile.set(d.location.file, list);
  }
  return byFile;
}

/** The lines a file's spans cover, built once per spans list: a file of 20,000 calls asks 20,000 times. */
const coveredLines = new WeakMap<Array<[number, number]>, { count: number; lines: Set<number> }>();

function isExplained(spans: Array<[number, number]> | undefined, line: number): boolean {
  if (!spans) return false;
  let covered = coveredLines.get(spans);
  if (!covered || covered.count !== spans.length) {
    covered = { count: spans.length, lines: new Set() };
    for (const [a, b] of spans) for (let n = a; n <= b; n++) covered.lines.add(n);
    coveredLines.set(spans, covered);
  }
  return covered.lines.has(line);
}

const CALL_SHAPE =
  /\.(chat\.completions|embeddings|responses|images|audio\.(?:transcriptions|translations|speech)|moderations|beta\.(?:assistants|threads(?:\.runs|\.messages)?|vectorStores|chat\.completions)|fineTuning\.jobs|batches|vectorStores|completions)\.(create|stream|parse|generate|edit|runTools|createAndPoll|createAndStream)\s*\(/g;
/** `key.startsWith('sk-')`, `/^sk-/.test(key)`: a check of OpenAI's key format. */
const KEY_PREFIX = /(['"`])sk-\1|\/\^sk-/g;
const SPECIFIER = /['"`]([@\w][\w@./-]*)['"`]/g;
const O_SERIES_LITERAL = /['"`]((?:[\w.-]+\/)?o[1-9][\w-]*)['"`]/g;

export function hitsIn(source: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of source.matchAll(MODEL_IN_TEXT)) {
    const start = m.index + m[1].length;
    hits.push({ start, end: start + m[2].length, kind: 'model', match: m[2], prefix: m[1] });
  }
  for (const m of source.matchAll(O_SERIES_LITERAL)) {
    const value = O_SERIES_VALUE.exec(m[1]);
    if (!value) continue;
    const start = m.index + 1 + value[1].length;
    hits.push({ start, end: start + value[2].length, kind: 'model', match: value[2], prefix: value[1] });
  }
  // Each guard is a plain search that fails fast where its pattern (tried at every word) cannot match.
  if (/openai\.(?:com|azure)/i.test(source)) {
    for (const m of source.matchAll(OPENAI_HOST)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'host', match: m[0] });
  }
  if (source.includes('OPENAI')) {
    for (const m of source.matchAll(OPENAI_ENV_NAME)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'env', match: m[0] });
  }
  for (const m of source.matchAll(SPECIFIER)) {
    if (OPENAI_PACKAGE.test(m[1])) hits.push({ start: m.index + 1, end: m.index + 1 + m[1].length, kind: 'import', match: m[1] });
  }
  for (const m of source.matchAll(CALL_SHAPE)) hits.push({ start: m.index + 1, end: m.index + m[0].length - 1, kind: 'call', match: `${m[1]}.${m[2]}` });
  for (const m of source.matchAll(KEY_PREFIX)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'keyFormat', match: m[0] });
  if (/open_?ai/i.test(source)) {
    for (const m of source.matchAll(OPENAI_HEADER)) hits.push({ start: m.index + 1, end: m.index + 1 + m[2].length, kind: 'header', match: m[2] });
    for (const m of source.matchAll(QUOTED_OPENAI_NAME)) {
      if (isOpenAiCredentialName(m[2])) hits.push({ start: m.index + 1, end: m.index + 1 + m[2].length, kind: 'settingKey', match: m[2] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function detection(file: { path: string; text: string }, location: Location, payload: SweepPayload, subject: string): SweepDetection {
  return {
    sdk: SDK,
    ruleId: `sweep/${RULE_NAMES[payload.type]}`,
    kind: kindOf(payload),
    location,
    message: text.message(payload, subject),
    reason: text.reason(payload),
    ...(payload.type === 'model' && payload.verdict === 'usage' ? { model: payload.spots[0].id } : {}),
    ...(payload.type === 'env' ? { variable: payload.name } : {}),
    payload,
  };
}

const RULE_NAMES: Record<SweepPayload['type'], string> = {
  model: 'modelId',
  host: 'openaiHost',
  env: 'envName',
  import: 'import',
  call: 'call',
  keyFormat: 'keyFormat',
  header: 'openaiHeader',
  settingKey: 'settingKey',
};

function kindOf(payload: SweepPayload): Detection['kind'] {
  if (payload.verdict === 'other-provider') return 'routed';
  if (payload.verdict === 'not-api') return 'not-openai';
  if (payload.verdict === 'mention') return 'mention';
  switch (payload.type) {
    case 'model':
      return 'model';
    case 'host':
      return 'endpoint';
    case 'env':
      return 'env';
    case 'import':
      return 'import';
    case 'keyFormat':
    case 'header':
      return 'option';
    case 'settingKey':
      return 'env';
    default:
      return 'call';
  }
}

/** Whether a string is prose (a sentence, a help text) rather than a value. */
function isProse(value: string): boolean {
  return /\s/.test(value.trim()) || value.length > 120;
}

const OPENAI_SPECIFIER_VALUE = (v: Value): boolean => (v.t === 'module' || v.t === 'sdk') && OPENAI_PACKAGE.test(v.t === 'module' ? v.specifier : v.module.specifier);

/** String methods that compare a text with the argument: a model id there is a family test, not a value sent. */
const MATCHING_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'search', 'test', 'localeCompare']);

/**
 * Where a model id is compared or used as a name rather than sent: the argument of a string match
 * (`model.startsWith('o1')`, mapped it would test for `qwen3.8-max` and match nothing the app
 * knows) or an object key (`{ 'o1-mini': … }`, mapped two keys can become one).
 */
function nameCheck(node: ts.Node): 'match' | 'key' | undefined {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = skipOuter(parent.expression);
    if (ts.isPropertyAccessExpression(callee) && MATCHING_METHODS.has(callee.name.text)) return 'match';
  }
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isEnumMember(parent)) && parent.name === node) return 'key';
  return undefined;
}

/** A property's key spelled exactly as its string value. */
function sameAsValue(node: ts.Node): boolean {
  const parent = node.parent;
  if (!ts.isPropertyAssignment(parent) || parent.name !== node) return false;
  const value = skipOuter(parent.initializer);
  return (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text === literalText(node);
}

function sweepUnit(unit: Unit, spans: Array<[number, number]> | undefined, context: DetectContext): SweepDetection[] {
  const out: SweepDetection[] = [];
  const sf = unit.sf;
  const arrays = new Map<ts.Node, { spots: ModelSpot[]; verdict: Verdict; prefix: string; provider?: string }>();
  const seen = new Set<ts.Node>();
  const testFile = isTestFile(unit.path);
  for (const hit of hitsIn(sf.text)) {
    const fileStart = hit.start + unit.offset;
    const { line } = lineColumn(unit.text, fileStart);
    if (isExplained(spans, line)) continue;
    const { place, node } = locate(sf, hit.start);
    const at = (n: ts.Node) => rangeLocation(unit, n.getStart(sf) + unit.offset, n.getEnd() + unit.offset);
    const hitLocation = rangeLocation(unit, fileStart, hit.end + unit.offset);
    if (place === 'comment') {
      if (hit.kind === 'import' && !importSyntaxBefore(sf.text, hit.start)) continue;
      out.push(detection(unit, hitLocation, mentionPayload(hit, unit.offset), hit.match));
      continue;
    }
    if (seen.has(node) && hit.kind !== 'model') continue;
    switch (hit.kind) {
      case 'model': {
        if (place !== 'string' && place !== 'template' && place !== 'jsx-text') continue;
        const value = place === 'jsx-text' ? node.getText(sf) : literalText(node);
        const spot = { id: hit.match, start: fileStart, end: hit.end + unit.offset };
        if (place === 'jsx-text' || isProse(value)) {
          out.push(detection(unit, hitLocation, { type: 'model', verdict: 'mention', spots: [spot], prefix: '', exact: false }, hit.match));
          continue;
        }
        // `openai/gpt-4o` is how gateways (OpenRouter, Together, AI/ML API) name OpenAI's model.
        const provider = hit.prefix ? 'a gateway' : namedProvider(sf, node, unit.path);
        const verdict: Verdict = hit.prefix || (provider && provider !== 'openai') ? 'other-provider' : testFile || displayOnly(unit, node) ? 'mention' : 'usage';
        const exact = value.trim() === `${hit.prefix ?? ''}${hit.match}`;
        const array = exact && ts.isArrayLiteralExpression(node.parent) ? node.parent : undefined;
        if (array) {
          const group = arrays.get(array) ?? { spots: [], verdict, prefix: hit.prefix ?? '', provider: provider !== 'openai' ? provider : undefined };
          // a list mixing OpenAI's ids with a gateway's prefixed ones is still OpenAI's list
          if (verdict === 'usage') group.verdict = 'usage';
          if (verdict === 'usage' || group.verdict !== 'usage') group.spots.push(spot);
          arrays.set(array, group);
          continue;
        }
        seen.add(node);
        // `{ 'o1-mini': 'o1-mini' }`: the value, reported next, stands for the line.
        if (sameAsValue(node)) continue;
        const check = nameCheck(node);
        const payload: SweepPayload = { type: 'model', verdict, spots: [spot], prefix: hit.prefix ?? '', exact, ...(verdict === 'other-provider' && provider ? { provider } : {}), ...(check ? { nameCheck: check } : {}) };
        out.push(detection(unit, at(node), payload, hit.match));
        break;
      }
      case 'host': {
        if (place !== 'string' && place !== 'template' && place !== 'jsx-text') continue;
        seen.add(node);
        const value = place === 'jsx-text' ? node.getText(sf) : literalText(node);
        const verdict: Verdict = testFile || place === 'jsx-text' || isProse(value) ? 'mention' : 'usage';
        out.push(detection(unit, at(node), { type: 'host', verdict, host: hit.match, value }, hit.match));
        break;
      }
      case 'env': {
        if (place !== 'string' && place !== 'template' && place !== 'jsx-text' && !(place === 'identifier' && isEnvStyleName(node) && !isProgramName(node, unit, context))) continue;
        seen.add(node);
        const value = place === 'identifier' ? hit.match : place === 'jsx-text' ? node.getText(sf) : literalText(node);
        const shown = place === 'jsx-text' || (place === 'string' && inLabelAttribute(node));
        const verdict: Verdict = isWebSessionName(hit.match) ? 'not-api' : testFile || shown || (value !== hit.match && isProse(value)) ? 'mention' : 'usage';
        out.push(detection(unit, place === 'identifier' ? at(envExpression(node)) : at(node), { type: 'env', verdict, name: hit.match }, hit.match));
        break;
      }
      case 'import': {
        if (place !== 'string') continue;
        const parent = node.parent;
        const statement = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) ? parent : undefined;
        const isCall = ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'));
        const isImportType = ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent);
        if (!statement && !isCall && !isImportType && !ts.isExternalModuleReference(parent)) continue;
        const typeOnly = isImportType || (statement !== undefined && isTypeOnly(statement));
        out.push(detection(unit, at(statement ?? (isImportType ? parent.parent : parent)), { type: 'import', verdict: typeOnly ? 'mention' : 'usage', specifier: hit.match, typeOnly }, hit.match));
        break;
      }
      case 'keyFormat': {
        if (place !== 'string' && place !== 'regex' && place !== 'template') continue;
        seen.add(node);
        out.push(detection(unit, at(node.parent && ts.isCallExpression(node.parent) ? node.parent : node), { type: 'keyFormat', verdict: testFile ? 'mention' : 'usage' }, hit.match));
        break;
      }
      case 'header': {
        // the literal is the header's name (not a quoted word inside a longer text)
        if (place !== 'string' || literalText(node).toLowerCase() !== hit.match.toLowerCase()) continue;
        seen.add(node);
        out.push(detection(unit, at(node), { type: 'header', verdict: testFile ? 'mention' : 'usage', name: hit.match }, hit.match));
        break;
      }
      case 'settingKey': {
        // the whole literal is the name (QUOTED_OPENAI_NAME): `getItem('openai_api_key')`, `get(['openaiKey'])`
        if (place !== 'string' || literalText(node) !== hit.match) continue;
        seen.add(node);
        const provider = namedProvider(sf, node, unit.path);
        const other = provider && provider !== 'openai' ? provider : undefined;
        const verdict: Verdict = isWebSessionName(hit.match) ? 'not-api' : other ? 'other-provider' : testFile || isTranslationKey(node) ? 'mention' : 'usage';
        out.push(detection(unit, at(node), { type: 'settingKey', verdict, name: hit.match, ...(other ? { provider: other } : {}) }, hit.match));
        break;
      }
      case 'call': {
        if (place !== 'identifier') continue;
        const receiver = callReceiver(node);
        if (!receiver) continue;
        const value = context.evaluator.evaluate(unit, receiver);
        // Bound to another package (together-ai, groq-sdk…) or to a local class: it only shares
        // OpenAI's shape. What the SDK modules bound is theirs; only the untraceable is left here.
        // A variable that may hold several things is bound only when each is known and not
        // OpenAI's (a declared interface, `let m: OpenAIModel`, says nothing of what it holds).
        const other = (v: Value) => v.t !== 'unknown' && !OPENAI_SPECIFIER_VALUE(v);
        if (value.t === 'union' ? value.options.every((o) => o.t !== 'type' && other(o)) : other(value)) continue;
        const call = receiver.parent;
        out.push(detection(unit, at(call.parent ?? call), { type: 'call', verdict: 'usage', path: hit.match }, hit.match));
        break;
      }
    }
  }
  for (const [array, group] of arrays) {
    if (!group.spots.length) continue;
    const payload: SweepPayload = { type: 'model', verdict: group.verdict, spots: group.spots, prefix: group.verdict === 'usage' ? '' : group.prefix, exact: true, ...(group.verdict === 'other-provider' && group.provider ? { provider: group.provider } : {}) };
    out.push(detection(unit, rangeLocation(unit, array.getStart(sf) + unit.offset, array.getEnd() + unit.offset), payload, group.spots.map((s) => s.id).join(', ')));
  }
  return out;
}

/**
 * Whether a quoted package name in a comment is written as an import (`// import OpenAI from 'openai'`,
 * `require("openai")`): a bare `"openai"` there (`provider: ProviderType; // "openai"`) is a
 * provider's name in an example, not a package imported.
 */
function importSyntaxBefore(source: string, start: number): boolean {
  return /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/.test(source.slice(Math.max(0, start - 40), start - 1));
}

function mentionPayload(hit: Hit, offset: number): SweepPayload {
  switch (hit.kind) {
    case 'model':
      return { type: 'model', verdict: 'mention', spots: [{ id: hit.match, start: hit.start + offset, end: hit.end + offset }], prefix: '', exact: false };
    case 'host':
      return { type: 'host', verdict: 'mention', host: hit.match, value: hit.match };
    case 'env':
      return { type: 'env', verdict: isWebSessionName(hit.match) ? 'not-api' : 'mention', name: hit.match };
    case 'import':
      return { type: 'import', verdict: 'mention', specifier: hit.match, typeOnly: false };
    case 'keyFormat':
      return { type: 'keyFormat', verdict: 'mention' };
    case 'header':
      return { type: 'header', verdict: 'mention', name: hit.match };
    case 'settingKey':
      return { type: 'settingKey', verdict: isWebSessionName(hit.match) ? 'not-api' : 'mention', name: hit.match };
    default:
      return { type: 'call', verdict: 'mention', path: hit.match };
  }
}

/** Tests and mocks: an OpenAI URL or id there is a fixture to update, not a request the app sends. */
export function isTestFile(file: string): boolean {
  return /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|e2e|mocks?|test-fixtures|fixtures?)\/|\.(test|spec|vitest|stories)\.[cm]?[jt]sx?$/i.test(file);
}

/**
 * An identifier that spells a setting's name: `env.OPENAI_API_KEY`, `{ OPENAI_API_KEY: z.string() }`,
 * `const { OPENAI_API_KEY } = env`. A constant of the program that happens to be called
 * OPENAI_API_BASE is the program's own name, not a setting.
 */
function isEnvStyleName(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) return parent.name === node;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  // a config parser keyed by the setting: `{ OPENAI_KEY(value) { … } }`
  if ((ts.isMethodDeclaration(parent) || ts.isGetAccessorDeclaration(parent)) && ts.isObjectLiteralExpression(parent.parent)) return parent.name === node;
  if (ts.isBindingElement(parent)) return parent.propertyName === node || (!parent.propertyName && parent.name === node);
  return false;
}

/**
 * A name the program gives one of its own values, not a setting it reads: the member of an enum
 * (`enum Providers { OPENAI = 'openai' }`, and `Providers.OPENAI` wherever it is used), or the key
 * of an object used as one, whose value spells the same name in lower case (`{ AZURE_OPENAI:
 * 'azure_openai' }`). An enum member or key whose value is itself an env name is reported at that
 * string.
 */
function isProgramName(node: ts.Node, unit: Unit, context: DetectContext): boolean {
  const parent = node.parent;
  const name = (node as ts.Identifier).text;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    const receiver = context.evaluator.evaluate(unit, parent.expression);
    const options = receiver.t === 'union' ? receiver.options : [receiver];
    return options.length > 0 && options.every((o) => o.t === 'enum' || (o.t === 'object' && o.node.properties.some((p) => ts.isPropertyAssignment(p) && propertyNameText(p.name) === name && spellsName(name, p.initializer))));
  }
  return ts.isPropertyAssignment(parent) && parent.name === node && spellsName(name, parent.initializer);
}

/** `'azure_openai'` for AZURE_OPENAI: a value that is its key's name in lower case. */
function spellsName(name: string, initializer: ts.Expression): boolean {
  const value = skipOuter(initializer);
  const flat = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text !== value.text.toUpperCase() && flat(value.text) === flat(name);
}

/** Attributes that show text to people (`placeholder`, `hintExamples`, `title`): an env name there is help, not a read. */
const SHOWN_ATTRIBUTE = /placeholder|hint|example|label|title|tooltip|description|help|caption/i;

/** A string (alone or in a list) given to such a JSX attribute: `hintExamples={["OPENAI_BASE_URL"]}`. */
function inLabelAttribute(node: ts.Node): boolean {
  let current: ts.Node = node;
  while (current.parent && (ts.isArrayLiteralExpression(current.parent) || ts.isJsxExpression(current.parent) || ts.isParenthesizedExpression(current.parent))) current = current.parent;
  const attribute = current.parent;
  return attribute !== undefined && ts.isJsxAttribute(attribute) && SHOWN_ATTRIBUTE.test(attribute.name.getText());
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) return node.text;
  return node.getText();
}

/** `t('llm.providers.openai.api_key')`: the key of a label's translation, not of a setting. */
function isTranslationKey(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^(?:t|\$t|tc|\$tc|translate|formatMessage)$/.test(name);
}

/** `env.OPENAI_API_KEY`, `config['OPENAI_KEY']`: the whole read, not just the name. */
function envExpression(node: ts.Node): ts.Node {
  const parent = node.parent;
  if (parent && (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression !== node) return parent;
  return node;
}

function isTypeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** For `x.chat.completions.create(`, the `x` whose value decides whose SDK this is. */
function callReceiver(name: ts.Node): ts.Expression | undefined {
  // `name` is the first identifier of the shape (`chat` in `.chat.completions.create`).
  const access = name.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.name !== name) return undefined;
  return access.expression;
}

/**
 * Text without a syntax tree: files that could not be parsed (each hit for review), dotenv files,
 * and settings files (JSON/YAML/TOML/INI), where the key on the hit's line names what it is for.
 */
function sweepText(file: { path: string; text: string }, spans: Array<[number, number]> | undefined, kind: 'code' | 'prose' | 'env' | 'config'): SweepDetection[] {
  const out: SweepDetection[] = [];
  const envFile = kind === 'env';
  for (const hit of hitsIn(file.text)) {
    if (hit.kind === 'call' || hit.kind === 'keyFormat') continue;
    // In settings, a package name is a dependency and an env name a documented variable, not use;
    // a settings key is read by configKeyHits, from the key's place on its line.
    if (kind === 'config' && (hit.kind === 'import' || hit.kind === 'env' || hit.kind === 'settingKey')) continue;
    if (kind === 'env' && (hit.kind === 'settingKey' || hit.kind === 'header')) continue;
    const { line } = lineColumn(file.text, hit.start);
    if (isExplained(spans, line)) continue;
    const lineStart = file.text.lastIndexOf('\n', hit.start - 1) + 1;
    const lineEnd = file.text.indexOf('\n', hit.start);
    const lineText = file.text.slice(lineStart, lineEnd < 0 ? file.text.length : lineEnd);
    const location = rangeLocation(file, hit.start, hit.end);
    const commented = kind === 'prose' || (kind === 'code' ? /^\s*(\/\/|\*|\/\*)/.test(lineText) : /^\s*(#|;|\/\/)/.test(lineText));
    if (commented) {
      if (hit.kind === 'import' && !importSyntaxBefore(file.text, hit.start)) continue;
      out.push(detection(file, location, mentionPayload(hit, 0), hit.match));
      continue;
    }
    // The key is the context: `_302AI_MODEL=gpt-4o-mini` is 302.AI's, `"deepseek": { "model": … }` DeepSeek's.
    const name = envFile ? /^\s*(?:export\s+)?([\w.]+)\s*=/.exec(lineText)?.[1] : kind === 'config' ? configKeys(file.text, lineStart) : undefined;
    const provider = name ? providerNamed(name) : undefined;
    const value = kind === 'config' ? (quotedAround(lineText, hit.start - lineStart, hit.end - lineStart) ?? configValue(lineText)) : undefined;
    // A test's settings are fixtures, as its code is (see isTestFile); `name: gpt-4o` is a label.
    const testSettings = kind === 'config' && isTestFile(file.path);
    // Only a model id that may be sent needs its entry read (a test fixture's never is).
    const entry = kind === 'config' && hit.kind === 'model' && !testSettings ? settingsEntry(file.text, hit.start, settingsSyntax(file.path)) : undefined;
    const label = kind === 'config' && LABEL_KEYS.test(name?.split(' ')[0] ?? '');
    const mention = (value !== undefined && isProse(value)) || label || testSettings;
    const sentBy = entry && [...entry].find(([key]) => PROVIDER_KEYS.test(key))?.[1];
    const entryProvider = sentBy ? providerNamed(sentBy) : undefined;
    const otherProvider = hit.prefix || (provider && provider !== 'openai') || (entryProvider && entryProvider !== 'openai');
    const verdict: Verdict = otherProvider ? 'other-provider' : mention ? 'mention' : 'usage';
    const payload: SweepPayload =
      hit.kind === 'header' || hit.kind === 'settingKey'
        ? { ...(mentionPayload(hit, 0) as SweepPayload & { type: 'header' | 'settingKey' }), verdict: hit.kind === 'settingKey' && isWebSessionName(hit.match) ? 'not-api' : testSettings || mention ? 'mention' : 'usage' }
        : hit.kind === 'model'
        ? {
            type: 'model',
            verdict,
            spots: [{ id: hit.match, start: hit.start, end: hit.end }],
            prefix: hit.prefix ?? '',
            exact: false,
            ...(provider && provider !== 'openai' ? { provider } : entryProvider && entryProvider !== 'openai' ? { provider: entryProvider } : {}),
            ...(sentBy && entryProvider === 'openai' ? { settingsProvider: sentBy } : {}),
          }
        : hit.kind === 'host'
          ? { type: 'host', verdict: testSettings ? 'mention' : 'usage', host: hit.match, value: lineText.trim() }
          : hit.kind === 'env'
            ? { type: 'env', verdict: isWebSessionName(hit.match) ? 'not-api' : 'usage', name: hit.match }
            : { type: 'import', verdict: 'usage', specifier: hit.match, typeOnly: false };
    out.push(detection(file, location, payload, hit.match));
  }
  if (kind === 'config') out.push(...configKeyHits(file, spans));
  return out;
}

/**
 * Settings keys that hold the OpenAI credential (`openai_api_key = ""` in TOML or INI, `openaiKey:`
 * in YAML, `"openaiApiKey": ""` in JSON): the app reads the user's OpenAI key from there.
 */
function configKeyHits(file: { path: string; text: string }, spans: Array<[number, number]> | undefined): SweepDetection[] {
  const out: SweepDetection[] = [];
  const testSettings = isTestFile(file.path);
  // YAML and JSON keys end at `:`; `=` there is text (a code sample in a block scalar), as `:` is in TOML.
  const separator = settingsSyntax(file.path) === 'section' ? /^[=:]/ : /^:/;
  for (const m of file.text.matchAll(CONFIG_OPENAI_KEY)) {
    const name = m[1];
    if (!isOpenAiCredentialName(name) || !separator.test(m[0].slice(-1))) continue;
    const start = m.index + m[0].indexOf(name);
    const { line } = lineColumn(file.text, start);
    if (isExplained(spans, line)) continue;
    const lineStart = file.text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = file.text.indexOf('\n', start);
    const value = configValue(file.text.slice(lineStart, lineEnd < 0 ? file.text.length : lineEnd));
    // `[deepseek]` / `together: { openaiApiKey: … }`: the block names whose key it is.
    const provider = providerNamed(configKeys(file.text, lineStart).split(' ').slice(1).join(' '));
    const other = provider && provider !== 'openai' ? provider : undefined;
    const verdict: Verdict = isWebSessionName(name) ? 'not-api' : other ? 'other-provider' : testSettings || (value !== undefined && isProse(value)) ? 'mention' : 'usage';
    out.push(detection(file, rangeLocation(file, start, start + name.length), { type: 'settingKey', verdict, name, ...(other ? { provider: other } : {}) }, name));
  }
  return out;
}

/**
 * The markup of a Vue or Svelte component (see markup.ts). A model id, host or credential key that
 * is an attribute's whole value (`<option value="gpt-4o">`, `prop="openaiKey"`) or a whole string
 * in a bound expression (`:options="['gpt-4o']"`) is data the component sends or stores; in text,
 * comments and labelling attributes (`placeholder`, `title`) it is a mention.
 */
function sweepMarkup(file: { path: string; text: string }, spans: Array<[number, number]> | undefined): SweepDetection[] {
  const markup = markupText(file.text);
  const hits = hitsIn(markup).filter((h) => h.kind === 'model' || h.kind === 'host' || h.kind === 'env' || h.kind === 'settingKey' || h.kind === 'header');
  if (!hits.length) return [];
  const places = markupSpans(markup);
  const cursor = { at: 0 };
  const testFile = isTestFile(file.path);
  const out: SweepDetection[] = [];
  for (const hit of hits) {
    const place = markupPlace(markup, places, cursor, hit.start, hit.end);
    if (isExplained(spans, lineColumn(file.text, hit.start).line)) continue;
    const location = rangeLocation(file, hit.start, hit.end);
    const prefix = hit.prefix ?? '';
    const whole =
      place.place === 'attribute' &&
      !LABEL_ATTRIBUTE.test(place.name) &&
      (place.bound ? quotedWhole(markup, place, hit.start, hit.end, prefix.length) : place.value.trim() === `${prefix}${hit.match}` || (hit.kind === 'host' && !/\s/.test(place.value.trim())));
    // env names in markup are help text; an OpenAI header is sent from script code, not from markup
    const used = whole && !testFile && hit.kind !== 'env' && hit.kind !== 'header';
    // a variable's path in a bound attribute (`v-model="form.openaiKey"`) is code, not a name written down
    if (!used && hit.kind === 'settingKey' && place.place === 'attribute' && place.bound) continue;
    if (!used) {
      // a gateway's `openai/gpt-4o` in a picker is that gateway's, used or not
      out.push(detection(file, location, prefix && whole ? { type: 'model', verdict: 'other-provider', spots: [{ id: hit.match, start: hit.start, end: hit.end }], prefix, exact: true } : mentionPayload(hit, 0), hit.match));
      continue;
    }
    const payload: SweepPayload =
      hit.kind === 'model'
        ? { type: 'model', verdict: prefix ? 'other-provider' : 'usage', spots: [{ id: hit.match, start: hit.start, end: hit.end }], prefix, exact: true }
        : hit.kind === 'host'
          ? { type: 'host', verdict: 'usage', host: hit.match, value: place.place === 'attribute' ? place.value.trim() : hit.match }
          : { type: 'settingKey', verdict: isWebSessionName(hit.match) ? 'not-api' : 'usage', name: hit.match };
    out.push(detection(file, location, payload, hit.match));
  }
  return out;
}

/** The value on a settings line (`"model": "gpt-4o",` → gpt-4o): what follows the first `:` or `=`. */
function configValue(line: string): string | undefined {
  const at = line.search(/[:=]/);
  return at < 0 ? undefined : settingsScalar(line.slice(at + 1));
}

/** The quoted string a hit sits in (`{ "provider": "openai", "model": "gpt-4o" }` → gpt-4o). */
function quotedAround(line: string, start: number, end: number): string | undefined {
  const quote = line[start - 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = line.indexOf(quote, end);
  return close < 0 ? undefined : line.slice(start, close);
}

/**
 * The keys leading to a settings line: its own and those of the blocks it is nested in, read line
 * by line upwards from the hit (never the whole text before it: a file with many hits made that
 * quadratic).
 */
function configKeys(text: string, lineStart: number): string {
  const keys: string[] = [];
  let indent = Infinity;
  const next = text.indexOf('\n', lineStart);
  let end = next < 0 ? text.length : next;
  let start = lineStart;
  for (let first = true; keys.length < 4; first = false) {
    const line = text.slice(start, end);
    if (line.trim()) {
      const own = line.length - line.trimStart().length;
      if (first || own < indent) {
        const key = /^\s*(?:-\s+)?["']?([\w.$-]+)["']?\s*[:=]/.exec(line)?.[1] ?? /^\s*\[([\w.-]+)\]/.exec(line)?.[1];
        if (key) keys.push(key);
        indent = Math.min(indent, own);
        if (own === 0) break;
      }
    }
    if (start === 0) break;
    end = start - 1;
    start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
  }
  return keys.join(' ');
}

export interface SweepInput {
  candidates: readonly SourceText[];
  /** Files whose parse failed: swept by text alone. */
  unparsed: ReadonlySet<string>;
  /** Files that name OpenAI only in comments and prose strings: each hit is a mention. */
  proseOnly?: ReadonlySet<string>;
  detections: readonly Detection[];
  context: DetectContext;
  /** Code files already swept alone (sweepAlone). */
  alone?: ReadonlyMap<string, SweptAlone>;
}

export function sweep({ candidates, unparsed, proseOnly, detections, context, alone }: SweepInput): SweepDetection[] {
  const explained = explainedLines(detections);
  const clientFiles = new Set(detections.filter((d) => d.kind === 'client' || d.kind === 'routed' || d.client).map((d) => d.location.file));
  const makesClients = (file: string) => clientFiles.has(file) || context.workspace.packageIdentity(file, (name) => OPENAI_PACKAGE.test(name)) !== undefined;
  const out: SweepDetection[] = [];
  for (const file of candidates) {
    const spans = explained.get(file.path);
    // A component's template is not parsed: it is read as markup whichever way its scripts are.
    if (file.kind === 'code' && isComponentFile(file.path) && !unparsed.has(file.path)) out.push(...sweepMarkup(file, spans));
    if (file.kind !== 'code') {
      if (file.kind === 'env') out.push(...sweepText(file, spans, file.kind));
      if (file.kind === 'config') out.push(...dataSetSummary(file, sweepText(file, spans, file.kind)));
      continue;
    }
    if (unparsed.has(file.path) || proseOnly?.has(file.path)) {
      out.push(...sweepText(file, spans, proseOnly?.has(file.path) ? 'prose' : 'code'));
      continue;
    }
    // Swept alone (sweepAlone) and nothing has changed for it since: no finding explains one of its
    // lines, none of its imports turned out to make a client. Its tree is not asked for again.
    const early = alone?.get(file.path);
    if (early && !spans && !early.imports.some(makesClients)) {
      out.push(...early.found);
      continue;
    }
    for (const unit of context.workspace.units(file.path)) out.push(...sweepCode(unit, spans, context, makesClients));
  }
  return out;
}

/**
 * A JSON data set (isDataSet): its model ids become one mention at the first, which names how many
 * it lists; its other findings (a credential key, a host) stay as they are.
 */
function dataSetSummary(file: { path: string; text: string }, found: SweepDetection[]): SweepDetection[] {
  const models = found.filter((d) => d.payload.type === 'model');
  const spots = models.flatMap((d) => (d.payload.type === 'model' ? d.payload.spots : []));
  if (!isDataSet(file.path, spots.map((s) => s.id))) return found;
  const ids = [...new Set(spots.map((s) => s.id))];
  const subject = `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;
  const summary = detection(file, models[0].location, { type: 'model', verdict: 'mention', spots, prefix: '', exact: false, dataSet: true }, subject);
  return [summary, ...found.filter((d) => d.payload.type !== 'model')];
}

/** The sweep of one parsed unit: its indicators, imports of client-making modules, and package uses. */
function sweepCode(unit: Unit, spans: Array<[number, number]> | undefined, context: DetectContext, makesClients: (file: string) => boolean): SweepDetection[] {
  const out = [...sweepUnit(unit, spans, context), ...(clientImports(unit, context.evaluator, (line) => isExplained(spans, line), makesClients) as SweepDetection[])];
  // Only files that import an OpenAI package can call into one.
  if (/['"`](openai|chatgpt|genkitx-openai|@genkit-ai\/compat-oai|@dexaai\/dexter|llamaindex|@llamaindex\/openai|openai-fetch|openai-edge|@azure\/openai)/.test(unit.sf.text)) {
    // The lines this file's sweep findings so far cover (packageUses adds none while it runs).
    const ownSpans: Array<[number, number]> = out.map((d) => [d.location.line, d.location.endLine]);
    const already = (line: number) => isExplained(spans, line) || isExplained(ownSpans, line);
    out.push(...(packageUses(unit, context.evaluator, already) as SweepDetection[]));
  }
  return out;
}

/** A file swept as soon as its modules found nothing in it, and the files it imports values from. */
export interface SweptAlone {
  found: SweepDetection[];
  imports: string[];
}

/**
 * Sweeps a code file as soon as its modules found nothing in it, so that its tree need not outlive
 * it: the sweep at the end takes this result as it is unless a later finding explains one of its
 * lines or one of its imports turns out to make a client.
 */
export function sweepAlone(units: readonly Unit[], context: DetectContext): SweptAlone {
  const swept: SweptAlone = { found: [], imports: [] };
  for (const unit of units) {
    swept.found.push(...sweepCode(unit, undefined, context, () => false));
    swept.imports.push(...valueImports(unit, context.evaluator));
  }
  return swept;
}

export type { Place };
