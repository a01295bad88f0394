/**
 * Classes of the project that make an OpenAI client in their constructor from what they are given
 * (`class OpenAiEngine { constructor(config) { this.client = new OpenAI({ apiKey: config.apiKey }) } }`),
 * and the places that construct them (`return new OpenAiEngine(DEFAULT_CONFIG)`): that is where
 * the key, base URL and model are chosen, so a move starts there. A subclass (`class GroqEngine
 * extends OpenAiEngine`) is another class: constructing it is not reported here (it usually sets
 * its own base URL, and the client record of its `super(…)` call says where it goes).
 */
import { ts } from '../../analysis/ts.js';
import { isInside, locationOf, structuralNodes, type Unit } from '../../analysis/unit.js';
import { skipOuter } from '../../analysis/values.js';
import type { DetectContext } from '../types.js';
import { routingOfBaseUrl } from '../shared/routing.js';
import type { OpenAiDetection, Routing } from './detect.js';
import * as text from './messages.js';
import { isTestFile } from '../../sweep/detect.js';
import { namedProvider } from '../../sweep/context.js';

interface Factory {
  name: string;
  client: { file: string; line: number };
}

const runs = new WeakMap<DetectContext, Map<ts.Node, Factory>>();

/** Records the class whose constructor makes this client from its parameters. */
export function noteFactory(context: DetectContext, detection: OpenAiDetection): void {
  if (detection.kind !== 'client' || detection.payload.type !== 'client') return;
  const client = detection.payload.client;
  const constructor = enclosingConstructor(client.node);
  const cls = constructor?.parent;
  if (!constructor || !constructor.parameters.length || !cls || !ts.isClassLike(cls) || !cls.name) return;
  // A class written for another provider (LocalAiLLM in a localAi folder) makes its client for
  // that provider, whatever the options look like: constructing it is not a move.
  const named = namedProvider(client.unit.sf, client.node, client.unit.path);
  if (named && named !== 'openai') return;
  // A client whose endpoint is configurable (LocalAI's, LiteLLM's base path) is reported where it
  // is made; only a class bound to OpenAI makes its construction sites part of the move.
  if (client.routing.to !== 'openai') return;
  let factories = runs.get(context);
  if (!factories) runs.set(context, (factories = new Map()));
  factories.set(cls, { name: cls.name.text, client: { file: detection.location.file, line: detection.location.line } });
}

function enclosingConstructor(node: ts.Node): ts.ConstructorDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isConstructorDeclaration(current)) return current;
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return undefined;
  }
  return undefined;
}

/** After every file: each `new` of a recorded class, outside the class itself. */
export function factoryUses(context: DetectContext): OpenAiDetection[] {
  const factories = runs.get(context);
  if (!factories?.size) return [];
  const classNames = names(factories);
  const out: OpenAiDetection[] = [];
  for (const file of context.workspace.parsedFilesUsing(classNames, new Set([...factories.values()].map((f) => f.client.file)))) {
    for (const unit of context.workspace.units(file)) {
      if (unit.syntaxErrors.length) continue;
      for (const node of structuralNodes(unit)) {
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const subclass = subclassOf(context, unit, node, factories);
          if (subclass) out.push(subclass);
          continue;
        }
        if (!ts.isNewExpression(node)) continue;
        const callee = skipOuter(node.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (!name || !classNames.has(name)) continue;
        const value = context.evaluator.evaluate(unit, node.expression);
        const factory = value.t === 'class' ? factories.get(value.node) : undefined;
        if (!factory) continue;
        out.push({
          sdk: 'openai',
          ruleId: 'openai/clientFactory',
          kind: 'client',
          location: locationOf(unit, node),
          message: text.clientFactory(factory.name, factory.client),
          reason: text.clientFactoryReason(),
          payload: { type: 'factory', cls: factory.name, client: factory.client, inTest: isTestFile(unit.path) },
        });
      }
    }
  }
  return out;
}

/**
 * `class GroqEngine extends OpenAiEngine { constructor(c) { c.baseURL = 'https://api.groq.com/openai/v1'; super(c) } }`:
 * a subclass inherits the client. A URL literal of another host in its constructor routes it
 * there (reported as routed); without one it goes wherever the base class's client goes.
 */
function subclassOf(context: DetectContext, unit: Unit, superCall: ts.CallExpression, factories: Map<ts.Node, Factory>): OpenAiDetection | undefined {
  const constructor = enclosingConstructor(superCall);
  const cls = constructor?.parent;
  const heritage = cls && ts.isClassLike(cls) ? cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0] : undefined;
  if (!constructor || !cls || !heritage || !names(factories).has(heritageName(heritage.expression) ?? '')) return undefined;
  const base = context.evaluator.evaluate(unit, heritage.expression);
  const factory = base.t === 'class' ? factories.get(base.node) : undefined;
  if (!factory) return undefined;
  const host = otherHost(constructor);
  const name = ts.isClassLike(cls) && cls.name ? cls.name.text : factory.name;
  return {
    sdk: 'openai',
    ruleId: host ? 'openai/clientFactoryRouted' : 'openai/clientFactory',
    kind: host ? 'routed' : 'client',
    location: locationOf(unit, heritage),
    message: host ? text.clientSubclassRouted(name, factory.name, host) : text.clientSubclass(name, factory.name, factory.client),
    reason: host ? text.clientRoutedReason() : text.clientFactoryReason(),
    payload: { type: 'factory', cls: name, client: factory.client, inTest: isTestFile(unit.path) },
  };
}

function names(factories: Map<ts.Node, Factory>): Set<string> {
  return new Set([...factories.values()].map((f) => f.name));
}

function heritageName(expression: ts.Expression): string | undefined {
  return ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
}

/** The host of the first http(s) URL literal in the constructor that is not OpenAI's. */
function otherHost(constructor: ts.ConstructorDeclaration): string | undefined {
  const url = otherUrl(constructor);
  return url ? /^https?:\/\/([^/:?#]+)/i.exec(url.text)?.[1] : undefined;
}

function otherUrl(constructor: ts.ConstructorDeclaration): ts.StringLiteralLike | undefined {
  let url: ts.StringLiteralLike | undefined;
  const visit = (node: ts.Node): void => {
    if (url) return;
    if (ts.isStringLiteralLike(node)) {
      const host = /^https?:\/\/([^/:?#]+)/i.exec(node.text)?.[1];
      if (host && !/(^|\.)openai\.com$/i.test(host)) url = node;
    }
    ts.forEachChild(node, visit);
  };
  if (constructor.body) visit(constructor.body);
  return url;
}

/**
 * A call inside a subclass on a client its base class made (`this.client` of `DeepseekEngine
 * extends OpenAiEngine`) goes where the subclass's constructor points the client: the URL literal
 * of another host it names, if any. The base class's client alone cannot tell.
 */
export function inheritedRouting(call: ts.Node, made: ts.Node, unit: Unit): Routing | undefined {
  let cls: ts.ClassLikeDeclaration | undefined;
  for (let current = call.parent; current && !cls; current = current.parent) if (ts.isClassLike(current)) cls = current;
  if (!cls || isInside(made, cls) || !cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) return undefined;
  const constructor = cls.members.find(ts.isConstructorDeclaration);
  const url = constructor && otherUrl(constructor);
  return url ? routingOfBaseUrl({ t: 'string', value: url.text, origin: { unit, node: url } }) : undefined;
}

