/**
 * `apply --annotate`: one grep-able `// TODO(migrate): <rule> <what to do> <doc link>` line before
 * each statement that needs manual work — on its own line, never inside an expression, never twice
 * (a marker already above the statement is left as it is).
 */
import { ts } from '../analysis/ts.js';
import type { Unit } from '../analysis/unit.js';
import type { Workspace } from '../analysis/workspace.js';
import type { FileEdit, Finding } from '../core/types.js';

export const MARKER = 'TODO(migrate):';

/** Findings that leave work for a person after apply. */
export function needsAnnotation(finding: Finding): boolean {
  if (finding.kind === 'env' || finding.kind === 'import') return false;
  // A client kept on OpenAI is there for its calls, each marked where it is made.
  if (finding.decision === 'keep') return false;
  return finding.readiness === 'manual' || (finding.readiness === 'review' && finding.kind === 'call');
}

function innermost(unit: Unit, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(unit.sf) <= start && node.getEnd() >= end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  visit(unit.sf);
  return found;
}

/** The statement (or class member) that holds a node and stands in a statement list of its own. */
function owningStatement(node: ts.Node): ts.Node | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    const parent = current.parent;
    if (!parent) return undefined;
    if ((ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) && ts.isStatement(current)) {
      return current;
    }
    if (ts.isClassLike(parent) && ts.isClassElement(current)) return current;
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function annotationEdits(findings: Finding[], workspace: Workspace): FileEdit[] {
  const edits: FileEdit[] = [];
  const done = new Set<string>();
  for (const finding of findings.filter(needsAnnotation)) {
    const unit = workspace.units(finding.file).find((u) => finding.start >= u.offset && finding.start <= u.offset + u.sf.text.length);
    if (!unit) continue;
    const node = innermost(unit, finding.start - unit.offset, finding.end - unit.offset);
    const statement = node && owningStatement(node);
    if (!statement) continue;
    const text = unit.text;
    const statementStart = statement.getStart(unit.sf) + unit.offset;
    const lineStart = text.lastIndexOf('\n', statementStart - 1) + 1;
    const key = `${finding.file}:${lineStart}:${finding.ruleId}`;
    if (done.has(key)) continue;
    done.add(key);
    // Comment lines directly above the statement: a marker for this rule there means "already done".
    let scan = lineStart;
    let existing = false;
    while (scan > 0) {
      const previousStart = text.lastIndexOf('\n', scan - 2) + 1;
      const line = text.slice(previousStart, scan - 1).trim();
      if (!line.startsWith('//')) break;
      if (line.includes(`${MARKER} ${finding.ruleId}`)) existing = true;
      scan = previousStart;
    }
    if (existing) continue;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // A review finding's reason lists what to check; a manual one's action says what to do.
    const what = oneLine(finding.readiness === 'review' ? finding.reason : (finding.action ?? finding.reason));
    const marker = `${indent}// ${MARKER} ${finding.ruleId} ${what}${finding.docs ? ` ${finding.docs}` : ''}${eol}`;
    edits.push({ file: finding.file, start: lineStart, end: lineStart, text: marker });
  }
  return edits;
}
