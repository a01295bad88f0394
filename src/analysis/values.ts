/**
 * A small abstract interpreter over the syntax tree: "what can this expression be?" It follows
 * identifiers to their declarations (across files through imports and exports), object literals to
 * their properties, `this.x` to class members, calls to the functions' return values, and typed
 * parameters to their type annotations. It never runs code and never needs node_modules.
 *
 * This is how banjia binds by import: a call is OpenAI's only when its receiver evaluates to a
 * value whose origin is an import or require of the SDK package.
 */
import { ts } from './ts.js';
import { enclosingClass, propertyNameText, resolveName, resolveTopLevel, type BindingPath, type Declaration } from './scope.js';
import type { Unit } from './unit.js';
import type { Workspace } from './workspace.js';

export interface Origin {
  unit: Unit;
  node: ts.Node;
}

/** Something bound to a package (not a relative module): `import X from 'pkg'`, `require('pkg').a`. */
export interface ModuleValue {
  t: 'module';
  specifier: string;
  /** Property path from the module object: default import → ['default'], namespace/require → []. */
  path: string[];
  via: 'import' | 'require' | 'dynamic' | 'type';
  origin: Origin;
}

/** What an SDK export produced: an instance (`new X()`), a call result (`X()`), or a typed value (`p: X`). */
export interface SdkValue {
  t: 'sdk';
  module: ModuleValue;
  op: 'new' | 'call' | 'typed' | 'extends';
  origin: Origin;
  /** Member path from the produced value; a call along the way is written `name()`. */
  path: string[];
}

export interface StringValue {
  t: 'string';
  value: string;
  origin: Origin;
}

/** A numeric literal (`max_tokens: MAX_ANSWER_TOKENS` from a config module): read by the cost estimate. */
export interface NumberValue {
  t: 'number';
  value: number;
  origin: Origin;
}

export interface EnvValue {
  t: 'env';
  name: string;
  /** The node that spells the variable's name (identifier or string literal). */
  nameNode: ts.Node;
  style: 'process.env' | 'import.meta.env' | 'Deno.env';
  origin: Origin;
}

export interface ObjectValue {
  t: 'object';
  node: ts.ObjectLiteralExpression;
  unit: Unit;
}

export interface FunctionValue {
  t: 'function';
  node: ts.SignatureDeclaration;
  unit: Unit;
}

export interface ClassValue {
  t: 'class';
  node: ts.ClassLikeDeclaration;
  unit: Unit;
}

/** A TypeScript enum: its members are the program's own names (`Providers.OPENAI`), not settings. */
export interface EnumValue {
  t: 'enum';
  node: ts.EnumDeclaration;
  unit: Unit;
}

export interface InstanceValue {
  t: 'instance';
  cls: ClassValue;
}

/** The namespace of a workspace module (`import * as m from './m'`, `require('./m')`). */
export interface NamespaceValue {
  t: 'namespace';
  file: string;
}

export interface TypeValue {
  t: 'type';
  node: ts.Node;
  unit: Unit;
}

export interface GlobalValue {
  t: 'global';
  name: 'process' | 'process.env' | 'import.meta' | 'import.meta.env' | 'Deno' | 'Deno.env';
}

export interface TemplateValue {
  t: 'template';
  origin: Origin;
  /** The literal text pieces with the substitutions' values, in order. */
  parts: Array<StringValue | Value>;
}

export interface ConcatValue {
  t: 'concat';
  origin: Origin;
  parts: Value[];
}

export interface UnionValue {
  t: 'union';
  options: Value[];
}

export interface UnknownValue {
  t: 'unknown';
}

/** A list literal; only `Evaluator.evaluateList` answers with one (see there). */
export interface ArrayValue {
  t: 'array';
  node: ts.ArrayLiteralExpression;
  unit: Unit;
}

export type Value =
  | ModuleValue
  | SdkValue
  | StringValue
  | NumberValue
  | EnvValue
  | ObjectValue
  | FunctionValue
  | ClassValue
  | EnumValue
  | InstanceValue
  | NamespaceValue
  | TypeValue
  | GlobalValue
  | TemplateValue
  | ConcatValue
  | UnionValue
  | ArrayValue
  | UnknownValue;

export const UNKNOWN: UnknownValue = { t: 'unknown' };
/** Assignments that give a variable a new value (`x = v`, `x ??= v`, `x ||= v`). */
const REASSIGNING = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken]);

const MAX_DEPTH = 80;
const STRING_KEEPERS = new Set(['trim', 'trimEnd', 'trimStart', 'replace', 'replaceAll', 'toString', 'valueOf', 'normalize']);
const DOTENV = /^(dotenv|dotenv-safe|dotenv-flow|@dotenvx\/dotenv)$/;
/**
 * Work allowed for one top-level question. Unions of spreads of unions can multiply paths; past this
 * budget the answer is "unknown", which every caller already handles, instead of a hang.
 */
const MAX_STEPS = 50_000;

/** One value from alternatives, flattening nested unions. */
export function union(values: Value[]): Value {
  const flat: Value[] = [];
  for (const value of values) {
    if (value.t === 'union') flat.push(...value.options);
    else flat.push(value);
  }
  if (flat.length === 0) return UNKNOWN;
  if (flat.length === 1) return flat[0];
  return { t: 'union', options: flat };
}

/** Unwraps expressions that do not change the value: parentheses, type assertions, `await`, `!`. */
export function skipOuter(expr: ts.Expression): ts.Expression {
  let current = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

function isRequireCall(node: ts.CallExpression): boolean {
  return ts.isIdentifier(node.expression) && node.expression.text === 'require' && !resolveName(node.expression);
}

function stringArgument(node: ts.CallExpression): string | undefined {
  const arg = node.arguments[0];
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind) : false;
}

export class Evaluator {
  // Weakly keyed, like every cache of nodes here: a cache must not keep a tree the workspace let go.
  private cache = new WeakMap<ts.Node, Value>();
  private readonly inProgress = new Set<ts.Node>();
  /** A module's exports by name, for as long as its tree is held (keyed by its units). */
  private exportCache = new WeakMap<Unit[], Map<string, Value>>();
  /** The caches of list mode (evaluateList), kept apart so that no other question sees a list value. */
  private listCaches = { nodes: new WeakMap<ts.Node, Value>(), exports: new WeakMap<Unit[], Map<string, Value>>() };
  private lists = false;
  private depth = 0;
  private steps = 0;
  /** Object members being looked up: `{ ...state }` whose spread is the object itself loops otherwise. */
  private readonly membersInProgress = new WeakMap<ts.Node, Set<string>>();
  private readonly mutationCache = new WeakMap<ts.Node, Map<string, ts.Expression[]>>();
  private readonly classAssignments = new WeakMap<ts.Node, Map<string, ts.Expression[]>>();
  private readonly nameAssignments = new WeakMap<ts.SourceFile, Map<string, Array<[ts.Identifier, ts.Expression]>>>();

  /** Packages whose own source, imported from the workspace, binds as the package (see Workspace.packageIdentity). */
  constructor(
    readonly workspace: Workspace,
    private readonly isKnownPackage: (name: string) => boolean = () => false,
  ) {}

  /**
   * Forgets the values found for nodes, between two files: a value holds the trees of the nodes it
   * names, so one file's answers would keep the modules it evaluated alive for as long as its own
   * tree is held (~20 MB on langchainjs). A module's exports stay known while its tree is held.
   */
  forgetNodeValues(): void {
    this.cache = new WeakMap();
    this.listCaches.nodes = new WeakMap();
  }

  /**
   * What an expression holds where a list literal counts too (`tools` named by a request, a const
   * list in this or another module). Every other question keeps seeing a list as unknown: a list
   * may grow after its literal (`push`), which only the caller can judge.
   */
  evaluateList(unit: Unit, expression: ts.Expression): Value {
    if (this.lists) return this.evaluate(unit, expression);
    const saved = { nodes: this.cache, exports: this.exportCache };
    this.cache = this.listCaches.nodes;
    this.exportCache = this.listCaches.exports;
    this.lists = true;
    try {
      return this.evaluate(unit, expression);
    } finally {
      this.lists = false;
      this.cache = saved.nodes;
      this.exportCache = saved.exports;
    }
  }

  unitOf(file: string, node?: ts.Node): Unit | undefined {
    const units = this.workspace.units(file);
    if (!node) return units[0];
    const sf = node.getSourceFile();
    return units.find((u) => u.sf === sf);
  }

  evaluate(unit: Unit, expression: ts.Expression): Value {
    const expr = skipOuter(expression);
    const cached = this.cache.get(expr);
    if (cached) return cached;
    if (this.inProgress.has(expr) || !this.enter()) return UNKNOWN;
    this.inProgress.add(expr);
    this.depth++;
    try {
      const value = this.compute(unit, expr);
      this.cache.set(expr, value);
      return value;
    } finally {
      this.depth--;
      this.inProgress.delete(expr);
    }
  }

  /** Counts one step of the current question; false when it is too deep or too long to answer. */
  private enter(): boolean {
    if (this.depth === 0) this.steps = 0;
    return this.depth <= MAX_DEPTH && ++this.steps <= MAX_STEPS;
  }

  private compute(unit: Unit, expr: ts.Expression): Value {
    const origin = { unit, node: expr };
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { t: 'string', value: expr.text, origin };
    if (ts.isNumericLiteral(expr)) return { t: 'number', value: Number(expr.text), origin };
    if (ts.isTemplateExpression(expr)) {
      const parts: TemplateValue['parts'] = [];
      if (expr.head.text) parts.push({ t: 'string', value: expr.head.text, origin: { unit, node: expr.head } });
      for (const span of expr.templateSpans) {
        parts.push(this.evaluate(unit, span.expression));
        if (span.literal.text) parts.push({ t: 'string', value: span.literal.text, origin: { unit, node: span.literal } });
      }
      return { t: 'template', origin, parts };
    }
    if (ts.isIdentifier(expr)) return this.identifier(unit, expr);
    if (ts.isPropertyAccessExpression(expr)) {
      if (ts.isMetaProperty(expr.expression) && expr.name.text === 'env') return { t: 'global', name: 'import.meta.env' };
      return this.member(this.evaluate(unit, expr.expression), expr.name.text, { unit, node: expr.name });
    }
    if (ts.isElementAccessExpression(expr)) {
      const key = skipOuter(expr.argumentExpression);
      if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) {
        return this.member(this.evaluate(unit, expr.expression), key.text, { unit, node: key });
      }
      return UNKNOWN;
    }
    if (ts.isCallExpression(expr)) return this.call(unit, expr);
    if (ts.isNewExpression(expr)) return this.construct(this.evaluate(unit, expr.expression), { unit, node: expr });
    if (ts.isConditionalExpression(expr)) return union([this.evaluate(unit, expr.whenTrue), this.evaluate(unit, expr.whenFalse)]);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) {
        return union([this.evaluate(unit, expr.left), this.evaluate(unit, expr.right)]);
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.CommaToken) {
        return this.evaluate(unit, expr.right);
      }
      if (op === ts.SyntaxKind.PlusToken) {
        return { t: 'concat', origin, parts: [this.evaluate(unit, expr.left), this.evaluate(unit, expr.right)] };
      }
      return UNKNOWN;
    }
    if (ts.isObjectLiteralExpression(expr)) return { t: 'object', node: expr, unit };
    if (this.lists && ts.isArrayLiteralExpression(expr)) return { t: 'array', node: expr, unit };
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) return { t: 'function', node: expr, unit };
    if (ts.isClassExpression(expr)) return { t: 'class', node: expr, unit };
    if (expr.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(expr);
      if (!cls) return UNKNOWN;
      const owner = this.isStaticContext(expr) ? { t: 'class' as const, node: cls, unit } : undefined;
      return owner ?? { t: 'instance', cls: { t: 'class', node: cls, unit } };
    }
    if (ts.isMetaProperty(expr)) return { t: 'global', name: 'import.meta' };
    return UNKNOWN;
  }

  private isStaticContext(node: ts.Node): boolean {
    for (let current: ts.Node | undefined = node.parent; current && !ts.isClassLike(current); current = current.parent) {
      if ((ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isClassStaticBlockDeclaration(current)) && (ts.isClassStaticBlockDeclaration(current) || hasModifier(current, ts.SyntaxKind.StaticKeyword))) {
        return true;
      }
    }
    return false;
  }

  private identifier(unit: Unit, id: ts.Identifier): Value {
    if (id.text === 'undefined') return UNKNOWN;
    const declaration = resolveName(id);
    if (declaration) return this.fromDeclaration(unit, declaration);
    if (id.text === 'process') return { t: 'global', name: 'process' };
    if (id.text === 'Deno') return { t: 'global', name: 'Deno' };
    return UNKNOWN;
  }

  private call(unit: Unit, node: ts.CallExpression): Value {
    const origin = { unit, node };
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequireCall(node)) {
      const specifier = stringArgument(node);
      if (specifier === undefined) return UNKNOWN;
      return this.moduleOrNamespace(unit, specifier, [], node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'dynamic' : 'require', origin);
    }
    const callee = skipOuter(node.expression);
    // `(env.X || 'https://api.openai.com').trim().replace(/\/$/, '')`: string methods that keep a
    // URL the URL it was; what the string can be is what its receiver can be.
    if (ts.isPropertyAccessExpression(callee) && STRING_KEEPERS.has(callee.name.text)) {
      const receiver = this.evaluate(unit, callee.expression);
      if (possibleStrings(receiver).strings.length || receiver.t === 'env') return receiver;
    }
    // Deno.env.get('NAME')
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'get') {
      const target = this.evaluate(unit, callee.expression);
      const name = stringArgument(node);
      if (target.t === 'global' && target.name === 'Deno.env' && name) {
        return { t: 'env', name, nameNode: node.arguments[0], style: 'Deno.env', origin };
      }
    }
    return this.callResult(this.evaluate(unit, callee), origin);
  }

  callResult(callee: Value, origin: Origin): Value {
    switch (callee.t) {
      case 'module':
        return { t: 'sdk', module: callee, op: 'call', origin, path: [] };
      case 'sdk': {
        const last = callee.path[callee.path.length - 1];
        return { ...callee, path: [...callee.path.slice(0, -1), `${last ?? ''}()`] };
      }
      case 'function':
        return this.returns(callee);
      case 'union':
        return union(callee.options.map((o) => this.callResult(o, origin)));
      default:
        return UNKNOWN;
    }
  }

  /** The union of what a function can return; `async` is transparent because `await` is. */
  returns(fn: FunctionValue): Value {
    const body = fn.node.kind === ts.SyntaxKind.ArrowFunction ? (fn.node as ts.ArrowFunction).body : (fn.node as ts.FunctionLikeDeclaration).body;
    if (!body) {
      const type = declaredReturnType(fn);
      return type ? this.fromType(fn.unit, type) : UNKNOWN;
    }
    if (!ts.isBlock(body)) return this.evaluate(fn.unit, body);
    const results: Value[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) results.push(this.evaluate(fn.unit, node.expression));
      ts.forEachChild(node, visit);
    };
    visit(body);
    const known = results.filter((r) => r.t !== 'unknown');
    if (known.length === 0) {
      const type = declaredReturnType(fn);
      if (type) return this.fromType(fn.unit, type);
    }
    return union(known.length ? known : results);
  }

  construct(callee: Value, origin: Origin): Value {
    switch (callee.t) {
      case 'module':
        return { t: 'sdk', module: callee, op: 'new', origin, path: [] };
      case 'class': {
        const base = this.superclass(callee);
        if (base && base.t === 'module') return { t: 'sdk', module: base, op: 'extends', origin, path: [] };
        return { t: 'instance', cls: callee };
      }
      case 'namespace':
        // `const Engine = require('./engine'); new Engine()`: the class `module.exports` holds.
        return this.guarded(() => this.construct(this.exportOf(callee.file, 'default'), origin));
      case 'union':
        return union(callee.options.map((o) => this.construct(o, origin)));
      default:
        return UNKNOWN;
    }
  }

  private superclass(cls: ClassValue): Value | undefined {
    for (const clause of cls.node.heritageClauses ?? []) {
      if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      const base = clause.types[0];
      if (!base) continue;
      const value = this.evaluate(cls.unit, base.expression);
      // `class A extends require('./base')`'s module: what `module.exports =` assigned.
      return value.t === 'namespace' ? this.exportOf(value.file, 'default') : value;
    }
    return undefined;
  }

  member(base: Value, name: string, origin: Origin): Value {
    // Cached values can point back at themselves (an object spreading the variable it is assigned
    // to), so member lookups count towards the same depth and budget as evaluation.
    return this.guarded(() => this.memberOf(base, name, origin));
  }

  private guarded(step: () => Value): Value {
    if (!this.enter()) return UNKNOWN;
    this.depth++;
    try {
      return step();
    } finally {
      this.depth--;
    }
  }

  private memberOf(base: Value, name: string, origin: Origin): Value {
    switch (base.t) {
      case 'module':
        return { ...base, path: [...base.path, name] };
      case 'sdk':
        // `dotenv.config().parsed`: the variables it loaded, read as `env.OPENAI_API_KEY`.
        if (name === 'parsed' && base.op === 'call' && base.path.length === 0 && DOTENV.test(base.module.specifier) && base.module.path[base.module.path.length - 1] === 'config') {
          return { t: 'global', name: 'process.env' };
        }
        // t3-env: `createEnv({ runtimeEnv: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } }).OPENAI_API_KEY`
        if (base.op === 'call' && base.path.length === 0 && /^@t3-oss\/env(-[\w-]+)?$/.test(base.module.specifier)) {
          const read = this.t3EnvMember(base, name);
          if (read.t !== 'unknown') return read;
        }
        return { ...base, path: [...base.path, name] };
      case 'global':
        if (base.name === 'process' && name === 'env') return { t: 'global', name: 'process.env' };
        if (base.name === 'import.meta' && name === 'env') return { t: 'global', name: 'import.meta.env' };
        if (base.name === 'Deno' && name === 'env') return { t: 'global', name: 'Deno.env' };
        if (base.name === 'process.env' || base.name === 'import.meta.env') {
          const parent = origin.node.parent;
          return { t: 'env', name, nameNode: origin.node, style: base.name, origin: { unit: origin.unit, node: parent ?? origin.node } };
        }
        return UNKNOWN;
      case 'object':
        return this.objectMember(base, name);
      case 'instance':
        return this.classMember(base.cls, name, false);
      case 'enum': {
        const member = base.node.members.find((m) => propertyNameText(m.name) === name);
        return member?.initializer ? this.evaluate(base.unit, member.initializer) : UNKNOWN;
      }
      case 'class':
        return this.classMember(base, name, true);
      case 'namespace':
        return this.exportOf(base.file, name);
      case 'type':
        return this.typeMember(base, name);
      case 'union':
        return union(base.options.map((o) => this.member(o, name, origin)));
      default:
        return UNKNOWN;
    }
  }

  private t3EnvMember(created: SdkValue, name: string): Value {
    const call = created.origin.node;
    const options = ts.isCallExpression(call) && call.arguments[0] ? this.evaluate(created.origin.unit, call.arguments[0]) : UNKNOWN;
    if (options.t !== 'object') return UNKNOWN;
    for (const key of ['runtimeEnv', 'experimental__runtimeEnv']) {
      const runtime = this.objectMember(options, key);
      const value = runtime.t === 'object' ? this.objectMember(runtime, name) : UNKNOWN;
      if (value.t !== 'unknown') return value;
    }
    return UNKNOWN;
  }

  /** The initializer node of a property in an object literal (last one wins, spreads searched). */
  objectMember(object: ObjectValue, name: string): Value {
    let names = this.membersInProgress.get(object.node);
    if (names?.has(name)) return UNKNOWN;
    if (!names) this.membersInProgress.set(object.node, (names = new Set()));
    names.add(name);
    try {
      return this.findObjectMember(object, name);
    } finally {
      names.delete(name);
    }
  }

  private findObjectMember(object: ObjectValue, name: string): Value {
    const literal = this.literalMember(object, name);
    const assigned = this.assignedMembers(object, name).filter((v) => v.t !== 'unknown');
    return assigned.length ? union([literal, ...assigned].filter((v) => v.t !== 'unknown')) : literal;
  }

  private literalMember(object: ObjectValue, name: string): Value {
    const properties = object.node.properties;
    // `{ baseURL: X, ...opts }` with `opts: ClientOptions`: the type only says opts may name it, so
    // the member is opts.baseURL or, where opts leaves it out, X.
    const maybe: Value[] = [];
    const found = (value: Value): Value => (maybe.length ? union([...maybe, value].filter((v) => v.t !== 'unknown')) : value);
    for (let i = properties.length - 1; i >= 0; i--) {
      const property = properties[i];
      if (ts.isSpreadAssignment(property)) {
        const fromSpread = this.member(this.evaluate(object.unit, property.expression), name, { unit: object.unit, node: property });
        if (fromSpread.t === 'sdk' && fromSpread.op === 'typed') maybe.push(fromSpread);
        else if (fromSpread.t !== 'unknown') return found(fromSpread);
        continue;
      }
      if (!property.name || propertyNameText(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return found(this.evaluate(object.unit, property.initializer));
      if (ts.isShorthandPropertyAssignment(property)) return found(this.evaluate(object.unit, property.name));
      if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) {
        const fn: FunctionValue = { t: 'function', node: property, unit: object.unit };
        return ts.isGetAccessorDeclaration(property) ? this.returns(fn) : fn;
      }
    }
    return maybe.length ? union(maybe) : UNKNOWN;
  }

  private classMember(cls: ClassValue, name: string, isStatic: boolean): Value {
    const found: Value[] = [];
    for (const member of cls.node.members) {
      const memberStatic = hasModifier(member, ts.SyntaxKind.StaticKeyword);
      if (memberStatic !== isStatic) continue;
      if (!member.name || propertyNameText(member.name) !== name) continue;
      if (ts.isPropertyDeclaration(member)) {
        if (member.initializer) found.push(this.evaluate(cls.unit, member.initializer));
        else {
          const declared = member.type ?? jsDocType(cls.unit, member);
          if (declared) found.push(this.fromType(cls.unit, declared));
        }
      } else if (ts.isMethodDeclaration(member)) {
        return { t: 'function', node: member, unit: cls.unit };
      } else if (ts.isGetAccessorDeclaration(member)) {
        return this.returns({ t: 'function', node: member, unit: cls.unit });
      }
    }
    if (!isStatic) {
      for (const member of cls.node.members) {
        if (!ts.isConstructorDeclaration(member)) continue;
        for (const parameter of member.parameters) {
          // constructor(private readonly client: OpenAI)
          if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length) {
            if (parameter.type) found.push(this.fromType(cls.unit, parameter.type));
            // constructor(private readonly baseUrl = 'http://localhost:11434'): the default is a value
            if (parameter.initializer) found.push(this.evaluate(cls.unit, parameter.initializer));
          }
        }
      }
      found.push(...this.thisAssignments(cls, name));
    }
    const known = found.filter((v) => v.t !== 'unknown');
    if (known.length) return union(known);
    const base = this.superclass(cls);
    if (!base || base.t !== 'class') return UNKNOWN;
    const inherited = this.guarded(() => this.classMember(base, name, isStatic));
    if (inherited.t !== 'unknown' || isStatic) return inherited;
    return this.guarded(() => this.throughSuper(cls, base, name));
  }

  /**
   * `class Base { constructor(client) { this._client = client } get client() { return this._client } }`
   * and `class Sub extends Base { constructor() { super(new OpenAI()) } }`: in Sub, `this.client` is
   * what Sub's super call passes (a destructured parameter takes the matching property). Base alone
   * cannot say, since every subclass passes its own.
   */
  private throughSuper(cls: ClassValue, base: ClassValue, name: string): Value {
    const superCall = superCallOf(cls.node);
    // The implementation, not an overload signature (which has no body).
    const baseConstructor = base.node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
    if (!superCall || !baseConstructor) return UNKNOWN;
    const found: Value[] = [];
    for (const expression of this.assignmentsOf(base.node).get(getterField(base.node, name) ?? name) ?? []) {
      const source = skipOuter(expression);
      const declaration = ts.isIdentifier(source) ? resolveName(source) : undefined;
      if (declaration?.kind !== 'parameter' || declaration.node.parent !== baseConstructor) continue;
      const index = baseConstructor.parameters.indexOf(declaration.node);
      // A spread at or before the position shifts the arguments: which one lands there is unknown.
      if (superCall.arguments.slice(0, index + 1).some(ts.isSpreadElement)) continue;
      const argument = superCall.arguments[index];
      if (!argument) continue;
      found.push(this.applyPath(cls.unit, this.evaluate(cls.unit, argument), declaration.path, argument));
    }
    const known = found.filter((v) => v.t !== 'unknown');
    return known.length ? union(known) : UNKNOWN;
  }

  /** `this.name = …` anywhere in the class's own methods and constructor. */
  private thisAssignments(cls: ClassValue, name: string): Value[] {
    return (this.assignmentsOf(cls.node).get(name) ?? []).map((expression) => {
      const value = this.evaluate(cls.unit, expression);
      if (value.t !== 'unknown') return value;
      // `/** @type {OpenAI} */ this.client = make();`: the JSDoc of the assignment's statement.
      const statement = expression.parent?.parent;
      const declared = statement && ts.isExpressionStatement(statement) ? jsDocType(cls.unit, statement) : undefined;
      return declared ? this.fromType(cls.unit, declared) : value;
    });
  }

  /** Every `this.x = …` of a class, by member name: one walk per class, not one per question. */
  private assignmentsOf(node: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
    let table = this.classAssignments.get(node);
    if (table) return table;
    table = new Map();
    const found = table;
    const visit = (child: ts.Node): void => {
      if (ts.isClassLike(child) && child !== node) return;
      if (ts.isFunctionDeclaration(child) || ts.isFunctionExpression(child)) return;
      if (
        ts.isBinaryExpression(child) &&
        child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(child.left) &&
        child.left.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        const list = found.get(child.left.name.text) ?? [];
        list.push(child.right);
        found.set(child.left.name.text, list);
      }
      ts.forEachChild(child, visit);
    };
    for (const member of node.members) visit(member);
    this.classAssignments.set(node, table);
    return table;
  }

  private typeMember(type: TypeValue, name: string): Value {
    const members = ts.isInterfaceDeclaration(type.node) || ts.isTypeLiteralNode(type.node) ? type.node.members : undefined;
    if (members) {
      for (const member of members) {
        if (member.name && propertyNameText(member.name) === name && ts.isPropertySignature(member) && member.type) {
          return this.fromType(type.unit, member.type);
        }
      }
    }
    if (ts.isInterfaceDeclaration(type.node)) {
      for (const clause of type.node.heritageClauses ?? []) {
        for (const base of clause.types) {
          const resolved = this.evaluateTypeName(type.unit, base.expression);
          const value = this.member(resolved, name, { unit: type.unit, node: base });
          if (value.t !== 'unknown') return value;
        }
      }
    }
    return UNKNOWN;
  }

  private evaluateTypeName(unit: Unit, name: ts.Node): Value {
    if (ts.isIdentifier(name)) {
      const declaration = resolveName(name);
      // `onChange?: onChange` resolves the type name to the parameter itself: guarded, it ends.
      return declaration ? this.guarded(() => this.fromDeclaration(unit, declaration, true)) : UNKNOWN;
    }
    if (ts.isQualifiedName(name) || ts.isPropertyAccessExpression(name)) {
      const left = ts.isQualifiedName(name) ? name.left : name.expression;
      const right = ts.isQualifiedName(name) ? name.right : name.name;
      return this.member(this.evaluateTypeName(unit, left), right.text, { unit, node: right });
    }
    return UNKNOWN;
  }

  /** The value a type annotation promises: an SDK class annotation gives a typed SDK value. */
  fromType(unit: Unit, type: ts.TypeNode): Value {
    if (ts.isTypeReferenceNode(type)) return typedBy(this.evaluateTypeName(unit, type.typeName), unit, type);
    // `import("openai").OpenAI`, the spelling of JSDoc types in JavaScript files.
    if (ts.isImportTypeNode(type) && !type.isTypeOf && ts.isLiteralTypeNode(type.argument) && ts.isStringLiteral(type.argument.literal)) {
      return typedBy(this.moduleOrNamespace(unit, type.argument.literal.text, entityPath(type.qualifier), 'type', { unit, node: type }), unit, type);
    }
    if (ts.isTypeLiteralNode(type)) return { t: 'type', node: type, unit };
    if (ts.isParenthesizedTypeNode(type)) return this.fromType(unit, type.type);
    // JSDoc's `T=` (optional), `?T` (nullable) and `!T` (non-null) are T for binding.
    if (ts.isJSDocOptionalType(type) || ts.isJSDocNullableType(type) || ts.isJSDocNonNullableType(type)) return this.fromType(unit, type.type);
    if (ts.isUnionTypeNode(type)) {
      return union(type.types.map((t) => this.fromType(unit, t)).filter((v) => v.t !== 'unknown'));
    }
    if (ts.isTypeQueryNode(type)) {
      const name = type.exprName;
      if (ts.isIdentifier(name)) return this.identifier(unit, name);
    }
    return UNKNOWN;
  }

  fromDeclaration(unit: Unit, declaration: Declaration, asType = false): Value {
    switch (declaration.kind) {
      case 'import': {
        const via = declaration.typeOnly ? 'type' : 'import';
        const path = declaration.imported === '*' ? [] : [declaration.imported];
        return this.moduleOrNamespace(unit, declaration.specifier, path, via, { unit, node: declaration.node });
      }
      case 'importEquals':
        return declaration.specifier
          ? this.moduleOrNamespace(unit, declaration.specifier, [], 'require', { unit, node: declaration.node })
          : UNKNOWN;
      case 'variable': {
        const { node } = declaration;
        let value: Value = UNKNOWN;
        // A destructured read's origin is its binding element: `{ OPENAI_API_KEY }` is what names the env var.
        const origin = declaration.path.length && ts.isBindingElement(declaration.name.parent) ? declaration.name.parent : node;
        if (node.initializer) value = this.applyPath(unit, this.evaluate(unit, node.initializer), declaration.path, origin);
        const reassigned = declaration.path.length === 0 ? this.reassignments(unit, node) : [];
        if (reassigned.length) value = union([value, ...reassigned].filter((v) => v.t !== 'unknown'));
        const declared = node.type ?? jsDocType(unit, node);
        if (value.t === 'unknown' && declared && declaration.path.length === 0) value = this.fromType(unit, declared);
        // A reassigned variable's declared type is one more thing it may hold (`let m: OpenAIModel; m = resolved as OpenAIModel`).
        else if (reassigned.length && declared) value = union([value, this.fromType(unit, declared)].filter((v) => v.t !== 'unknown'));
        return this.withBindingDefault(unit, value, declaration.name);
      }
      case 'parameter': {
        const { node } = declaration;
        let value: Value = UNKNOWN;
        const declared = node.type ?? jsDocType(unit, node);
        if (declared) value = this.applyPath(unit, this.fromType(unit, declared), declaration.path, node);
        if (value.t === 'unknown' && node.initializer) value = this.applyPath(unit, this.evaluate(unit, node.initializer), declaration.path, node);
        return this.withBindingDefault(unit, value, declaration.name);
      }
      case 'function':
        return { t: 'function', node: declaration.node, unit };
      case 'class':
        return { t: 'class', node: declaration.node, unit };
      case 'other':
        if (ts.isEnumDeclaration(declaration.node)) return { t: 'enum', node: declaration.node, unit };
        if (asType && (ts.isInterfaceDeclaration(declaration.node) || ts.isTypeAliasDeclaration(declaration.node))) {
          return this.typeDeclaration(unit, declaration.node);
        }
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * `const { apiBaseUrl = 'https://api.openai.com/v1' } = opts`: the default is what the name holds
   * whenever the option is not given, so it is one of the values (the one a migration must move).
   */
  private withBindingDefault(unit: Unit, value: Value, name: ts.Identifier): Value {
    const element = name.parent;
    if (!element || !ts.isBindingElement(element) || !element.initializer) return value;
    const fallback = this.evaluate(unit, element.initializer);
    if (fallback.t === 'unknown') return value;
    return union([value, fallback]);
  }

  /**
   * `let openai; if (azure) openai = new OpenAI({…}); else openai = new OpenAI()`: what a `let` or
   * `var` is assigned after its declaration (`=`, `??=`, `||=`), each a value it may hold.
   */
  private reassignments(unit: Unit, node: ts.VariableDeclaration): Value[] {
    if (!ts.isIdentifier(node.name) || !ts.isVariableDeclarationList(node.parent) || node.parent.flags & ts.NodeFlags.Const) return [];
    const candidates = this.assignmentsByName(node.getSourceFile()).get(node.name.text) ?? [];
    return candidates.filter(([target]) => resolveName(target)?.node === node).map(([, expression]) => this.evaluate(unit, expression));
  }

  /** Every `name = value` of a file by name, found in one walk (a file may declare many `let`s). */
  private assignmentsByName(sf: ts.SourceFile): Map<string, Array<[ts.Identifier, ts.Expression]>> {
    let table = this.nameAssignments.get(sf);
    if (table) return table;
    const found = new Map<string, Array<[ts.Identifier, ts.Expression]>>();
    const visit = (child: ts.Node): void => {
      if (ts.isBinaryExpression(child) && REASSIGNING.has(child.operatorToken.kind) && ts.isIdentifier(child.left)) {
        const list = found.get(child.left.text) ?? [];
        list.push([child.left, child.right]);
        found.set(child.left.text, list);
      }
      ts.forEachChild(child, visit);
    };
    visit(sf);
    table = found;
    this.nameAssignments.set(sf, table);
    return table;
  }

  /**
   * `let config = { apiKey }; if (url) config.baseURL = url;`: values assigned to a member of an
   * object literal's variable after it was made, anywhere in the variable's scope.
   */
  private assignedMembers(object: ObjectValue, name: string): Value[] {
    const declaration = object.node.parent;
    if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== object.node || !ts.isIdentifier(declaration.name)) return [];
    let table = this.mutationCache.get(declaration);
    if (!table) {
      table = new Map();
      this.mutationCache.set(declaration, table);
      const variable = declaration.name.text;
      const scope = declaration.parent?.parent?.parent ?? object.unit.sf;
      const found = table;
      const visit = (node: ts.Node): void => {
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          const left = node.left;
          const key = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
          const target = ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? left.expression : undefined;
          if (key && target && ts.isIdentifier(target) && target.text === variable && resolveName(target)?.node === declaration) {
            const list = found.get(key) ?? [];
            list.push(node.right);
            found.set(key, list);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(scope);
    }
    return (table.get(name) ?? []).map((expression) => this.evaluate(object.unit, expression));
  }

  private typeDeclaration(unit: Unit, node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): Value {
    if (ts.isInterfaceDeclaration(node)) return { t: 'type', node, unit };
    return this.fromType(unit, node.type);
  }

  private applyPath(unit: Unit, value: Value, path: BindingPath, node: ts.Node): Value {
    let current = value;
    for (const key of path) {
      if (key === '...' || key === '?') return key === '...' ? current : UNKNOWN;
      current = this.member(current, key, { unit, node });
    }
    return current;
  }

  private moduleOrNamespace(unit: Unit, specifier: string, path: string[], via: ModuleValue['via'], origin: Origin): Value {
    const file = this.workspace.resolveModule(unit.path, specifier);
    if (!file) return { t: 'module', specifier: this.workspace.packageOfBuiltEntry(unit.path, specifier, this.isKnownPackage) ?? specifier, path, via, origin };
    const identity = this.workspace.packageIdentity(file, this.isKnownPackage);
    if (identity) return { t: 'module', specifier: identity, path, via, origin };
    let value: Value = { t: 'namespace', file };
    for (const key of path) value = this.member(value, key, origin);
    return value;
  }

  /** What a workspace module exports under `name` ('default' for the default export). */
  exportOf(file: string, name: string): Value {
    const units = this.workspace.units(file);
    let exports = this.exportCache.get(units);
    if (!exports) this.exportCache.set(units, (exports = new Map()));
    const cached = exports.get(name);
    if (cached) return cached;
    exports.set(name, UNKNOWN); // cycle guard for `export *` loops
    const value = this.computeExport(units, name);
    exports.set(name, value);
    return value;
  }

  private computeExport(units: Unit[], name: string): Value {
    const results: Value[] = [];
    for (const unit of units) {
      for (const statement of unit.sf.statements) {
        const value = this.exportFromStatement(unit, statement, name);
        if (value && value.t !== 'unknown') return value;
        if (value) results.push(value);
      }
    }
    return union(results);
  }

  private exportFromStatement(unit: Unit, statement: ts.Statement, name: string): Value | undefined {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (exported) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
            return this.fromDeclaration(unit, { kind: 'variable', node: declaration, name: declaration.name, path: [] });
          }
        }
        return undefined;
      }
      const declName = (statement as ts.DeclarationStatement).name;
      const matches = isDefault ? name === 'default' : declName !== undefined && ts.isIdentifier(declName) && declName.text === name;
      if (!matches) return undefined;
      if (ts.isFunctionDeclaration(statement)) return { t: 'function', node: statement, unit };
      if (ts.isClassDeclaration(statement)) return { t: 'class', node: statement, unit };
      if (ts.isEnumDeclaration(statement)) return { t: 'enum', node: statement, unit };
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return this.typeDeclaration(unit, statement);
      return UNKNOWN;
    }
    if (ts.isExportAssignment(statement)) {
      const value = this.evaluate(unit, statement.expression);
      if (statement.isExportEquals) return name === 'default' ? value : this.member(value, name, { unit, node: statement });
      return name === 'default' ? value : undefined;
    }
    if (ts.isExportDeclaration(statement)) return this.exportDeclaration(unit, statement, name);
    if (ts.isExpressionStatement(statement)) return this.commonJsExport(unit, statement.expression, name);
    return undefined;
  }

  private exportDeclaration(unit: Unit, statement: ts.ExportDeclaration, name: string): Value | undefined {
    const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    const clause = statement.exportClause;
    const origin = { unit, node: statement };
    if (!clause) {
      // export * from './x'
      if (!specifier || name === 'default') return undefined;
      const value = this.moduleOrNamespace(unit, specifier, [name], 'import', origin);
      return value;
    }
    if (ts.isNamespaceExport(clause)) {
      return clause.name.text === name && specifier ? this.moduleOrNamespace(unit, specifier, [], 'import', origin) : undefined;
    }
    for (const element of clause.elements) {
      if (element.name.text !== name) continue;
      const local = (element.propertyName ?? element.name).text;
      if (specifier) return this.moduleOrNamespace(unit, specifier, [local], statement.isTypeOnly ? 'type' : 'import', origin);
      const declaration = resolveTopLevel(unit.sf, local);
      return declaration ? this.fromDeclaration(unit, declaration, true) : UNKNOWN;
    }
    return undefined;
  }

  /** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
  private commonJsExport(unit: Unit, expression: ts.Expression, name: string): Value | undefined {
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    const target = expression.left.getText(unit.sf);
    if (target === 'module.exports') {
      const value = this.evaluate(unit, expression.right);
      return name === 'default' ? value : this.member(value, name, { unit, node: expression });
    }
    if (target === `module.exports.${name}` || target === `exports.${name}`) return this.evaluate(unit, expression.right);
    return undefined;
  }
}

/** Flattens a value into the string literals, env reads and other parts it may consist of. */
export function possibleStrings(value: Value): { strings: StringValue[]; envs: EnvValue[]; others: Value[] } {
  const strings: StringValue[] = [];
  const envs: EnvValue[] = [];
  const others: Value[] = [];
  const visit = (v: Value): void => {
    if (v.t === 'string') strings.push(v);
    else if (v.t === 'env') envs.push(v);
    else if (v.t === 'union') v.options.forEach(visit);
    else others.push(v);
  };
  visit(value);
  return { strings, envs, others };
}

/**
 * The type a JavaScript file gives a declaration in JSDoc (`@param {import("openai").OpenAI} client`,
 * `@type {…}`): what the checker would read there. TypeScript files ignore JSDoc types, so do we.
 */
function jsDocType(unit: Unit, node: ts.Node): ts.TypeNode | undefined {
  if (!isJavaScript(unit)) return undefined;
  return ts.getJSDocType(node) ?? ts.getJSDocTypeTag(node)?.typeExpression?.type;
}

function isJavaScript(unit: Unit): boolean {
  return /\.[cm]?jsx?$/i.test(unit.path);
}

/** A function's declared return type: its annotation, or in JavaScript its JSDoc `@returns`. */
function declaredReturnType(fn: FunctionValue): ts.TypeNode | undefined {
  const node = fn.node as ts.SignatureDeclaration;
  return node.type ?? (isJavaScript(fn.unit) ? ts.getJSDocReturnType(node) : undefined);
}

/** `A.B.C` of a qualified type name, as a member path. */
function entityPath(name: ts.EntityName | undefined): string[] {
  if (!name) return [];
  return ts.isIdentifier(name) ? [name.text] : [...entityPath(name.left), name.right.text];
}

/**
 * The `super(…)` call of a class's own constructor (not one inside a nested function or class);
 * none when there are several (`if (a) super(x); else super(y)`: which one ran is not known).
 */
function superCallOf(node: ts.ClassLikeDeclaration): ts.CallExpression | undefined {
  const body = node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined)?.body;
  const found: ts.CallExpression[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) found.push(child);
    ts.forEachChild(child, visit);
  };
  if (body) ts.forEachChild(body, visit);
  return found.length === 1 ? found[0] : undefined;
}

/** `get client() { return this._client }`: the field a getter of that name reads, if that is all it does. */
function getterField(node: ts.ClassLikeDeclaration, name: string): string | undefined {
  for (const member of node.members) {
    if (!ts.isGetAccessorDeclaration(member) || !member.name || propertyNameText(member.name) !== name) continue;
    const [statement, ...rest] = member.body?.statements ?? [];
    if (rest.length || !statement || !ts.isReturnStatement(statement) || !statement.expression) return undefined;
    const read = skipOuter(statement.expression);
    if (ts.isPropertyAccessExpression(read) && read.expression.kind === ts.SyntaxKind.ThisKeyword) return read.name.text;
  }
  return undefined;
}

/** The value a type annotation's target promises: an SDK class gives a typed SDK value, a class an instance. */
function typedBy(target: Value, unit: Unit, node: ts.TypeNode): Value {
  switch (target.t) {
    case 'module':
      return { t: 'sdk', module: target, op: 'typed', origin: { unit, node }, path: [] };
    case 'class':
      return { t: 'instance', cls: target };
    case 'type':
      return target;
    default:
      return UNKNOWN;
  }
}
