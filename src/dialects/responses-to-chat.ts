/**
 * The rewrite of dialect rule responses-unavailable: `client.responses.create({...})`, on a provider
 * whose OpenAI-compatible API serves chat completions only (or has not confirmed Responses), becomes
 * `client.chat.completions.create({...})`, and the reads of its result take the chat spelling
 * (openai-sdk.md §8c). Only where every part maps one to one: a request of plain fields and plain
 * text messages, a result read for its text, usage, id or model. Anything else is refused with the
 * reason, and the call keeps its finding. Syntax only, provider-independent: the provider decides
 * just the output-token field, at edit time.
 */
import { ts } from '../analysis/ts.js';
import { propertyNameText, resolveName } from '../analysis/scope.js';
import { nodeRange, type Unit } from '../analysis/unit.js';
import { t, type Localized } from '../core/text.js';
import type { TextEdit } from '../core/types.js';
import { insertFirstElement, renameProperty, replaceNode } from '../edits/object-literal.js';
import { isObject } from './match.js';
import { UNKNOWN, type View } from './types.js';

export interface ResponsesAsChat {
  ok: true;
  object: ts.ObjectLiteralExpression;
  /** `instructions`, folded into the messages: removed together with the other removed properties (one pass, no overlap). */
  removed: ts.ObjectLiteralElementLike[];
  /** The request, result reads included, in chat spelling. */
  edits(outputField: string, style: { quote: "'" | '"'; eol: string }): TextEdit[];
}

export type ResponsesConversion = ResponsesAsChat | { ok: false; reason: Localized };

/** Request fields with the same name and meaning in chat completions (metadata goes with the other OpenAI-only fields). */
const KEPT = new Set(['model', 'temperature', 'top_p', 'user', 'metadata']);

/** Why a Responses field stops the rewrite, for the finding. */
const FIELD_REASONS: Record<string, [string, string]> = {
  stream: ['it streams (Responses stream events are not chat chunks)', '它使用流式输出（Responses 的流事件与 chat 的数据块不同）'],
  tools: ['it sends tools (function tools are shaped differently in chat; hosted tools run only at OpenAI)', '它发送了 tools（chat 中函数工具的结构不同；托管工具只在 OpenAI 运行）'],
  tool_choice: ['it sends tool_choice', '它发送了 tool_choice'],
  parallel_tool_calls: ['it sends parallel_tool_calls', '它发送了 parallel_tool_calls'],
  previous_response_id: ['it continues a stored response (previous_response_id); chat completions are stateless', '它延续已存储的响应（previous_response_id）；chat completions 无状态'],
  conversation: ['it continues a conversation kept at OpenAI; chat completions are stateless', '它延续保存在 OpenAI 的对话；chat completions 无状态'],
  store: ['it sets store (responses kept for later retrieval exist only at OpenAI)', '它设置了 store（供以后读取的响应只在 OpenAI 保存）'],
  background: ['it runs in the background (background)', '它在后台运行（background）'],
  text: ['it sets text (text.format is spelled response_format in chat, and provider support differs)', '它设置了 text（text.format 在 chat 中写作 response_format，且各服务商支持不同）'],
  reasoning: ['it sets reasoning (each provider switches thinking its own way)', '它设置了 reasoning（各服务商以各自的参数控制思考）'],
  include: ['it asks for extra output items (include)', '它请求了额外的输出项（include）'],
  prompt: ['it uses a stored prompt template (prompt)', '它使用了存储的提示词模板（prompt）'],
};

const USAGE_FIELDS: Record<string, string> = { input_tokens: 'prompt_tokens', output_tokens: 'completion_tokens', total_tokens: 'total_tokens' };
const ROLES = new Set(['user', 'assistant', 'system']);

const refuse = (en: string, zh: string): ResponsesConversion => ({ ok: false, reason: t(en, zh) });
const excerpt = (node: ts.Node, unit: Unit): string => {
  const text = node.getText(unit.sf).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Whether `client.<path>.<method>(…)` at `call` can become a chat completion, and how. */
export function responsesAsChat(unit: Unit, call: ts.CallExpression, path: readonly string[], method: string): ResponsesConversion {
  if (method === 'stream') return refuse('responses.stream() emits Responses stream events; the loop that reads them must be rewritten by hand', 'responses.stream() 输出 Responses 流事件，读取它们的循环需要手工改写');
  if (method === 'parse') return refuse('responses.parse() reads a text.format schema into output_parsed (chat: response_format and message.parsed)', 'responses.parse() 按 text.format 的 schema 解析到 output_parsed（chat 中为 response_format 与 message.parsed）');
  if (method !== 'create') return refuse(`responses.${method}() works on responses stored at OpenAI`, `responses.${method}() 操作的是保存在 OpenAI 的响应`);
  const callee = call.expression;
  const resource = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  if (path.join('.') !== 'responses' || !resource || !ts.isPropertyAccessExpression(resource) || resource.name.text !== 'responses') {
    return refuse('the call is not written as <client>.responses.create(…)', '该调用不是以 <client>.responses.create(…) 的形式书写');
  }
  const object = call.arguments[0];
  if (!object || !ts.isObjectLiteralExpression(object)) return refuse('the request is not an object literal written in the call', '请求不是写在调用中的对象字面量');

  const properties = new Map<string, ts.PropertyAssignment | ts.ShorthandPropertyAssignment>();
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) return refuse('the request spreads another object (its fields are unknown)', '请求展开了另一个对象（其字段未知）');
    const name = property.name ? propertyNameText(property.name) : undefined;
    if (!name || !(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) return refuse(`the request has a field banjia cannot read (${excerpt(property, unit)})`, `请求中有无法读取的字段（${excerpt(property, unit)}）`);
    const reason = FIELD_REASONS[name];
    if (reason) return refuse(reason[0], reason[1]);
    if (!KEPT.has(name) && name !== 'input' && name !== 'instructions' && name !== 'max_output_tokens') return refuse(`${name} has no chat completions field of the same meaning`, `${name} 在 chat completions 中没有同义字段`);
    properties.set(name, property);
  }
  if (!properties.has('model')) return refuse('the request names no model (chat completions need one)', '请求未指定 model（chat completions 必须指定）');
  const input = properties.get('input');
  if (!input) return refuse('the request has no input', '请求没有 input');
  const inputValue = valueOf(input);
  const list = ts.isArrayLiteralExpression(inputValue) ? inputValue : undefined;
  if (list) {
    for (const item of list.elements) {
      if (!plainMessage(item)) return refuse(`input has an item that is not a { role, content: string } message (${excerpt(item, unit)})`, `input 中有不是 { role, content: string } 消息的条目（${excerpt(item, unit)}）`);
    }
  } else if (!isString(inputValue)) {
    return refuse('input is not known to be a string or a list of messages written in the call', '无法确定 input 是字符串或写在调用中的消息列表');
  }
  const instructions = properties.get('instructions');
  if (instructions && !isString(valueOf(instructions))) return refuse('instructions is not known to be a string', '无法确定 instructions 是字符串');
  // The instructions text moves to where input is: only when that cannot change what runs first.
  if (instructions && object.properties.indexOf(instructions) > object.properties.indexOf(input) && (hasEffects(valueOf(instructions)) || hasEffects(inputValue))) {
    return refuse('instructions come after input and moving them would change the order in which their expressions run', 'instructions 位于 input 之后，移动它会改变表达式的求值顺序');
  }
  const reads = resultReads(call, unit);
  if (!Array.isArray(reads)) return { ok: false, reason: reads };

  return {
    ok: true,
    object,
    removed: instructions ? [instructions] : [],
    edits(outputField, style) {
      const q = style.quote;
      const edits: TextEdit[] = [replaceNode(unit, resource.name, 'chat.completions'), ...reads.map((read) => read(q))];
      const limit = properties.get('max_output_tokens');
      if (limit) edits.push(renameProperty(unit, limit, outputField));
      const system = instructions ? `{ role: ${q}system${q}, content: ${valueOf(instructions).getText(unit.sf)} }` : undefined;
      if (!list) {
        edits.push(replaceNode(unit, input, `messages: [${system ? `${system}, ` : ''}{ role: ${q}user${q}, content: ${inputValue.getText(unit.sf)} }]`));
        return edits;
      }
      edits.push(renameProperty(unit, input, 'messages'));
      if (system) edits.push(insertFirstElement(unit, list, system, style.eol));
      return edits;
    },
  };
}

/** The request as chat completions receive it, for the chat dialect rules (the temperature range, say). */
export function chatView(view: View, outputField: string): View {
  if (!isObject(view)) return view;
  const { input, instructions, max_output_tokens: limit, ...rest } = view;
  const messages: View[] = instructions === undefined ? [] : [{ role: 'system', content: instructions }];
  if (Array.isArray(input)) messages.push(...input);
  else messages.push({ role: 'user', content: input ?? UNKNOWN });
  return { ...rest, messages, ...(limit === undefined ? {} : { [outputField]: limit }) };
}

function valueOf(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): ts.Expression {
  return ts.isPropertyAssignment(property) ? property.initializer : property.name;
}

/** `{ role: 'user' | 'assistant' | 'system', content: <string> }` and nothing else. */
function plainMessage(item: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(item) || item.properties.length !== 2) return false;
  const names = new Map<string, ts.Expression>();
  for (const property of item.properties) {
    const name = property.name ? propertyNameText(property.name) : undefined;
    if (!name || !(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) return false;
    names.set(name, valueOf(property));
  }
  const role = names.get('role');
  const content = names.get('content');
  return role !== undefined && content !== undefined && ts.isStringLiteralLike(role) && ROLES.has(role.text) && isString(content);
}

const isStringType = (type: ts.TypeNode | undefined): boolean =>
  type !== undefined &&
  (type.kind === ts.SyntaxKind.StringKeyword ||
    (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) ||
    (ts.isUnionTypeNode(type) && type.types.every(isStringType)));

const STRING_METHODS = new Set(['join', 'trim', 'toString']);
/** Methods that give a string when called on one (`transcript.slice(0, n)`); on a list some give a list. */
const STRING_TO_STRING = new Set(['slice', 'substring', 'trimStart', 'trimEnd', 'padStart', 'padEnd', 'replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'normalize', 'repeat', 'concat', 'charAt']);

/**
 * Whether an expression is surely a string, from syntax: literals and templates, concatenation
 * with one, a parameter or variable declared `string`, a constant initialised with one, String(…),
 * JSON.stringify(…), .join() / .trim() / .toString(), .slice() and the like of a string, a call of a
 * local function that returns one. An array of input items reads no different
 * from a string through an unannotated name, so anything else is not known to be one.
 */
function isString(expr: ts.Expression, depth = 0): boolean {
  if (depth > 4) return false;
  if (ts.isParenthesizedExpression(expr)) return isString(expr.expression, depth);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr)) return true;
  if (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return isStringType(expr.type) || isString(expr.expression, depth + 1);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return isString(expr.left, depth + 1) || isString(expr.right, depth + 1);
  if (ts.isConditionalExpression(expr)) return isString(expr.whenTrue, depth + 1) && isString(expr.whenFalse, depth + 1);
  if (ts.isCallExpression(expr)) {
    const callee = expr.expression;
    if (ts.isIdentifier(callee)) {
      if (callee.text === 'String' && !resolveName(callee)) return true;
      const fn = localFunction(callee);
      return fn !== undefined && returnsString(fn, depth + 1);
    }
    if (!ts.isPropertyAccessExpression(callee)) return false;
    if (ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'stringify' && !resolveName(callee.expression)) return true;
    return STRING_METHODS.has(callee.name.text) || (STRING_TO_STRING.has(callee.name.text) && isString(callee.expression, depth + 1));
  }
  if (!ts.isIdentifier(expr)) return false;
  const declaration = resolveName(expr);
  if (declaration?.kind === 'parameter') {
    const parameter = declaration.node;
    return declaration.path.length === 0 && !parameter.questionToken && !parameter.dotDotDotToken && isStringType(parameter.type);
  }
  if (declaration?.kind !== 'variable' || declaration.path.length !== 0) return false;
  const variable = declaration.node;
  if (variable.type) return isStringType(variable.type);
  const constant = ts.isVariableDeclarationList(variable.parent) && (variable.parent.flags & ts.NodeFlags.Const) !== 0;
  return constant && variable.initializer !== undefined && isString(variable.initializer, depth + 1);
}

/** The function a name declares in the file: `function f() {}` or `const f = () => …`. */
function localFunction(name: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
  const declaration = resolveName(name);
  if (declaration?.kind === 'function') return declaration.node;
  if (declaration?.kind !== 'variable' || declaration.path.length !== 0) return undefined;
  const init = declaration.node.initializer;
  const constant = ts.isVariableDeclarationList(declaration.node.parent) && (declaration.node.parent.flags & ts.NodeFlags.Const) !== 0;
  return constant && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** A synchronous function declared to return a string, or whose every `return` gives one (`buildPrompt(n)` → a template). */
function returnsString(fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  if (fn.type) return isStringType(fn.type);
  if (fn.asteriskToken || (ts.getModifiers(fn as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) return isString(fn.body, depth);
  const returned: Array<ts.Expression | undefined> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) returned.push(node.expression);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return returned.length > 0 && returned.every((expr) => expr !== undefined && isString(expr, depth));
}

/** Whether evaluating an expression could do something (call, assign, await). */
function hasEffects(expr: ts.Node): boolean {
  if (ts.isCallExpression(expr) || ts.isNewExpression(expr) || ts.isAwaitExpression(expr) || ts.isYieldExpression(expr) || ts.isTaggedTemplateExpression(expr) || ts.isDeleteExpression(expr)) return true;
  if ((ts.isPrefixUnaryExpression(expr) || ts.isPostfixUnaryExpression(expr)) && (expr.operator === ts.SyntaxKind.PlusPlusToken || expr.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && expr.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if (ts.isFunctionLike(expr)) return false;
  return ts.forEachChild(expr, (child) => (hasEffects(child) ? true : undefined)) === true;
}

type Read = (quote: string) => TextEdit;

/**
 * The edits for the reads of the call's result, or why there is none: the awaited result is
 * ignored, read at once (`(await call).output_text`), or held in a `const` whose every use is a read
 * banjia rewrites (`r.output_text`, `r.usage.input_tokens`, `r.id`, `r.model`).
 */
function resultReads(call: ts.CallExpression, unit: Unit): Read[] | Localized {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (!ts.isAwaitExpression(node.parent)) return t('the result is not awaited where the call is made (a promise passed on)', '调用处没有 await 结果（Promise 被传递）');
  node = node.parent;
  const parent = node.parent;
  if (ts.isExpressionStatement(parent)) return [];
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) return variableReads(parent, unit);
  if (ts.isParenthesizedExpression(parent)) {
    let value: ts.Expression = parent;
    while (ts.isParenthesizedExpression(value.parent)) value = value.parent;
    const read = readOf(value, unit);
    if (read) return read;
    return t(`the result is used as \`${excerpt(value.parent, unit)}\``, `结果的用法为 \`${excerpt(value.parent, unit)}\``);
  }
  return t(`the result is used as \`${excerpt(parent, unit)}\``, `结果的用法为 \`${excerpt(parent, unit)}\``);
}

/** `const r = await …`: every reference to `r` must be a read banjia rewrites. */
function variableReads(declaration: ts.VariableDeclaration, unit: Unit): Read[] | Localized {
  const name = declaration.name;
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isIdentifier(name)) return t('the result is destructured', '结果被解构');
  if (!ts.isVariableStatement(statement)) return t('the result is declared outside a statement of its own', '结果不是在独立的声明语句中声明的');
  if (declaration.type) return t(`the result is declared with a type (${excerpt(declaration.type, unit)})`, `结果声明了类型（${excerpt(declaration.type, unit)}）`);
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return t(`${name.text} is not a const (it may be reassigned)`, `${name.text} 不是 const（可能被重新赋值）`);
  if ((ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return t(`${name.text} is exported`, `${name.text} 被导出`);
  const reads: Read[] = [];
  let refused: Localized | undefined;
  const visit = (node: ts.Node): void => {
    if (refused) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && !isNameOfMember(node) && resolveName(node)?.node === declaration) {
      const read = readOf(node, unit);
      if (read) reads.push(...read);
      else refused = t(`the result ${name.text} is used as \`${excerpt(node.parent, unit)}\``, `结果 ${name.text} 的用法为 \`${excerpt(node.parent, unit)}\``);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement.parent);
  return refused ?? reads;
}

/** An identifier in a name position (`x.r`, `{ r: 1 }`, a label), not a reference to a variable. */
function isNameOfMember(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) return (ts.isPropertyAccessExpression(p) ? p.name : p.right) === id;
  if (ts.isBindingElement(p)) return p.propertyName === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) return p.name === id;
  return ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p);
}

/** Whether a member access is written to (assigned, incremented, deleted). */
function isWritten(access: ts.Expression): boolean {
  const p = access.parent;
  if (ts.isBinaryExpression(p) && p.left === access) return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  return ts.isDeleteExpression(p) || ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p);
}

/** The edits of one read of the result `value`; undefined when it is not a read banjia rewrites. */
function readOf(value: ts.Expression, unit: Unit): Read[] | undefined {
  const access = value.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== value || access.questionDotToken || isWritten(access)) return undefined;
  switch (access.name.text) {
    case 'id':
    case 'model':
      return [];
    case 'output_text': {
      // (r.choices[0]?.message.content ?? ''): a string, as output_text is, whatever follows.
      const start = nodeRange(unit, value).start;
      const end = nodeRange(unit, access).end;
      return [() => ({ start, end: start, text: '(' }), () => replaceNode(unit, access.name, 'choices[0]?.message.content'), (q) => ({ start: end, end, text: ` ?? ${q}${q})` })];
    }
    case 'usage': {
      let usage: ts.Expression = access;
      if (ts.isNonNullExpression(usage.parent)) usage = usage.parent;
      const field = usage.parent;
      if (!ts.isPropertyAccessExpression(field) || field.expression !== usage || isWritten(field)) return undefined;
      const to = USAGE_FIELDS[field.name.text];
      if (!to) return undefined;
      return to === field.name.text ? [] : [() => replaceNode(unit, field.name, to)];
    }
    default:
      return undefined;
  }
}
