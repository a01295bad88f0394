/**
 * `migrate apply --verify`: once apply has written, the project's own TypeScript check before and
 * after it (`verify --typecheck`, typecheck-diff.ts). An apply that adds a type error is put back as
 * `migrate undo` does, byte for byte, and every new error is named with the edit nearest above it.
 */
import type { FilePlan } from '../core/types.js';
import { lineStarts } from '../core/text.js';
import { chosenEdits } from '../pipeline/plan.js';
import { typecheckDiff, type NewTsError } from './typecheck-diff.js';
import { undo } from './undo.js';

export interface VerifiedError extends NewTsError {
  /** The apply's edit nearest above the error in its file: the finding's message and its line. */
  edit?: string;
}

export interface ApplyVerification {
  /** The project's tsc that ran. */
  tsc: string;
  journal: string;
  /** Error counts before and after the apply. */
  before: number;
  after: number;
  newErrors: VerifiedError[];
  /** The files put back because the apply added type errors; absent when the apply was kept. */
  rolledBack?: string[];
}

/** Runs the check on the tree apply just wrote; rolls the apply back (undo) when it added an error. */
export function verifyApply(root: string, written: FilePlan[], includeReview: boolean): ApplyVerification {
  const diff = typecheckDiff(root);
  const newErrors = diff.newErrors.map((error) => {
    const plan = written.find((p) => p.path === error.file);
    const edit = plan && nearestEdit(plan, error.line, includeReview);
    return edit ? { ...error, edit } : error;
  });
  const verification: ApplyVerification = { tsc: diff.tsc, journal: diff.journal, before: diff.before, after: diff.after, newErrors };
  if (!newErrors.length) return verification;
  const { result } = undo({ path: root });
  return { ...verification, rolledBack: result?.restored ?? [] };
}

/**
 * The finding whose edit, in the written text, starts on the error's line or nearest above it. Edits
 * are mapped through the text they produced, since an earlier edit can add or remove lines.
 */
function nearestEdit(plan: FilePlan, line: number, includeReview: boolean): string | undefined {
  const edits = plan.findings
    .flatMap((finding) => chosenEdits(finding, includeReview).filter((e) => e.file === plan.path).map((edit) => ({ edit, finding })))
    .sort((a, b) => a.edit.start - b.edit.start);
  const starts = lineStarts(plan.after);
  const lineOf = (offset: number) => {
    let n = 0;
    while (n + 1 < starts.length && starts[n + 1] <= offset) n++;
    return n + 1;
  };
  let shift = 0;
  let best: { line: number; message: string } | undefined;
  for (const { edit, finding } of edits) {
    const at = lineOf(edit.start + shift);
    if (at <= line) best = { line: at, message: finding.message };
    shift += edit.text.length - (edit.end - edit.start);
  }
  return best && `line ${best.line}: ${best.message}`;
}
