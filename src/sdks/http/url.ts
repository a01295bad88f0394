/**
 * URLs of raw HTTP requests as sequences of pieces: literal text (with the literal node that holds
 * it, so the rewrite can edit exactly that text), env reads, and run-time values. A value with
 * alternatives (`env ?? 'https://api.openai.com'`) gives several sequences. On top of the
 * Evaluator's `string` / `template` / `concat` / `union` values this adds what it does not model:
 * `new URL(path, base)`, `url.href` / `url.toString()`, binding defaults, and the join of a client's
 * base URL with a request path (axios `baseURL`, got / ky `prefixUrl`).
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { nodeRange, type Unit } from '../../analysis/unit.js';
import { skipOuter, type EnvValue, type Evaluator, type Value } from '../../analysis/values.js';
import type { ApiFamily, FileEdit } from '../../core/types.js';

export interface TextPiece {
  kind: 'text';
  value: string;
  /** StringLiteral, NoSubstitutionTemplateLiteral, or a template head/middle/tail. */
  node: ts.Node;
  unit: Unit;
}
export interface EnvPiece {
  kind: 'env';
  env: EnvValue;
}
export interface OpaquePiece {
  kind: 'opaque';
  /** Source text of the run-time value, for messages. */
  text: string;
}
export type Piece = TextPiece | EnvPiece | OpaquePiece;

export interface UrlShape {
  pieces: Piece[];
  /** `new URL('/v1/…', base)`: the base's path is dropped, only its origin counts. */
  originOnly: boolean;
}

const MAX_SHAPES = 16;
const MAX_DEPTH = 12;

function product(left: UrlShape[], right: UrlShape[]): UrlShape[] {
  const out: UrlShape[] = [];
  for (const a of left) {
    for (const b of right) {
      out.push({ pieces: [...a.pieces, ...b.pieces], originOnly: a.originOnly || b.originOnly });
      if (out.length >= MAX_SHAPES) return out;
    }
  }
  return out;
}

const opaque = (text: string): UrlShape[] => [{ pieces: [{ kind: 'opaque', text }], originOnly: false }];

function isLiteralNode(node: ts.Node): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
}

/** Flattens an evaluated value into piece sequences. */
export function shapesOfValue(value: Value, depth = 0): UrlShape[] {
  if (depth > MAX_DEPTH) return opaque('…');
  switch (value.t) {
    case 'string':
      if (!isLiteralNode(value.origin.node)) return opaque(value.value);
      return [{ pieces: [{ kind: 'text', value: value.value, node: value.origin.node, unit: value.origin.unit }], originOnly: false }];
    case 'env':
      return [{ pieces: [{ kind: 'env', env: value }], originOnly: false }];
    case 'template':
    case 'concat': {
      let shapes: UrlShape[] = [{ pieces: [], originOnly: false }];
      for (const part of value.parts) shapes = product(shapes, shapesOfValue(part, depth + 1));
      return shapes;
    }
    case 'union':
      return value.options.flatMap((option) => shapesOfValue(option, depth + 1)).slice(0, MAX_SHAPES);
    default:
      return opaque('…');
  }
}

function isGlobal(expr: ts.Expression, name: string): boolean {
  return ts.isIdentifier(expr) && expr.text === name && !resolveName(expr);
}

/** `URL` as the global or imported from `node:url` / `url`. */
function isUrlClass(expr: ts.Expression): boolean {
  if (!ts.isIdentifier(expr) || expr.text !== 'URL') return false;
  const declaration = resolveName(expr);
  if (!declaration) return true;
  return declaration.kind === 'import' && (declaration.specifier === 'url' || declaration.specifier === 'node:url') && declaration.imported === 'URL';
}

/** The text a shape starts with, up to its first run-time piece. */
export function leadingText(shape: UrlShape): string {
  let text = '';
  for (const piece of shape.pieces) {
    if (piece.kind !== 'text') break;
    text += piece.value;
  }
  return text;
}

function isAbsoluteUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/**
 * `new URL(input, base)`: an absolute input ignores the base; a path from the root (`/v1/…`) keeps
 * only the base's origin; a relative path is appended to the base (as a concatenation would).
 */
function urlConstructor(evaluator: Evaluator, unit: Unit, node: ts.NewExpression, depth: number): UrlShape[] {
  const [input, base] = node.arguments ?? [];
  if (!input) return opaque(node.getText(unit.sf));
  const inputs = urlShapes(evaluator, unit, input, depth + 1);
  if (!base) return inputs;
  const bases = urlShapes(evaluator, unit, base, depth + 1);
  const out: UrlShape[] = [];
  for (const shape of inputs) {
    const lead = leadingText(shape);
    if (isAbsoluteUrl(lead)) out.push(shape);
    else if (lead.startsWith('/')) {
      // Only the base's origin survives: keep its first piece (which holds the origin) and no more.
      const origins = bases.map((b) => ({ pieces: b.pieces.slice(0, 1), originOnly: true }));
      out.push(...product(origins, [shape]));
    }
    else out.push(...product(bases, [shape]));
  }
  return out.slice(0, MAX_SHAPES);
}

/** The default of a destructured binding: `const { url = 'https://…' } = options`. */
function bindingDefault(id: ts.Identifier): ts.Expression | undefined {
  const declaration = resolveName(id);
  if (!declaration || (declaration.kind !== 'variable' && declaration.kind !== 'parameter')) return undefined;
  const element = declaration.name.parent;
  return ts.isBindingElement(element) && element.initializer ? element.initializer : undefined;
}

/** What URL an expression can be, piece by piece. */
export function urlShapes(evaluator: Evaluator, unit: Unit, expression: ts.Expression, depth = 0): UrlShape[] {
  if (depth > MAX_DEPTH) return opaque('…');
  const expr = skipOuter(expression);
  if (ts.isNewExpression(expr) && isUrlClass(expr.expression)) return urlConstructor(evaluator, unit, expr, depth);
  if (ts.isTemplateExpression(expr)) {
    let shapes: UrlShape[] = [{ pieces: expr.head.text ? [{ kind: 'text', value: expr.head.text, node: expr.head, unit }] : [], originOnly: false }];
    for (const span of expr.templateSpans) {
      shapes = product(shapes, urlShapes(evaluator, unit, span.expression, depth + 1));
      if (span.literal.text) shapes = product(shapes, [{ pieces: [{ kind: 'text', value: span.literal.text, node: span.literal, unit }], originOnly: false }]);
    }
    return shapes;
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return product(urlShapes(evaluator, unit, expr.left, depth + 1), urlShapes(evaluator, unit, expr.right, depth + 1));
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return [...urlShapes(evaluator, unit, expr.left, depth + 1), ...urlShapes(evaluator, unit, expr.right, depth + 1)].slice(0, MAX_SHAPES);
    }
  }
  if (ts.isConditionalExpression(expr)) {
    return [...urlShapes(evaluator, unit, expr.whenTrue, depth + 1), ...urlShapes(evaluator, unit, expr.whenFalse, depth + 1)].slice(0, MAX_SHAPES);
  }
  // url.href, url.toString(), String(url)
  if (ts.isPropertyAccessExpression(expr) && expr.name.text === 'href') return urlShapes(evaluator, unit, expr.expression, depth + 1);
  if (ts.isCallExpression(expr) && expr.arguments.length === 0 && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'toString') {
    return urlShapes(evaluator, unit, expr.expression.expression, depth + 1);
  }
  if (ts.isCallExpression(expr) && isGlobal(expr.expression, 'String') && expr.arguments.length === 1) return urlShapes(evaluator, unit, expr.arguments[0], depth + 1);
  if (ts.isIdentifier(expr)) {
    const declaration = resolveName(expr);
    // A local variable: follow its initializer syntactically, so `new URL(...)` in it is seen.
    if (declaration?.kind === 'variable' && declaration.path.length === 0 && declaration.node.initializer) {
      return urlShapes(evaluator, unit, declaration.node.initializer, depth + 1);
    }
    const fallback = bindingDefault(expr);
    const value = evaluator.evaluate(unit, expr);
    const shapes = value.t === 'unknown' ? opaque(expr.text) : shapesOfValue(value);
    return fallback ? [...shapes, ...urlShapes(evaluator, unit, fallback, depth + 1)].slice(0, MAX_SHAPES) : shapes;
  }
  const value = evaluator.evaluate(unit, expr);
  return value.t === 'unknown' ? opaque(expr.getText(unit.sf)) : shapesOfValue(value);
}

/**
 * A client's base joined with a request path (axios `baseURL`, got/ky `prefixUrl`): an absolute
 * path wins, anything else is appended.
 */
export function joinBase(bases: UrlShape[], paths: UrlShape[]): UrlShape[] {
  const out: UrlShape[] = [];
  for (const path of paths) {
    if (isAbsoluteUrl(leadingText(path))) out.push(path);
    else out.push(...product(bases, [path]));
  }
  return out.slice(0, MAX_SHAPES);
}

/** The display text of a shape: run-time pieces as `${…}`. */
export function shapeText(shape: UrlShape): string {
  return shape.pieces.map((p) => (p.kind === 'text' ? p.value : p.kind === 'env' ? `\${${p.env.name}}` : `\${${p.text}}`)).join('');
}

const OPENAI_ORIGIN = /^https?:\/\/([a-z0-9-]+\.)?api\.openai\.com(:\d+)?/i;

/** Where a request on OpenAI puts the host and the `/v1` prefix, for the rewrite. */
export interface OpenAiUrl {
  shape: UrlShape;
  /** The piece that starts with the OpenAI origin. */
  host: TextPiece;
  origin: string;
  /** The `/v1` prefix: right after the origin in the host piece, at the start of the next piece, or not visible. */
  v1: { where: 'host' } | { where: 'next'; piece: TextPiece; slash: boolean } | { where: 'dynamic' } | { where: 'other'; text: string };
  /** The API path after `/v1` (`/chat/completions`), with `*` for run-time parts; undefined when it starts at run time. */
  path: string | undefined;
}

/** The OpenAI origin at the start of a shape, if any. */
export function openAiUrl(shape: UrlShape): OpenAiUrl | undefined {
  const [first, ...rest] = shape.pieces;
  if (!first || first.kind !== 'text') return undefined;
  const match = OPENAI_ORIGIN.exec(first.value);
  if (!match) return undefined;
  const origin = match[0];
  // `new URL('/v1/…', base)` keeps only the base's origin.
  const after = shape.originOnly ? '' : first.value.slice(origin.length);
  const restText = (pieces: Piece[]) => pieces.map((p) => (p.kind === 'text' ? p.value : '*')).join('');
  const boundary = (text: string, at: number) => at >= text.length || text[at] === '/' || text[at] === '?';
  let v1: OpenAiUrl['v1'];
  let path: string | undefined;
  if (after.startsWith('/v1') && boundary(after, 3)) {
    v1 = { where: 'host' };
    path = after.slice(3) + restText(rest);
  } else if (after === '' || after === '/') {
    const next = rest[0];
    if (!next) {
      // A bare host: the path comes later (a client's base URL, a proxy target).
      v1 = { where: 'dynamic' };
      path = undefined;
    } else if (next.kind !== 'text') {
      v1 = { where: 'dynamic' };
      path = undefined;
    } else {
      // `base/` + `v1/…`, or a client base joined with `v1/…` (axios and got add the slash).
      const joined = next.value.startsWith('/') ? next.value : `/${next.value}`;
      if (joined.startsWith('/v1') && boundary(joined, 3)) {
        v1 = { where: 'next', piece: next, slash: !next.value.startsWith('/') };
        path = joined.slice(3) + restText(rest.slice(1));
      } else {
        v1 = { where: 'other', text: joined };
        path = joined + restText(rest.slice(1));
      }
    }
  } else {
    v1 = { where: 'other', text: after };
    path = after + restText(rest);
  }
  if (path !== undefined) {
    path = path.replace(/[?#].*$/, '').replace(/\/{2,}/g, '/');
    if (path && !path.startsWith('/') && !path.startsWith('*')) path = `/${path}`;
  }
  return { shape, host: first, origin, v1, path };
}

export interface FamilyRule {
  family: ApiFamily;
  ruleId: string;
  /** Stored chat completions (GET/POST /chat/completions/{id}) exist only at OpenAI. */
  stored?: boolean;
}

const PATH_RULES: Array<[RegExp, FamilyRule]> = [
  [/^\/chat\/completions\/?$/, { family: 'chat', ruleId: 'http/chatCompletion' }],
  [/^\/chat\/completions\//, { family: 'chat', ruleId: 'http/storedCompletion', stored: true }],
  [/^\/completions\/?$/, { family: 'completions', ruleId: 'http/legacyCompletion' }],
  [/^\/embeddings\/?$/, { family: 'embeddings', ruleId: 'http/embedding' }],
  [/^\/images\//, { family: 'images', ruleId: 'http/image' }],
  [/^\/audio\//, { family: 'audio', ruleId: 'http/audio' }],
  [/^\/moderations\/?$/, { family: 'moderations', ruleId: 'http/moderation' }],
  [/^\/models(\/|$)/, { family: 'models', ruleId: 'http/models' }],
  [/^\/(files|uploads)(\/|$)/, { family: 'files', ruleId: 'http/files' }],
  [/^\/batches(\/|$)/, { family: 'batches', ruleId: 'http/batches' }],
  [/^\/(fine_tuning|fine-tunes)(\/|$)/, { family: 'fine_tuning', ruleId: 'http/fineTuning' }],
  [/^\/vector_stores(\/|$)/, { family: 'vector_stores', ruleId: 'http/vectorStores' }],
  [/^\/(assistants|threads)(\/|$)/, { family: 'assistants', ruleId: 'http/assistants' }],
  [/^\/realtime(\/|$)/, { family: 'realtime', ruleId: 'http/realtime' }],
  [/^\/responses(\/|$)/, { family: 'responses', ruleId: 'http/responses' }],
  // Billing and usage (/dashboard/billing/…, /v1/organization/usage/…) are OpenAI's own, like the newer APIs.
  [/^\/(conversations|evals|containers|videos|organization|chatkit|skills|edits|dashboard|usage)(\/|$)/, { family: 'other', ruleId: 'http/openaiOnlyApi' }],
];

/** The API a path belongs to; undefined when the path is decided at run time or unknown. */
export function familyOfPath(path: string | undefined): FamilyRule | undefined {
  if (path === undefined) return undefined;
  for (const [pattern, rule] of PATH_RULES) if (pattern.test(path)) return rule;
  return undefined;
}

/** The provider's base URL split into origin and path (`https://open.bigmodel.cn`, `/api/paas/v4`). */
export function splitBase(baseURL: string): { origin: string; path: string } {
  try {
    const url = new URL(baseURL);
    return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
  } catch {
    return { origin: baseURL.replace(/\/+$/, ''), path: '' };
  }
}

/** Where a literal's text starts in the file, and its raw text (as written, escapes included). */
function literalContent(piece: TextPiece): { start: number; raw: string } {
  const { start, end } = nodeRange(piece.unit, piece.node);
  const closing = ts.isTemplateHead(piece.node) || ts.isTemplateMiddle(piece.node) ? 2 : 1;
  return { start: start + 1, raw: piece.unit.text.slice(start + 1, end - closing) };
}

export type UrlEditResult = { ok: true; edits: FileEdit[] } | { ok: false; reason: 'dynamicPath' | 'unexpectedPath' | 'escaped' | 'sharedPath'; detail?: string };

/**
 * The OpenAI origin is only the default of a value a caller or the environment may set
 * (`apiBaseUrl = 'https://api.openai.com'` in a parameter, `env.X || 'https://api.openai.com'`):
 * the `/v1` after it serves every value, so it cannot be dropped for the default's sake.
 */
function isOverridableDefault(node: ts.Node): boolean {
  const parent = node.parent;
  if ((ts.isBindingElement(parent) || ts.isParameter(parent)) && parent.initializer === node) return true;
  return ts.isBinaryExpression(parent) && parent.right === node && (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
}

/**
 * The minimal edits that move one OpenAI URL to the provider's base: the origin (and `/v1` when it
 * sits in the same literal) replaced in the literal that holds it; a `/v1` in the next literal
 * replaced by the provider's path when the provider's path does not end in `/v1`. The rest of the
 * path is kept. `stem` = the base without its trailing `/v1`, so `${host}/v1/…` needs one edit.
 */
export function urlEdits(url: OpenAiUrl, baseURL: string, forceOrigin = false): UrlEditResult {
  const base = splitBase(baseURL);
  const full = base.origin + base.path;
  const stem = base.path.endsWith('/v1') && !url.shape.originOnly && !forceOrigin ? base.origin + base.path.slice(0, -3) : undefined;
  const host = literalContent(url.host);
  if (!host.raw.startsWith(url.origin)) return { ok: false, reason: 'escaped' };
  const edit = (piece: TextPiece, start: number, end: number, text: string): FileEdit => ({ file: piece.unit.path, start, end, text });
  switch (url.v1.where) {
    case 'host': {
      if (!host.raw.startsWith(`${url.origin}/v1`)) return { ok: false, reason: 'escaped' };
      return { ok: true, edits: [edit(url.host, host.start, host.start + url.origin.length + 3, full)] };
    }
    case 'next': {
      if (stem) return { ok: true, edits: [edit(url.host, host.start, host.start + url.origin.length, stem)] };
      if (isOverridableDefault(url.host.node)) return { ok: false, reason: 'sharedPath' };
      const next = literalContent(url.v1.piece);
      const v1Length = url.v1.slash ? 2 : 3;
      if (!next.raw.startsWith(url.v1.slash ? 'v1' : '/v1')) return { ok: false, reason: 'escaped' };
      const edits = [edit(url.host, host.start, host.start + url.origin.length, base.origin)];
      const path = url.v1.slash ? base.path.replace(/^\//, '') : base.path;
      let end = next.start + v1Length;
      // `v1/` with nothing to put in its place: drop the slash too, so no `//` is left.
      if (!path && url.v1.slash && next.raw[2] === '/') end++;
      if (path !== (url.v1.slash ? 'v1' : '/v1')) edits.push(edit(url.v1.piece, next.start, end, path));
      return { ok: true, edits };
    }
    case 'dynamic':
      // The path (with its /v1) comes at run time: only a base ending in /v1 can take its place.
      if (base.path === '/v1') return { ok: true, edits: [edit(url.host, host.start, host.start + url.origin.length, base.origin)] };
      if (stem) return { ok: true, edits: [edit(url.host, host.start, host.start + url.origin.length, stem)] };
      return { ok: false, reason: 'dynamicPath' };
    case 'other':
      return { ok: false, reason: 'unexpectedPath', detail: url.v1.text };
  }
}
