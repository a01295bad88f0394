/**
 * plan: for one target provider (or none, for a provider-neutral scan), every detection becomes a
 * finding with its fix, and the fixes chosen for writing become FilePlans: before/after texts made
 * by one pure applyEdits on the original text. A file whose edits conflict, or whose result would
 * not parse, is reported as errored and left out: never half-rewritten.
 */
import { parseAllDocuments } from 'yaml';
import { jsonSyntaxErrors, syntaxErrors } from '../analysis/unit.js';
import { fileKind } from './discover.js';
import { ignoredByComment } from './ignore.js';
import { annotationEdits, needsAnnotation } from './annotate.js';
import { scriptBlocks, isComponentFile } from '../analysis/sfc.js';
import type { Finding, FileEdit, FileOutcome, FilePlan, Readiness } from '../core/types.js';
import { applyEdits, EditConflictError } from '../edits/apply-edits.js';
import { detectStyle, type TextStyle } from '../edits/style.js';
import { toFinding, type PlanContext, type Target } from '../sdks/types.js';
import { vectorColumnsIn, type VectorColumn } from './vector-columns.js';
import { assertNotConcluded, type DetectResult } from './detect.js';
import { isExampleEnvFile } from '../sdks/env/detect.js';
import { clientRecords, enforceDecisions, holdUntraced, type Pair } from './clients.js';
import { enforceKeyPlan, keyPlan } from './key-plan.js';
import { variableReader } from './reads-variable.js';

export interface PlanOptions {
  /** Apply review-level fixes and suggestions too. */
  includeReview: boolean;
  /** Let apply write real secret env files. */
  includeEnvFiles?: boolean;
  /** Add a TODO(migrate) line before each statement that needs manual work. */
  annotate?: boolean;
  /** Files that may declare vector columns (schemas, code), searched once a re-index finding asks. */
  vectorFiles?: string[];
}

export interface PlanResult {
  target: Target | undefined;
  findings: Finding[];
  filePlans: FilePlan[];
  /** Files that would change but cannot (conflicting edits, broken result). */
  errored: FileOutcome[];
  /** The key variables of clients that do not move (kept, split, routed): check's leftover-key rule. */
  keysOfStayingClients: string[];
}

const READINESS_ORDER: Record<Readiness, number> = { manual: 0, review: 1, auto: 2, info: 3 };

/** What cannot move comes first, then what needs review; within a group, by file and position. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      READINESS_ORDER[a.readiness] - READINESS_ORDER[b.readiness] ||
      a.file.localeCompare(b.file) ||
      a.start - b.start ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** The quote most of the project's parsed code files use. */
function projectQuote(detected: DetectResult): TextStyle['quote'] {
  let single = 0;
  let double = 0;
  for (const file of detected.workspace.parsedFiles()) {
    const style = detectStyle(detected.workspace.text(file) ?? '');
    if (style.quoteGuessed) continue;
    if (style.quote === "'") single++;
    else double++;
  }
  return single > double ? "'" : '"';
}

function planContext(detected: DetectResult, target: Target | undefined, includeEnvFiles: boolean, vectorFiles: string[] = []): PlanContext {
  const styles = new Map<string, TextStyle>();
  let quote: TextStyle['quote'] | undefined;
  let columns: VectorColumn[] | undefined;
  return {
    target,
    includeEnvFiles,
    workspace: detected.workspace,
    vectorColumns: () => (columns ??= vectorFiles.flatMap((file) => vectorColumnsIn(file, detected.workspace.text(file) ?? ''))),
    style(file) {
      let style = styles.get(file);
      if (!style) {
        style = detectStyle(detected.workspace.text(file) ?? '');
        // A file without a single quote character follows the rest of the project's code.
        if (style.quoteGuessed) style = { ...style, quote: (quote ??= projectQuote(detected)) };
        styles.set(file, style);
      }
      return style;
    },
  };
}

/**
 * Every detection planned. A line under `migrate-ignore-next-line` is not reported, but it still
 * counts for its client: an ignored call is one that stays as it is, so its client cannot move whole.
 */
function planPairs(detected: DetectResult, context: PlanContext): Pair[] {
  return detected.detections.map(({ sdk, detection }) => {
    const ignored = ignoredByComment(detected.workspace.text(detection.location.file) ?? '', detection.location.line);
    const finding = toFinding(detection, sdk.plan(detection, context));
    if (ignored) {
      finding.readiness = 'manual';
      delete finding.fix;
      delete finding.suggestions;
    }
    return { sdk, detection, finding, ignored };
  });
}

const reported = (pairs: Pair[]) => pairs.filter((p) => !p.ignored).map((p) => p.finding);

export function planFindings(detected: DetectResult, target: Target | undefined, includeEnvFiles = false): Finding[] {
  assertNotConcluded(detected);
  return sortFindings(reported(planPairs(detected, planContext(detected, target, includeEnvFiles))));
}

/**
 * Findings for a target, decided per client (pipeline/clients.ts), with env files written only for
 * the variables the code reads once the chosen edits are made.
 */
function planCoherent(detected: DetectResult, target: Target, options: PlanOptions): { findings: Finding[]; keysOfStayingClients: string[] } {
  const context = planContext(detected, target, options.includeEnvFiles === true, options.vectorFiles);
  const pairs = planPairs(detected, context);
  const records = clientRecords(pairs);
  enforceDecisions(records, target, context);
  holdUntraced(pairs, records);
  enforceKeyPlan(pairs, keyPlan(records, pairs, target));
  // Comments name variables without reading them.
  const finalCode = [...codeAfterEdits(detected, reported(pairs), options.includeReview).values()].map((text) =>
    text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''),
  );
  context.readsVariable = variableReader(finalCode);
  for (const pair of pairs) {
    const type = (pair.detection.payload as { type?: string }).type;
    if (pair.detection.sdk === 'env' && (type === 'envLine' || type === 'composeEntry')) pair.finding = toFinding(pair.detection, pair.sdk.plan(pair.detection, context));
  }
  const staying = pairs.filter((p) => !p.ignored && p.detection.client?.role === 'client' && p.finding.decision !== 'move' && p.finding.decision !== 'configurable');
  return { findings: sortFindings(reported(pairs)), keysOfStayingClients: [...new Set(staying.flatMap((p) => p.detection.client!.keyEnvs ?? []))] };
}

/** Every code file's text once the edits apply would choose are made (unchanged files as they are). */
function codeAfterEdits(detected: DetectResult, findings: Finding[], includeReview: boolean): Map<string, string> {
  const byFile = new Map<string, FileEdit[]>();
  for (const finding of findings) {
    for (const edit of chosenEdits(finding, includeReview)) {
      if (fileKind(edit.file) !== 'code') continue;
      const list = byFile.get(edit.file) ?? [];
      list.push(edit);
      byFile.set(edit.file, list);
    }
  }
  const texts = new Map<string, string>();
  for (const file of detected.files) {
    if (fileKind(file) !== 'code') continue;
    const before = detected.workspace.text(file) ?? '';
    const edits = byFile.get(file);
    try {
      texts.set(file, edits ? applyEdits(before, edits) : before);
    } catch {
      texts.set(file, before);
    }
  }
  return texts;
}

/** The edits apply makes for a finding: its safe fix, and its review edits with --include-review. */
export function chosenEdits(finding: Finding, includeReview: boolean): FileEdit[] {
  const edits: FileEdit[] = [];
  if (finding.fix && (finding.fix.safety === 'safe' || includeReview)) edits.push(...finding.fix.edits);
  if (includeReview) for (const suggestion of finding.suggestions ?? []) edits.push(...suggestion.edits);
  return edits;
}

/** The rewrite's new syntax errors; the original's come from the units the scan already parsed. */
function stillParses(file: string, before: string, after: string, parsedBefore: Array<{ syntaxErrors: string[] }>): string | undefined {
  const kind = fileKind(file);
  if (kind === 'env') return undefined;
  if (kind === 'compose') return addedError(yamlErrors(before), yamlErrors(after));
  if (kind === 'config') return settingsErrorAdded(file, before, after);
  const errorsBefore = parsedBefore.reduce((n, unit) => n + unit.syntaxErrors.length, 0);
  const afterTexts = isComponentFile(file) ? scriptBlocks(after).map((b) => b.text) : [after];
  const errorsAfter = afterTexts.flatMap((text) => syntaxErrors(file, text));
  return errorsAfter.length > errorsBefore ? errorsAfter[0] : undefined;
}

/**
 * A settings file is checked in its own syntax: YAML by the yaml parser (every document of it),
 * JSON (with comments and trailing commas, as tsconfig-style files have) by TypeScript's JSON
 * parser, and a `.json` file that was strict JSON must stay strict JSON. TOML and INI have no
 * parser here; their edits replace the text of a quoted value only. Parsing them as code, as
 * before, refused every edited JSON and YAML file of a real repository as "would not parse".
 */
function settingsErrorAdded(file: string, before: string, after: string): string | undefined {
  if (/\.ya?ml$/i.test(file)) return addedError(yamlErrors(before), yamlErrors(after));
  if (!/\.json[c5]?$/i.test(file)) return undefined;
  const strict = /\.json$/i.test(file) ? strictJsonError(before) === undefined : false;
  const added = addedError(jsonSyntaxErrors(file, before), jsonSyntaxErrors(file, after));
  return added ?? (strict ? strictJsonError(after) : undefined);
}

/** The first error of the edited text when it has more than the original (an old error is not the edit's). */
function addedError(before: string[], after: string[]): string | undefined {
  return after.length > before.length ? after[0] : undefined;
}

function yamlErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((document) => ('errors' in document ? document.errors.map((e) => e.message) : []));
}

function strictJsonError(text: string): string | undefined {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export function planFiles(detected: DetectResult, findings: Finding[], options: PlanOptions): { filePlans: FilePlan[]; errored: FileOutcome[] } {
  const byFile = new Map<string, { edits: FileEdit[]; findings: Set<Finding> }>();
  const annotations = options.annotate ? annotationEdits(findings, detected.workspace) : [];
  for (const finding of findings) {
    const own = chosenEdits(finding, options.includeReview);
    const markers = annotations.filter((a) => a.file === finding.file && needsAnnotation(finding));
    for (const edit of [...own, ...markers]) {
      // Real env files hold secrets: only --include-env-files lets any edit (safe or review) touch them.
      if (!options.includeEnvFiles && fileKind(edit.file) === 'env' && !isExampleEnvFile(edit.file)) continue;
      let entry = byFile.get(edit.file);
      if (!entry) {
        entry = { edits: [], findings: new Set() };
        byFile.set(edit.file, entry);
      }
      entry.edits.push(edit);
      entry.findings.add(finding);
    }
  }
  const filePlans: FilePlan[] = [];
  const errored: FileOutcome[] = [];
  for (const [file, entry] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const before = detected.workspace.text(file);
    if (before === undefined) {
      errored.push({ file, status: 'errored', reason: 'file could not be read' });
      continue;
    }
    let after: string;
    try {
      after = applyEdits(before, entry.edits);
    } catch (error) {
      if (!(error instanceof EditConflictError)) throw error;
      errored.push({ file, status: 'errored', reason: `conflicting edits (${error.message}); file left unchanged` });
      continue;
    }
    if (after === before) continue;
    const broken = stillParses(file, before, after, fileKind(file) === 'code' ? detected.workspace.units(file) : []);
    if (broken) {
      errored.push({ file, status: 'errored', reason: `the rewrite would not parse (${broken}); file left unchanged` });
      continue;
    }
    filePlans.push({ path: file, absPath: detected.workspace.absolute(file), before, after, findings: [...entry.findings] });
  }
  return { filePlans, errored };
}

export function plan(detected: DetectResult, target: Target | undefined, options: PlanOptions): PlanResult {
  assertNotConcluded(detected);
  const { findings, keysOfStayingClients } = target
    ? planCoherent(detected, target, options)
    : { findings: planFindings(detected, target, options.includeEnvFiles === true), keysOfStayingClients: [] };
  const { filePlans, errored } = target ? planFiles(detected, findings, options) : { filePlans: [], errored: [] };
  return { target, findings, filePlans, errored, keysOfStayingClients };
}
