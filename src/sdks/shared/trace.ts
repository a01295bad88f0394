/**
 * A second look at values the Evaluator leaves unknown, for SDK clients that apps build lazily or
 * hand around under an interface. Two shapes the Evaluator does not follow (it never tracks plain
 * assignments, and a typed parameter only carries its annotation):
 *
 * - `let api; async function getApi() { if (!api) api = new ChatGPTAPI({...}); return api; }` — a
 *   variable assigned inside a function (WeChat bots load ESM-only packages this way);
 * - `function review(options: ReviewOptions) { … options.model … }` where the same file that
 *   declares `ReviewOptions` has `function readOptions(): ReviewOptions { return { model: … } }`.
 *
 * Syntax only, bounded, and used only where `evaluate()` gave up. The Evaluator could absorb both
 * rules; until then the modules that need them call `traceValue`.
 */
import { ts } from '../../analysis/ts.js';
import { resolveName, type Declaration } from '../../analysis/scope.js';
import type { Unit } from '../../analysis/unit.js';
import { skipOuter, union, UNKNOWN, type Evaluator, type FunctionValue, type Value } from '../../analysis/values.js';

const MAX_DEPTH = 6;


/** Every value `expression` may hold: the Evaluator's answer, or a traced one where it has none. */
export function traceValue(evaluator: Evaluator, unit: Unit, expression: ts.Expression, depth = 0): Value {
  const direct = evaluator.evaluate(unit, expression);
  if (direct.t !== 'unknown' || depth > MAX_DEPTH) return direct;
  const expr = skipOuter(expression);
  if (ts.isIdentifier(expr)) return traceIdentifier(evaluator, unit, expr, depth);
  if (ts.isCallExpression(expr)) {
    const callee = evaluator.evaluate(unit, expr.expression);
    const fn = callee.t === 'function' ? callee : traceFunction(evaluator, unit, expr.expression);
    return fn ? traceReturns(evaluator, fn, depth + 1) : UNKNOWN;
  }
  if (ts.isPropertyAccessExpression(expr)) {
    const base = traceValue(evaluator, unit, expr.expression, depth + 1);
    const member = base.t !== 'unknown' ? evaluator.member(base, expr.name.text, { unit, node: expr.name }) : UNKNOWN;
    return member.t !== 'unknown' ? member : typedProducers(evaluator, unit, expr, depth + 1);
  }
  if (ts.isConditionalExpression(expr)) {
    return union([traceValue(evaluator, unit, expr.whenTrue, depth + 1), traceValue(evaluator, unit, expr.whenFalse, depth + 1)]);
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return union([traceValue(evaluator, unit, expr.left, depth + 1), traceValue(evaluator, unit, expr.right, depth + 1)]);
    }
  }
  return UNKNOWN;
}

function traceFunction(evaluator: Evaluator, unit: Unit, callee: ts.Expression): FunctionValue | undefined {
  const expr = skipOuter(callee);
  if (!ts.isIdentifier(expr)) return undefined;
  const declaration = resolveName(expr);
  if (declaration?.kind === 'function') return { t: 'function', node: declaration.node, unit };
  return undefined;
}

function traceReturns(evaluator: Evaluator, fn: FunctionValue, depth: number): Value {
  const node = fn.node as ts.FunctionLikeDeclaration;
  const body = node.body;
  if (!body) return UNKNOWN;
  if (!ts.isBlock(body)) return traceValue(evaluator, fn.unit, body, depth);
  const results: Value[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isReturnStatement(child) && child.expression) results.push(traceValue(evaluator, fn.unit, child.expression, depth));
    ts.forEachChild(child, visit);
  };
  visit(body);
  const known = results.filter((r) => r.t !== 'unknown');
  return union(known.length ? known : results);
}

const assignmentCache = new WeakMap<ts.Node, ts.Expression[]>();

/** Right-hand sides of `name = …` (and `??=`, `||=`) anywhere in the file, for the binding `declaration` introduces. */
function assignments(unit: Unit, declaration: Extract<Declaration, { kind: 'variable' }>): ts.Expression[] {
  const cached = assignmentCache.get(declaration.node);
  if (cached) return cached;
  const found: ts.Expression[] = [];
  const name = declaration.name.text;
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken) &&
      ts.isIdentifier(node.left) &&
      node.left.text === name
    ) {
      const target = resolveName(node.left);
      if (target?.kind === 'variable' && target.node === declaration.node) found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  assignmentCache.set(declaration.node, found);
  return found;
}

function traceIdentifier(evaluator: Evaluator, unit: Unit, id: ts.Identifier, depth: number): Value {
  const declaration = resolveName(id);
  if (declaration?.kind !== 'variable' || declaration.path.length !== 0) return UNKNOWN;
  const values: Value[] = [];
  if (declaration.node.initializer) values.push(traceValue(evaluator, unit, declaration.node.initializer, depth + 1));
  const isConst = (declaration.node.parent.flags & ts.NodeFlags.Const) !== 0;
  if (!isConst) for (const right of assignments(unit, declaration)) values.push(traceValue(evaluator, unit, right, depth + 1));
  const known = values.filter((v) => v.t !== 'unknown');
  return union(known);
}

/** The name of the interface or type alias a parameter's annotation names, with the file it is declared in. */
function annotatedType(evaluator: Evaluator, unit: Unit, parameter: ts.ParameterDeclaration): { name: string; unit: Unit } | undefined {
  const type = parameter.type;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const resolved = evaluator.fromType(unit, type);
  if (resolved.t !== 'type') return undefined;
  let node: ts.Node = resolved.node;
  if (ts.isTypeLiteralNode(node) && ts.isTypeAliasDeclaration(node.parent)) node = node.parent;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return { name: node.name.text, unit: resolved.unit };
  return undefined;
}

function returnsType(node: ts.SignatureDeclaration, name: string): boolean {
  let type = node.type;
  // async functions: Promise<Options>
  if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise' && type.typeArguments?.length === 1) {
    type = type.typeArguments[0];
  }
  return !!type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === name;
}

/**
 * `options.model` where `options: Options` is a parameter: the property of the object literals
 * returned by the functions of `Options`'s file that are declared to return an `Options`.
 */
function typedProducers(evaluator: Evaluator, unit: Unit, access: ts.PropertyAccessExpression, depth: number): Value {
  const base = skipOuter(access.expression);
  if (!ts.isIdentifier(base)) return UNKNOWN;
  const declaration = resolveName(base);
  if (declaration?.kind !== 'parameter' || declaration.path.length !== 0) return UNKNOWN;
  const type = annotatedType(evaluator, unit, declaration.node);
  if (!type) return UNKNOWN;
  const values: Value[] = [];
  for (const statement of type.unit.sf.statements) {
    const producers: ts.SignatureDeclaration[] = [];
    if (ts.isFunctionDeclaration(statement) && returnsType(statement, type.name)) producers.push(statement);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer && skipOuter(d.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && returnsType(init, type.name)) producers.push(init);
      }
    }
    for (const producer of producers) {
      const returned = traceReturns(evaluator, { t: 'function', node: producer, unit: type.unit }, depth);
      for (const option of returned.t === 'union' ? returned.options : [returned]) {
        if (option.t === 'object') values.push(evaluator.objectMember(option, access.name.text));
      }
    }
  }
  return union(values.filter((v) => v.t !== 'unknown'));
}

/** The alternatives of a value (a union's options, or the value itself). */
export function alternatives(value: Value): Value[] {
  return value.t === 'union' ? value.options.flatMap(alternatives) : [value];
}
