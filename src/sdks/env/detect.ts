/**
 * Detection of OpenAI configuration outside the SDK calls: env reads in code (`process.env`,
 * `import.meta.env`, `Deno.env.get`, destructuring), variables that feed a client under another
 * name (reported by the SDK modules through DetectContext.noteEnvFeed), dotenv files and
 * docker-compose `environment:` blocks. Read-only.
 */
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { locationOf, rangeLocation, type Unit } from '../../analysis/unit.js';
import type { SourceText } from '../../core/types.js';
import type { Evaluator } from '../../analysis/values.js';
import type { DetectContext, Detection, EnvFeed } from '../types.js';
import * as text from './messages.js';
import { spelledEnvName } from '../shared/env.js';
import { isWebSessionName } from '../../sweep/indicators.js';

export const SDK = 'env';

export type EnvRole = 'key' | 'baseURL' | 'proxy' | 'model' | 'azure' | 'other';

export type EnvPayload =
  | { type: 'read'; unit: Unit; nameNode: ts.Node; name: string; role: EnvRole; feedsClient: boolean }
  | { type: 'envLine'; file: SourceText; name: string; role: EnvRole; value: string; valueStart: number; valueEnd: number; lineEnd: number; example: boolean; last: boolean }
  | { type: 'composeEntry'; file: SourceText; name: string; role: EnvRole; entryStart: number; entryEnd: number; last: boolean; blockNames: string[] };

export type EnvDetection = Detection<EnvPayload>;

const OPENAI_NAME = /OPENAI/i;

export function roleOf(name: string): EnvRole {
  if (isWebSessionName(name)) return 'other';
  if (/AZURE/i.test(name)) return 'azure';
  if (/KEY|TOKEN|SECRET|PASSWORD/i.test(name)) return 'key';
  // OPENAI_PROXY / HTTPS_PROXY-style names hold a network proxy (HttpsProxyAgent), not an endpoint.
  if (/PROXY/i.test(name) && !/BASE|URL|HOST|ENDPOINT/i.test(name.replace(/PROXY_?URL/i, 'PROXY'))) return 'proxy';
  if (/BASE|URL|HOST|PROXY|ENDPOINT/i.test(name)) return 'baseURL';
  if (/MODEL/i.test(name)) return 'model';
  return 'other';
}

/** Example env files are documentation: apply may edit them; real ones hold secrets. */
export function isExampleEnvFile(path: string): boolean {
  return /\.(example|sample|template|dist|defaults?|tmpl)$|\.(example|sample|template)\./i.test(path);
}

function isGlobal(expr: ts.Expression, name: string): boolean {
  return ts.isIdentifier(expr) && expr.text === name && !resolveName(expr);
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`: the name node. */
function envRead(node: ts.Node): { name: string; nameNode: ts.Node } | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const target = node.expression;
    const isEnv =
      (ts.isPropertyAccessExpression(target) && target.name.text === 'env' && (isGlobal(target.expression, 'process') || ts.isMetaProperty(target.expression)));
    if (!isEnv) return undefined;
    if (ts.isPropertyAccessExpression(node)) return { name: node.name.text, nameNode: node.name };
    const key = node.argumentExpression;
    if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return { name: key.text, nameNode: key };
    return undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') {
    const target = node.expression.expression;
    const arg = node.arguments[0];
    if (ts.isPropertyAccessExpression(target) && target.name.text === 'env' && isGlobal(target.expression, 'Deno') && arg && ts.isStringLiteral(arg)) {
      return { name: arg.text, nameNode: arg };
    }
  }
  return undefined;
}

/** Option names through which a key or endpoint reaches an SDK client or an HTTP request. */
const CLIENT_OPTIONS = /^(apiKey|openAIApiKey|azureOpenAIApiKey|api_key|baseURL|basePath|apiBaseUrl|endpoint|configuration|Authorization|authorization|api-key)$/;

/** Whether a read sits inside such an option, where the SDK module that owns the client rewrites it. */
function feedsClient(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if ((ts.isPropertyAssignment(current) || ts.isShorthandPropertyAssignment(current)) && current.name) {
      const name = ts.isIdentifier(current.name) || ts.isStringLiteral(current.name) ? current.name.text : '';
      if (CLIENT_OPTIONS.test(name)) return true;
    }
    if (ts.isStatement(current)) return false;
  }
  return false;
}

function readDetection(unit: Unit, node: ts.Node, name: string, nameNode: ts.Node, feeds: boolean, role = roleOf(name)): EnvDetection {
  // OPENAI_ACCESS_TOKEN and friends hold a ChatGPT web session: not an API key, nothing to rename.
  const web = isWebSessionName(name);
  return {
    sdk: SDK,
    ruleId: web ? 'env/webSession' : 'env/read',
    kind: web ? 'not-openai' : 'env',
    location: locationOf(unit, node),
    message: web ? text.webSession(name) : text.read(name),
    reason: web ? text.webSessionReason() : text.readReason(role),
    payload: { type: 'read', unit, nameNode, name, role, feedsClient: feeds },
    variable: name,
  };
}

/**
 * `env.OPENAI_API_KEY` where `env` is `process.env` by another name: `dotenv.config().parsed`,
 * `const { env } = process`. Asked of the evaluator only for names that mention OpenAI.
 */
function aliasedEnvRead(node: ts.Node, unit: Unit, evaluator: Evaluator | undefined): { name: string; nameNode: ts.Node } | undefined {
  if (!evaluator || !ts.isPropertyAccessExpression(node) || !OPENAI_NAME.test(node.name.text)) return undefined;
  const target = evaluator.evaluate(unit, node.expression);
  const options = target.t === 'union' ? target.options : [target];
  return options.some((o) => o.t === 'global' && (o.name === 'process.env' || o.name === 'import.meta.env')) ? { name: node.name.text, nameNode: node.name } : undefined;
}

export function detectEnvReads(unit: Unit, evaluator?: Evaluator): EnvDetection[] {
  const detections: EnvDetection[] = [];
  const visit = (node: ts.Node): void => {
    const read = envRead(node) ?? aliasedEnvRead(node, unit, evaluator);
    if (read) {
      if (OPENAI_NAME.test(read.name)) detections.push(readDetection(unit, node, read.name, read.nameNode, feedsClient(node)));
      return;
    }
    // const { OPENAI_API_KEY, OPENAI_BASE_URL: base } = process.env
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isPropertyAccessExpression(init) && init.name.text === 'env' && (isGlobal(init.expression, 'process') || ts.isMetaProperty(init.expression))) {
        for (const element of node.name.elements) {
          const name = spelledEnvName(element);
          if (name && OPENAI_NAME.test(name)) detections.push(readDetection(unit, element, name, element, false));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return detections;
}

/** Variables with other names that the SDK modules saw feeding a client's key or endpoint. */
export function detectFeeds(feeds: EnvFeed[]): EnvDetection[] {
  return feeds
    .filter((feed) => !OPENAI_NAME.test(feed.env.name))
    .map((feed) => readDetection(feed.env.origin.unit, feed.env.origin.node, feed.env.name, feed.env.nameNode, true, feed.role));
}

const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

export function detectEnvFile(file: SourceText): EnvDetection[] {
  const detections: EnvDetection[] = [];
  const example = isExampleEnvFile(file.path);
  let offset = 0;
  for (const rawLine of file.text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const match = ENV_LINE.exec(line);
    if (match && OPENAI_NAME.test(match[1])) {
      const name = match[1];
      const value = match[2];
      let column = line.indexOf('=') + 1;
      while (line[column] === ' ' || line[column] === '\t') column++;
      const valueStart = offset + column;
      detections.push({
        sdk: SDK,
        ruleId: 'env/envFile',
        kind: 'env',
        location: rangeLocation(file, offset + line.length - line.trimStart().length, offset + line.length),
        message: text.envLine(name, file.path),
        reason: text.envLineReason(example),
        payload: { type: 'envLine', file, name, role: roleOf(name), value, valueStart, valueEnd: valueStart + value.length, lineEnd: offset + line.length, example, last: false },
        variable: name,
      });
    }
    offset += rawLine.length + 1;
  }
  const last = detections[detections.length - 1];
  if (last && last.payload.type === 'envLine') last.payload.last = true;
  return detections;
}

function entryName(item: unknown): { name: string; range: [number, number] } | undefined {
  if (isPair(item) && isScalar(item.key) && item.key.range) {
    const end = (item.value as YamlNode | null)?.range?.[1] ?? item.key.range[1];
    return { name: String(item.key.value), range: [item.key.range[0], end] };
  }
  if (isScalar(item) && typeof item.value === 'string' && item.range) {
    const name = item.value.split('=')[0].trim();
    return { name, range: [item.range[0], item.range[1]] };
  }
  return undefined;
}

export function detectComposeFile(file: SourceText): EnvDetection[] {
  const detections: EnvDetection[] = [];
  let document;
  try {
    document = parseDocument(file.text);
  } catch {
    return detections;
  }
  if (document.errors.length) return detections;
  const services = document.get('services', true);
  if (!isMap(services)) return detections;
  for (const service of services.items) {
    const environment = isMap(service.value) ? service.value.get('environment', true) : undefined;
    if (!isMap(environment) && !isSeq(environment)) continue;
    const entries = environment.items.map(entryName).filter((e): e is { name: string; range: [number, number] } => e !== undefined);
    const openai = entries.filter((e) => OPENAI_NAME.test(e.name));
    openai.forEach((entry, index) => {
      const lineStart = file.text.lastIndexOf('\n', entry.range[0] - 1) + 1;
      detections.push({
        sdk: SDK,
        ruleId: 'env/compose',
        kind: 'env',
        location: rangeLocation(file, lineStart + (file.text.slice(lineStart).length - file.text.slice(lineStart).trimStart().length), entry.range[1]),
        message: text.composeEntry(entry.name, file.path),
        reason: text.composeReason(),
        payload: {
          type: 'composeEntry',
          file,
          name: entry.name,
          role: roleOf(entry.name),
          entryStart: lineStart,
          entryEnd: entry.range[1],
          last: index === openai.length - 1,
          blockNames: entries.map((e) => e.name),
        },
      });
    });
  }
  return detections;
}

export function detectEnvText(file: SourceText, _context: DetectContext): EnvDetection[] {
  return file.kind === 'env' ? detectEnvFile(file) : file.kind === 'compose' ? detectComposeFile(file) : [];
}
