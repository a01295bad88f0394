/**
 * A client handed to a class or a function (`new Summarizer(openai)` with
 * `constructor(private readonly client: OpenAI)`, or `summarize(openai, text)` with
 * `function summarize(client: OpenAI, …)`): inside, the call's client is only a type, so the call
 * cannot say which client it goes through. After every file, the places that construct the class
 * or call the function say it: when each of them passes the same client construction, the call is
 * that client's (its record decides whether it moves, and a split sends it through the new client
 * by editing the argument). When the places disagree or pass something unknown, the call stays
 * untraced and is held for a person.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName } from '../../analysis/scope.js';
import { structuralNodes, type Unit } from '../../analysis/unit.js';
import { skipOuter, type SdkValue } from '../../analysis/values.js';
import type { DetectContext } from '../types.js';
import type { ResourceRule } from './resources.js';
import type { OpenAiDetection } from './detect.js';
import { asOpenAiClient } from './binding.js';

/** Where a handed client reached the call: the argument of one construction or call site. */
export interface Handoff {
  unit: Unit;
  node: ts.Expression;
}

interface Pending {
  /** The class whose constructor, or the function, takes the client. */
  target: ts.ClassLikeDeclaration | ts.FunctionDeclaration;
  name: string;
  index: number;
  unit: Unit;
  call: ts.CallExpression;
  path: string[];
  method: string;
  rule: ResourceRule;
  detections: OpenAiDetection[];
}

type Redetect = (unit: Unit, call: ts.CallExpression, path: string[], method: string, rule: ResourceRule, client: SdkValue) => OpenAiDetection[];

const runs = new WeakMap<DetectContext, Pending[]>();

/** Notes a call whose client is only a type, when that client is a parameter of a class's constructor or of a named function. */
export function noteHanded(
  context: DetectContext,
  unit: Unit,
  call: ts.CallExpression,
  callee: ts.PropertyAccessExpression,
  path: string[],
  method: string,
  rule: ResourceRule,
  detections: OpenAiDetection[],
): void {
  let root: ts.Expression = skipOuter(callee.expression);
  while (ts.isPropertyAccessExpression(root) && root.expression.kind !== ts.SyntaxKind.ThisKeyword) root = skipOuter(root.expression);
  const parameter = parameterOf(root);
  if (!parameter) return;
  const owner = parameter.parent;
  if (!ts.isConstructorDeclaration(owner) && !ts.isFunctionDeclaration(owner)) return;
  const target = ts.isConstructorDeclaration(owner) ? owner.parent : owner;
  if (!target.name || !owner.body) return;
  const index = owner.parameters.indexOf(parameter);
  if (owner.parameters.slice(0, index + 1).some((p) => p.dotDotDotToken)) return;
  let pending = runs.get(context);
  if (!pending) runs.set(context, (pending = []));
  pending.push({ target, name: target.name.text, index, unit, call, path, method, rule, detections });
}

/**
 * The parameter a receiver stands for: `client` (a parameter of the enclosing function), or
 * `this.client` where the constructor declares `private client: OpenAI` or assigns `this.client = client`.
 */
function parameterOf(root: ts.Expression): ts.ParameterDeclaration | undefined {
  if (ts.isIdentifier(root)) {
    const declaration = resolveName(root);
    if (declaration?.kind !== 'parameter' || declaration.path.length || declaration.node.name !== declaration.name) return undefined;
    const owner = declaration.node.parent;
    // The client must be the function's own parameter, not one of an enclosing function.
    return enclosingFunction(root) === owner ? declaration.node : undefined;
  }
  if (!ts.isPropertyAccessExpression(root) || root.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const field = root.name.text;
  let cls: ts.Node | undefined = root.parent;
  while (cls && !ts.isClassLike(cls)) cls = ts.isFunctionDeclaration(cls) || ts.isFunctionExpression(cls) ? undefined : cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const constructor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
  if (!constructor) return undefined;
  // Assigned anywhere else, the field may hold another client: not traced.
  if (assignsField(cls, field, constructor)) return undefined;
  for (const parameter of constructor.parameters) {
    if (!ts.isIdentifier(parameter.name)) continue;
    if (parameter.name.text === field && ts.getModifiers(parameter)?.length) return parameter;
  }
  const assigned = fieldAssignments(constructor.body!, field);
  if (assigned.length !== 1) return undefined;
  const source = skipOuter(assigned[0]);
  const declaration = ts.isIdentifier(source) ? resolveName(source) : undefined;
  return declaration?.kind === 'parameter' && declaration.node.parent === constructor && !declaration.path.length ? declaration.node : undefined;
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

function fieldAssignments(body: ts.Node, field: string): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.left.name.text === field
    ) {
      found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** A field initialised in its declaration or assigned outside the constructor. */
function assignsField(cls: ts.ClassLikeDeclaration, field: string, constructor: ts.ConstructorDeclaration): boolean {
  for (const member of cls.members) {
    if (member === constructor) continue;
    if (ts.isPropertyDeclaration(member) && member.name && ts.isIdentifier(member.name) && member.name.text === field && member.initializer) return true;
    if (fieldAssignments(member, field).length) return true;
  }
  return false;
}

/**
 * After every file: the construction and call sites of each noted class or function. A call is
 * bound when every site passes the same client construction; its detections (the call and the
 * model ids feeding it) are then those of a traced call, with the sites' arguments as its handoffs.
 */
export function bindHanded(context: DetectContext, redetect: Redetect): void {
  const pending = runs.get(context);
  if (!pending?.length) return;
  runs.delete(context);
  const sites = siteArguments(context, pending);
  for (const entry of pending) {
    const found = sites.get(entry.target)?.map((args) => ({ ...args, argument: args.arguments[entry.index] }));
    if (!found?.length || found.some((s) => !s.argument || ts.isSpreadElement(s.argument))) continue;
    const clients = found.map((s) => asOpenAiClient(context.evaluator.evaluate(s.unit, s.argument!)));
    const first = clients[0];
    if (!first || (first.op !== 'new' && first.op !== 'call') || first.path.length) continue;
    if (clients.some((c) => !c || c.origin.node !== first.origin.node || c.path.length)) continue;
    const fresh = redetect(entry.unit, entry.call, entry.path, entry.method, entry.rule, first);
    const handoffs: Handoff[] = found.map((s) => ({ unit: s.unit, node: skipOuter(s.argument!) }));
    for (const detection of entry.detections) {
      const same = fresh.find((f) => f.ruleId === detection.ruleId && f.location.file === detection.location.file && f.location.start === detection.location.start);
      if (!same) continue;
      Object.assign(detection, same);
      if (detection.payload.type === 'call') (detection.payload as { handoffs?: Handoff[] }).handoffs = handoffs;
    }
  }
}

/** Every `new Target(…)` (or `target(…)`) of the workspace, by target, outside the target itself. */
function siteArguments(context: DetectContext, pending: Pending[]): Map<ts.Node, Array<{ unit: Unit; arguments: readonly ts.Expression[] }>> {
  const targets = new Map<ts.Node, string>(pending.map((p) => [p.target, p.name]));
  const names = new Set(targets.values());
  const definers = new Set(pending.map((p) => p.unit.path));
  const out = new Map<ts.Node, Array<{ unit: Unit; arguments: readonly ts.Expression[] }>>();
  // Subclassed, or used other than by calling it (handed on as a value, re-exported as default): sites not searched.
  const unsearched = new Set<string>();
  for (const file of context.workspace.parsedFilesUsing(names, definers)) {
    // A subclass constructs the class through `super(…)`, a site not searched here: not traced.
    const text = context.workspace.text(file) ?? '';
    for (const name of names) if (new RegExp(`\\bextends\\s+(?:\\w+\\.)?${name.replace(/[$]/g, '\\$&')}(?![\\w$])`).test(text)) unsearched.add(name);
    for (const unit of context.workspace.units(file)) {
      if (unit.syntaxErrors.length) continue;
      for (const name of escapingNames(unit.sf, names)) unsearched.add(name);
      for (const node of structuralNodes(unit)) {
        if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) continue;
        const callee = skipOuter(node.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (!name || !names.has(name)) continue;
        const value = context.evaluator.evaluate(unit, node.expression);
        const target = (value.t === 'class' && ts.isNewExpression(node)) || (value.t === 'function' && ts.isCallExpression(node)) ? value.node : undefined;
        if (!target || !targets.has(target)) continue;
        const list = out.get(target) ?? [];
        list.push({ unit, arguments: node.arguments ?? [] });
        out.set(target, list);
      }
    }
  }
  for (const [target, name] of targets) if (unsearched.has(name)) out.delete(target);
  return out;
}

/**
 * The names of `names` a file uses other than by calling or constructing them, importing,
 * exporting by name or as a type: `items.map(translate)`, `{ Summarizer }`, `export default
 * Summarizer`. Such a use may reach a call site this search does not see. Matching by name only
 * errs on the safe side: an unrelated use of the same name leaves the call untraced.
 */
function escapingNames(sf: ts.SourceFile, names: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text) && escapes(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function escapes(id: ts.Identifier): boolean {
  const parent = id.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === id) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent) || ts.isNamespaceImport(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) return false;
  // A declaration's own name (the class or function, a same-named member or property key).
  if ((ts.isClassLike(parent) || ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent)) && parent.name === id) return false;
  return true;
}
