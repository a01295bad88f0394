/**
 * What an OpenAI-shaped request body asks for (chat, embeddings, responses, raw HTTP bodies):
 * the model, the features the capability lint checks, and the literal prompt text for estimates.
 */
import { ts } from '../../analysis/ts.js';
import { propertyNameText } from '../../analysis/scope.js';
import { skipOuter, type Evaluator, type ObjectValue, type Value } from '../../analysis/values.js';
import type { Unit } from '../../analysis/unit.js';
import { literalView } from '../../dialects/scan.js';
import { UNKNOWN, type View } from '../../dialects/types.js';

/** Request parameters only OpenAI serves; other endpoints ignore or reject them. */
export const OPENAI_ONLY_PARAMS = [
  'store',
  'metadata',
  'service_tier',
  'prediction',
  'modalities',
  'audio',
  'web_search_options',
  'prompt_cache_key',
  'safety_identifier',
  'verbosity',
  'prompt_cache_retention',
  'prompt_cache_options',
  'moderation',
] as const;

export interface RequestFacts {
  object: ObjectValue | undefined;
  /** The request body as the code writes it, for the dialect rules (UNKNOWN where run time decides). */
  view: View;
  model: { value: Value; property: ts.ObjectLiteralElementLike } | undefined;
  stream: boolean | 'maybe';
  streamOptions: boolean;
  tools: boolean;
  toolChoice: string | undefined;
  parallelToolCalls: boolean;
  responseFormat: 'json_object' | 'json_schema' | 'text' | 'unknown' | undefined;
  n: number | undefined;
  logprobs: boolean;
  seed: boolean;
  logitBias: boolean;
  temperature: number | undefined;
  maxCompletionTokens: ts.ObjectLiteralElementLike | undefined;
  maxTokens: number | undefined;
  reasoningEffort: boolean;
  images: boolean;
  openaiOnly: ts.ObjectLiteralElementLike[];
  dimensions: number | undefined;
  inputCount: number | undefined;
  /** `input` is a list whose length is only known at run time. */
  inputDynamic: boolean;
  /** The surrounding code reads `.usage` (set by the SDK module, which sees the call site). */
  usageRead: boolean;
  promptText: string;
  /** Something besides promptText (a spread history, a call, a template hole) makes up the prompt. */
  promptDynamic: boolean;
}

export function emptyFacts(): RequestFacts {
  return {
    object: undefined,
    view: UNKNOWN,
    model: undefined,
    stream: false,
    streamOptions: false,
    tools: false,
    toolChoice: undefined,
    parallelToolCalls: false,
    responseFormat: undefined,
    n: undefined,
    logprobs: false,
    seed: false,
    logitBias: false,
    temperature: undefined,
    maxCompletionTokens: undefined,
    maxTokens: undefined,
    reasoningEffort: false,
    images: false,
    openaiOnly: [],
    dimensions: undefined,
    inputCount: undefined,
    inputDynamic: false,
    usageRead: false,
    promptText: '',
    promptDynamic: false,
  };
}

function numberOf(expr: ts.Expression | undefined, evaluator?: Evaluator, unit?: Unit): number | undefined {
  if (!expr) return undefined;
  const e = skipOuter(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  // A named constant, possibly imported (`max_tokens: MAX_ANSWER_TOKENS`).
  if (evaluator && unit && (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) {
    const value = evaluator.evaluate(unit, e);
    if (value.t === 'number') return value.value;
  }
  return undefined;
}

function initializerOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** Expressions whose literal text is all there is to them (the rest of a prompt is known at run time). */
const FIXED_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
]);

/**
 * Literal texts under a node (strings and template pieces), for token estimates and image parts;
 * `state.dynamic` records whether anything else (a spread history, a call, a template hole) adds to
 * the prompt at run time.
 */
function collectStrings(node: ts.Node, out: string[], evaluator: Evaluator, unit: Unit, state: { dynamic: boolean }): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
  else if (ts.isTemplateExpression(node)) {
    out.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    state.dynamic = true;
  } else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    // A named prompt, possibly imported: `{ role: 'system', content: SYSTEM_PROMPT }`. Property
    // names (`content`) are not values.
    const parent = node.parent;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyAccessExpression(parent)) && parent.name === node) return;
    const parts = literalParts(evaluator.evaluate(unit, node as ts.Expression));
    out.push(...parts.texts);
    if (!parts.complete) state.dynamic = true;
    return;
  } else {
    if (ts.isSpreadElement(node) || ts.isSpreadAssignment(node) || (isExpressionNode(node) && !FIXED_KINDS.has(node.kind))) state.dynamic = true;
    ts.forEachChild(node, (child) => collectStrings(child, out, evaluator, unit, state));
  }
}

function isExpressionNode(node: ts.Node): boolean {
  return ts.isCallExpression(node) || ts.isAwaitExpression(node) || ts.isConditionalExpression(node) || ts.isBinaryExpression(node) || ts.isElementAccessExpression(node) || ts.isNewExpression(node);
}

/** The literal text a value is made of: a string, or the fixed parts of a template or concatenation. */
function literalParts(value: Value): { texts: string[]; complete: boolean } {
  if (value.t === 'string') return { texts: [value.value], complete: true };
  if (value.t === 'template' || value.t === 'concat') {
    const parts = value.parts.map(literalParts);
    return { texts: parts.flatMap((p) => p.texts), complete: parts.every((p) => p.complete) };
  }
  return { texts: [], complete: false };
}

export function requestFacts(evaluator: Evaluator, unit: Unit, argument: ts.Expression | undefined): RequestFacts {
  const facts = emptyFacts();
  if (!argument) return facts;
  const value = evaluator.evaluate(unit, argument);
  if (value.t !== 'object') return facts;
  facts.object = value;
  const objectUnit = value.unit;
  facts.view = literalView(value.node, objectUnit, evaluator);
  const texts: string[] = [];
  const prompt = { dynamic: false };
  for (const property of value.node.properties) {
    if (ts.isSpreadAssignment(property)) continue;
    const name = property.name ? propertyNameText(property.name) : undefined;
    if (!name) continue;
    const init = initializerOf(property);
    const initText = init ? skipOuter(init) : undefined;
    switch (name) {
      case 'model':
        if (init) facts.model = { value: evaluator.evaluate(objectUnit, init), property };
        break;
      case 'stream':
        facts.stream = initText?.kind === ts.SyntaxKind.TrueKeyword ? true : initText?.kind === ts.SyntaxKind.FalseKeyword ? false : 'maybe';
        break;
      case 'stream_options':
        facts.streamOptions = true;
        break;
      case 'tools':
      case 'functions':
        facts.tools = true;
        break;
      case 'tool_choice':
      case 'function_call':
        facts.toolChoice = initText && (ts.isStringLiteral(initText) || ts.isNoSubstitutionTemplateLiteral(initText)) ? initText.text : 'function';
        break;
      case 'parallel_tool_calls':
        facts.parallelToolCalls = true;
        break;
      case 'response_format':
      case 'text':
        facts.responseFormat = responseFormatOf(initText);
        break;
      case 'n':
        facts.n = numberOf(init);
        break;
      case 'logprobs':
      case 'top_logprobs':
        if (initText?.kind !== ts.SyntaxKind.FalseKeyword) facts.logprobs = true;
        break;
      case 'seed':
        facts.seed = true;
        break;
      case 'logit_bias':
        facts.logitBias = true;
        break;
      case 'temperature':
        facts.temperature = numberOf(init);
        break;
      case 'max_completion_tokens':
        facts.maxCompletionTokens = property;
        facts.maxTokens = numberOf(init, evaluator, objectUnit);
        break;
      case 'max_tokens':
      case 'max_output_tokens':
        facts.maxTokens = numberOf(init, evaluator, objectUnit);
        break;
      case 'reasoning_effort':
      case 'reasoning':
        facts.reasoningEffort = true;
        break;
      case 'dimensions':
        facts.dimensions = numberOf(init);
        break;
      case 'input':
      case 'messages':
      case 'prompt':
      case 'instructions':
        if (initText) {
          collectStrings(initText, texts, evaluator, objectUnit, prompt);
          if (name === 'input' && ts.isArrayLiteralExpression(initText)) {
            const spread = initText.elements.some((e) => ts.isSpreadElement(e));
            if (spread) facts.inputDynamic = true;
            else facts.inputCount = initText.elements.length;
          } else if (name === 'input' && !ts.isStringLiteralLike(initText) && !ts.isTemplateExpression(initText)) {
            const value = evaluator.evaluate(objectUnit, initText);
            if (value.t !== 'string' && value.t !== 'template') facts.inputDynamic = true;
          }
        }
        break;
      default:
        if ((OPENAI_ONLY_PARAMS as readonly string[]).includes(name)) facts.openaiOnly.push(property);
    }
  }
  facts.images = texts.includes('image_url') || texts.includes('input_image');
  facts.promptDynamic = prompt.dynamic;
  facts.promptText = texts.filter((t) => t !== '' && !['system', 'user', 'assistant', 'developer', 'text', 'image_url', 'input_text', 'input_image'].includes(t)).join('\n');
  return facts;
}

function responseFormatOf(expr: ts.Expression | undefined): RequestFacts['responseFormat'] {
  if (!expr) return undefined;
  if (ts.isCallExpression(expr)) {
    // zodResponseFormat(...), zodTextFormat(...), standardResponseFormat(...) build json_schema formats.
    const callee = expr.expression.getText();
    return /ResponseFormat|TextFormat/.test(callee) ? 'json_schema' : 'unknown';
  }
  if (ts.isObjectLiteralExpression(expr)) {
    for (const property of expr.properties) {
      const name = property.name ? propertyNameText(property.name) : undefined;
      const init = initializerOf(property);
      if (name === 'format' && init) return responseFormatOf(skipOuter(init));
      if (name === 'type' && init) {
        const value = skipOuter(init);
        if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
          return value.text === 'json_object' || value.text === 'json_schema' || value.text === 'text' ? value.text : 'unknown';
        }
      }
    }
  }
  return 'unknown';
}

/** The answer per function (or file): a file of many calls asks about the same scope each time. */
const usageReadIn = new WeakMap<ts.Node, boolean>();

/** Whether the function around a call reads `.usage` (a stream's usage needs stream_options). */
export function readsUsage(call: ts.Node): boolean {
  let scope: ts.Node | undefined = call.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return false;
  const known = usageReadIn.get(scope);
  if (known !== undefined) return known;
  const found = scopeReadsUsage(scope);
  usageReadIn.set(scope, found);
  return found;
}

function scopeReadsUsage(scope: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'usage') found = true;
    else ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}
