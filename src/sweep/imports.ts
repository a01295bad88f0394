/**
 * Imports of the project's own modules that hand over an OpenAI client or model
 * (`import { openai } from '@/app/openai'`, `import { customModel } from '@/ai'`): where a file
 * starts to depend on OpenAI without naming the package. Found by evaluating each imported name.
 */
import { ts } from '../analysis/ts.js';
import { locationOf, type Unit } from '../analysis/unit.js';
import { skipOuter, type Evaluator, type Value } from '../analysis/values.js';
import type { Detection } from '../sdks/types.js';
import { t } from '../core/text.js';
import { OPENAI_PACKAGE } from './indicators.js';

export const CLIENT_IMPORT_RULE = 'sweep/clientImport';

/** Whether a value is an OpenAI client, provider or model (directly, or wrapped by the AI SDK). */
function reachesOpenAi(evaluator: Evaluator, value: Value, depth = 0): boolean {
  if (depth > 3) return false;
  if (value.t === 'union') return value.options.some((o) => reachesOpenAi(evaluator, o, depth + 1));
  // a vendored copy or the package's own source, bound as the package (Workspace.packageIdentity)
  if (value.t === 'module') return OPENAI_PACKAGE.test(value.specifier) && value.via !== 'type';
  if (value.t !== 'sdk') return false;
  if (OPENAI_PACKAGE.test(value.module.specifier)) return true;
  // wrapLanguageModel({ model: openai('gpt-4o') }), customProvider({ languageModels: { … } })
  if (value.module.specifier !== 'ai' || value.op !== 'call') return false;
  const call = value.origin.node;
  const argument = ts.isCallExpression(call) && call.arguments[0] ? skipOuter(call.arguments[0]) : undefined;
  if (!argument || !ts.isObjectLiteralExpression(argument)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) || ts.isIdentifier(node)) {
      if (reachesOpenAi(evaluator, evaluator.evaluate(value.origin.unit, node as ts.Expression), depth + 1)) found = true;
      if (ts.isIdentifier(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(argument, visit);
  return found;
}

/** The imports that bring values (not only types) from a module, with the workspace file each names. */
function valueImportStatements(unit: Unit, evaluator: Evaluator): Array<{ statement: ts.ImportDeclaration & { moduleSpecifier: ts.StringLiteral }; clause: ts.ImportClause; target: string }> {
  const out = [];
  for (const statement of unit.sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const target = evaluator.workspace.resolveModule(unit.path, statement.moduleSpecifier.text);
    if (target) out.push({ statement: statement as ts.ImportDeclaration & { moduleSpecifier: ts.StringLiteral }, clause, target });
  }
  return out;
}

/** The workspace files a unit imports values from: where an OpenAI client could come from. */
export function valueImports(unit: Unit, evaluator: Evaluator): string[] {
  return valueImportStatements(unit, evaluator).map((i) => i.target);
}

export function clientImports(unit: Unit, evaluator: Evaluator, explained: (line: number) => boolean, makesClients: (file: string) => boolean): Detection[] {
  const out: Detection[] = [];
  for (const { statement, clause, target } of valueImportStatements(unit, evaluator)) {
    // Only modules where a client or model was found (or a package's own source) can hand one over.
    if (!makesClients(target)) continue;
    const names: ts.Identifier[] = [];
    if (clause.name) names.push(clause.name);
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) if (!element.isTypeOnly) names.push(element.name);
    }
    const openai = names.filter((name) => reachesOpenAi(evaluator, evaluator.evaluate(unit, name)));
    if (!openai.length) continue;
    const location = locationOf(unit, statement);
    if (explained(location.line)) continue;
    const list = openai.map((n) => n.text).join(', ');
    const from = statement.moduleSpecifier.text;
    out.push({
      sdk: 'sweep',
      ruleId: CLIENT_IMPORT_RULE,
      kind: 'import',
      location,
      message: t(`imports ${list}, an OpenAI client or model made in ${from}`, `导入 ${list}（在 ${from} 中创建的 OpenAI 客户端或模型）`),
      reason: t('The file uses OpenAI through the project’s own module: it moves when that module’s client moves.', '此文件通过项目自己的模块使用 OpenAI：该模块的客户端迁移后，这里随之迁移。'),
      payload: { type: 'import', verdict: 'mention', specifier: from, typeOnly: false },
    });
  }
  return out;
}
