/**
 * Uses of what an OpenAI package exports that no SDK module binds: a wrapper's plugin or agent
 * (`openAI()` from genkitx-openai, `new OpenAIAgent()` from llamaindex, dexter's `new ChatModel()`),
 * an SDK helper (`AssistantStream.fromReadableStream` from openai/lib), a model handle passed as a
 * value (`model: gpt4o`). Each is a call into OpenAI the modules did not explain.
 */
import { ts } from '../analysis/ts.js';
import { resolveName } from '../analysis/scope.js';
import { locationOf, type Unit } from '../analysis/unit.js';
import { skipOuter, type Evaluator, type Value } from '../analysis/values.js';
import type { Detection } from '../sdks/types.js';
import { t } from '../core/text.js';
import { OPENAI_PACKAGE } from './indicators.js';
import { isTestFile } from './detect.js';

function packageOf(value: Value): string | undefined {
  // `let engine = new A(); if (x) engine = new B()`: any option from the package is a use of it.
  // Only when every option it may hold comes from the package (a declared type, `let models:
  // OpenAI.Model[]`, is not a use; a value that is sometimes a response's is not either), and none
  // is what a call returned (`response.data.map` on either of two `images.generate()` results).
  if (value.t === 'union') {
    if (value.options.some((o) => o.t === 'sdk' && o.path.some((segment) => segment.endsWith('()')))) return undefined;
    const packages = value.options.filter((o) => !(o.t === 'sdk' && o.op === 'typed')).map(packageOf);
    return packages.length && packages.every((pkg) => pkg !== undefined) ? packages[0] : undefined;
  }
  if (value.t === 'module' && value.via !== 'type') return OPENAI_PACKAGE.test(value.specifier) ? value.specifier : undefined;
  if (value.t === 'sdk' && isResponseMethod(value.path)) return undefined;
  if (value.t === 'sdk' && value.module.via !== 'type') return OPENAI_PACKAGE.test(value.module.specifier) ? value.module.specifier : undefined;
  return undefined;
}

/** Methods of plain data: arrays, strings, promises, objects, fetch's Response and its body. */
const DATA_METHODS = new Set(['map', 'filter', 'forEach', 'reduce', 'find', 'findIndex', 'some', 'every', 'slice', 'join', 'includes', 'indexOf', 'flatMap', 'flat', 'at', 'concat', 'sort', 'keys', 'values', 'entries', 'arrayBuffer', 'json', 'text', 'blob', 'formData', 'bytes', 'getReader', 'pipeTo', 'pipeThrough', 'tee', 'then', 'catch', 'finally', 'toString', 'valueOf', 'toJSON', 'trim', 'split', 'replace', 'toLowerCase', 'toUpperCase', 'startsWith', 'endsWith']);

/**
 * `response.data.map(…)`, `(await speech.create()).arrayBuffer()`: a data method on what an SDK
 * call returned works on the response the app already has; it is not a call into the package.
 */
function isResponseMethod(path: string[]): boolean {
  const lastCall = path.map((segment) => segment.endsWith('()')).lastIndexOf(true);
  return lastCall >= 0 && lastCall < path.length - 1 && DATA_METHODS.has(path[path.length - 1]);
}

/** An identifier used as a value where a model or option goes (`model: gpt4o`, `[gpt4o]`, `f(gpt4o)`). */
function isValuePosition(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === id;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isArrayLiteralExpression(parent)) return true;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return (parent.arguments ?? []).some((a) => a === id);
  if (ts.isVariableDeclaration(parent)) return parent.initializer === id;
  return false;
}

export function packageUses(unit: Unit, evaluator: Evaluator, explained: (line: number) => boolean): Detection[] {
  const out: Detection[] = [];
  // In a test or a mock the package is exercised, not used by the app: text to update, not a call site.
  const inTest = isTestFile(unit.path);
  const add = (node: ts.Node, what: string, pkg: string, kind: 'call' | 'value') => {
    const location = locationOf(unit, node);
    if (explained(location.line) || out.some((d) => d.location.line === location.line)) return;
    out.push({
      sdk: 'sweep',
      ruleId: kind === 'call' ? 'sweep/packageCall' : 'sweep/packageValue',
      kind: inTest ? 'mention' : 'call',
      location,
      message: inTest
        ? t(`a test exercises ${what} from '${pkg}'`, `测试中使用 '${pkg}' 的 ${what}`)
        : kind === 'call'
          ? t(`uses ${what} from '${pkg}'`, `使用 '${pkg}' 的 ${what}`)
          : t(`passes ${what} from '${pkg}'`, `传入 '${pkg}' 的 ${what}`),
      reason: t(`'${pkg}' talks to OpenAI; banjia knows no rewrite for this use, so it is yours to move.`, `'${pkg}' 会访问 OpenAI；banjia 没有针对此用法的改写，需要手动迁移。`),
      payload: { type: 'call', verdict: inTest ? 'mention' : 'usage', path: what },
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.expression.kind !== ts.SyntaxKind.ImportKeyword) {
      const callee = skipOuter(node.expression);
      if (!(ts.isIdentifier(callee) && callee.text === 'require')) {
        const pkg = packageOf(evaluator.evaluate(unit, callee));
        if (pkg) add(node, `${ts.isNewExpression(node) ? 'new ' : ''}${callee.getText(unit.sf).replace(/\s+/g, '')}`, pkg, 'call');
      }
    } else if (ts.isIdentifier(node) && isValuePosition(node)) {
      const declaration = resolveName(node);
      if (declaration?.kind === 'import' && !declaration.typeOnly && OPENAI_PACKAGE.test(declaration.specifier)) add(node, node.text, declaration.specifier, 'value');
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return out;
}
