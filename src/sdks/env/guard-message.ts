/**
 * A start-up guard names the variable it checks: `if (!process.env.OPENAI_API_KEY) throw new
 * Error('OPENAI_API_KEY is not set')`. When the read is renamed, the message must name the new
 * variable too, or the user is told to set a variable nothing reads.
 */
import { ts } from '../../analysis/ts.js';
import type { TextEdit } from '../../core/types.js';
import type { Unit } from '../../analysis/unit.js';

/** The guard statements that test this read: its own `if`, or the `if`s right after `const key = <read>`. */
function guardsOf(read: ts.Node): ts.IfStatement[] {
  let node: ts.Node = read;
  while (node.parent && !ts.isStatement(node)) node = node.parent;
  if (ts.isIfStatement(node)) return read.pos >= node.expression.pos && read.end <= node.expression.end ? [node] : [];
  if (!ts.isVariableStatement(node) || !ts.isBlock(node.parent) && !ts.isSourceFile(node.parent)) return [];
  const names = node.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : undefined)).filter((n): n is string => !!n);
  if (!names.length) return [];
  const siblings = node.parent.statements;
  const index = siblings.indexOf(node as ts.Statement);
  const testsName = (expression: ts.Expression): boolean => {
    let found = false;
    const visit = (child: ts.Node): void => {
      if (ts.isIdentifier(child) && names.includes(child.text)) found = true;
      else if (!found) ts.forEachChild(child, visit);
    };
    visit(expression);
    return found;
  };
  return siblings.slice(index + 1, index + 4).filter((s): s is ts.IfStatement => ts.isIfStatement(s) && testsName(s.expression));
}

/** Edits that rename `name` where a guard's message spells it (string and template text only). */
export function guardMessageEdits(unit: Unit, read: ts.Node, name: string, renamed: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const pattern = new RegExp(`\\b${name}\\b`, 'g');
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const start = node.getStart(unit.sf);
      for (const match of node.getText(unit.sf).matchAll(pattern)) edits.push({ start: start + match.index!, end: start + match.index! + name.length, text: renamed });
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const guard of guardsOf(read)) visit(guard.thenStatement);
  return edits;
}
