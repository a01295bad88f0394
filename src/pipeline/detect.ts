/**
 * load + detect: parse the candidate files (lazily, once each), run every SDK module whose markers
 * match, hand unbound receivers to the type-checker stage, and return the detections. Read-only.
 */
import { Workspace } from '../analysis/workspace.js';
import { Evaluator } from '../analysis/values.js';
import type { SourceText } from '../core/types.js';
import { SDK_MODULES } from '../sdks/index.js';
import type { DeferredReceiver, Detection, DetectContext, EnvFeed, SdkModule } from '../sdks/types.js';
import { checkable, resolveDeferred } from './typecheck.js';
import { isStackOverflow, TOO_DEEP } from '../core/errors.js';
import { sweep, sweepAlone, type SweptAlone } from '../sweep/detect.js';
import type { Unit } from '../analysis/unit.js';
import { OPENAI_PACKAGE, SWEEP_MARKER } from '../sweep/indicators.js';
import { mentionsOnlyInProse } from './prose.js';
import { sweepSdk } from '../sweep/index.js';
import { collectAfterThisJob, favourSmallHeap, LARGE_SOURCE_CHARACTERS, nextTurn } from '../core/collect.js';

export interface ParseFailure {
  file: string;
  errors: string[];
}

export interface DetectResult {
  workspace: Workspace;
  detections: Array<{ sdk: SdkModule; detection: Detection }>;
  parseFailures: ParseFailure[];
  /** Candidate files that were analysed. */
  files: string[];
  /** Receivers the type checker was asked about, and how many it bound. */
  typeChecked: { asked: number; bound: number };
  /** Set by concludeDetection: the syntax is gone, so nothing can be planned from it any more. */
  concluded?: boolean;
}

export interface DetectOptions {
  /** Ask the type checker about receivers syntax cannot bind (default true). */
  typeCheck?: boolean;
  modules?: readonly SdkModule[];
  /** Report every OpenAI indicator no module explained (default true). */
  sweep?: boolean;
}

/**
 * Trees held for sure while files are visited in turn, the modules recent files imported, by the
 * characters of source they come from (~23 bytes of heap each): a budget, not a count, so that a
 * run of large files does not hold more. 128 trees were ~20 MB at langchainjs's peak; this holds
 * ~12 MB, for ~5% more time in parsing again what was let go.
 */
const HELD_CHARACTERS = 500_000;
/** Files visited between two yields to the event loop, after which let-go trees can be freed. */
const FILES_PER_YIELD = 8;

/** Detection in one go: every tree stays held until it ends (tests, small runs). */
export function detectAll(root: string, candidates: SourceText[], options: DetectOptions = {}): DetectResult {
  const steps = detecting(workspaceOf(root, candidates), candidates, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Detection that lets go of each tree nothing holds once its file is done, and yields now and then
 * so the garbage collector may free them: a file that found nothing needs its tree no more, and
 * those trees were half the heap at the end of detection on langchainjs.
 */
export async function detectAllAsync(root: string, candidates: SourceText[], options: DetectOptions = {}): Promise<DetectResult> {
  const workspace = workspaceOf(root, candidates);
  workspace.holdRecent(HELD_CHARACTERS);
  // From this much candidate source on, the collector is tuned for a smaller heap.
  const large = candidates.reduce((sum, c) => sum + c.text.length, 0) >= LARGE_SOURCE_CHARACTERS;
  if (large) favourSmallHeap();
  const steps = detecting(workspace, candidates, options);
  for (let visited = 1; ; visited++) {
    const step = steps.next();
    if (step.done) {
      // The trees the last stages asked for become free only once this job is over.
      await nextTurn();
      return step.value;
    }
    if (step.value === 'files done') {
      // The heap is then mostly trees let go: collected now, the type checker's program and the
      // sweep grow it from what is alive (langchainjs peak ~330 → ~305 MB, one ~0.1 s collection).
      await (large ? collectAfterThisJob() : nextTurn());
    } else if (visited % FILES_PER_YIELD === 0) await nextTurn();
  }
}

function workspaceOf(root: string, candidates: SourceText[]): Workspace {
  return new Workspace(root, candidates.map((c) => [c.path, c.text] as [string, string]));
}

/** The detection of every candidate; yields after each file. */
function* detecting(workspace: Workspace, candidates: SourceText[], options: DetectOptions): Generator<'files done' | undefined, DetectResult> {
  const modules = options.modules ?? SDK_MODULES;
  const evaluator = new Evaluator(workspace, (name) => OPENAI_PACKAGE.test(name));
  const deferred: DeferredReceiver[] = [];
  const envFeeds: EnvFeed[] = [];
  let hosts: boolean | undefined;
  const context: DetectContext = {
    workspace,
    evaluator,
    defer: (request) => deferred.push(request),
    noteEnvFeed: (feed) => envFeeds.push(feed),
    envFeeds,
    hostsWritten: () => (hosts ??= candidates.some((c) => /api\.openai\.com|openai\.azure\.com/i.test(c.text))),
  };
  const found: DetectResult['detections'] = [];
  const parseFailures: ParseFailure[] = [];
  const codeMarkers = [...modules.map((m) => m.markers), SWEEP_MARKER];
  const proseOnly = new Set<string>();
  // Trees of files with findings stay held: planning edits them. A file that found nothing is swept
  // at once (sweptAlone) and its tree let go.
  const withFindings: Unit[][] = [];
  const sweptAlone = new Map<string, SweptAlone>();
  for (const candidate of candidates) {
    yield;
    if (candidate.kind !== 'code') {
      for (const module of modules) {
        if (!module.detectText || !module.markers.test(candidate.text)) continue;
        for (const detection of module.detectText(candidate, context)) found.push({ sdk: module, detection });
      }
      continue;
    }
    if (!candidate.importsClient && mentionsOnlyInProse(candidate.path, candidate.text, codeMarkers)) {
      proseOnly.add(candidate.path);
      continue;
    }
    const units = workspace.units(candidate.path);
    const errors = units.flatMap((u) => u.syntaxErrors);
    if (errors.length) {
      parseFailures.push({ file: candidate.path, errors });
      continue;
    }
    // One file the analysis cannot finish (a stack overflow on pathological nesting) is reported
    // as that file's failure; the findings of every other file stand.
    const ofFile: DetectResult['detections'] = [];
    try {
      for (const module of modules) {
        if (!candidate.importsClient && !module.markers.test(candidate.text)) continue;
        for (const unit of units) for (const detection of module.detect(unit, context)) ofFile.push({ sdk: module, detection });
      }
      if (!ofFile.length && options.sweep !== false) {
        sweptAlone.set(candidate.path, sweepAlone(units, context));
      }
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      parseFailures.push({ file: candidate.path, errors: [TOO_DEEP] });
      continue;
    }
    if (ofFile.length) withFindings.push(units);
    found.push(...ofFile);
    evaluator.forgetNodeValues();
  }
  // Every file is done: what the later stages need is held by findings and module state.
  yield 'files done';
  let bound = 0;
  if (deferred.length && options.typeCheck !== false) {
    const resolved = resolveDeferred(workspace, deferred);
    for (const request of resolved) {
      const module = modules.find((m) => m.id === request.sdk);
      if (!module?.detectTyped) continue;
      const detections = module.detectTyped(request, context);
      if (detections.length) bound++;
      for (const detection of detections) found.push({ sdk: module, detection });
    }
  }
  for (const module of modules) {
    if (module.finish) for (const detection of module.finish(context)) found.push({ sdk: module, detection });
  }
  if (options.sweep !== false) {
    const unparsed = new Set(parseFailures.map((f) => f.file));
    const swept = sweep({ candidates, unparsed, proseOnly, detections: found.map((f) => f.detection), context, alone: sweptAlone });
    for (const detection of swept) found.push({ sdk: sweepSdk, detection });
  }
  return {
    workspace,
    detections: dedupe(found),
    parseFailures,
    files: candidates.map((c) => c.path),
    typeChecked: { asked: options.typeCheck === false ? 0 : deferred.filter(checkable).length, bound },
  };
}

/**
 * Lets go of the trees no later stage reads, once detection is over and its evaluator gone:
 * planning reads only the trees of files with findings (annotations; code frames come from the
 * text). The others were ~40% of the heap on langchainjs. Returns the characters of source they
 * were parsed from.
 */
export function releaseTrees(detected: DetectResult): number {
  const withFindings = new Set(detected.detections.map((d) => d.detection.location.file));
  return detected.workspace.releaseTrees((file) => withFindings.has(file));
}

/**
 * Planning is over (no other target will be planned from this detection): every syntax tree is
 * let go, and the detections with them (they hold syntax nodes). What is read afterwards, the
 * texts for code frames and the plan's findings, holds none. On langchainjs the trees of the
 * files with findings were ~90 MB of heap under the cost estimate, whose token ranks came on top.
 * Returns the characters of source the released trees were parsed from.
 */
export function concludeDetection(detected: DetectResult): number {
  detected.concluded = true;
  detected.detections = [];
  return detected.workspace.releaseTrees(() => false);
}

/** Refuses to plan from a concluded detection, which would silently find nothing. */
export function assertNotConcluded(detected: DetectResult): void {
  if (detected.concluded) throw new Error('internal: planning from a detection whose syntax was let go (concludeDetection)');
}

/** One model constant feeding two calls is one finding; the flags of both are kept. */
function dedupe(found: DetectResult['detections']): DetectResult['detections'] {
  const seen = new Map<string, DetectResult['detections'][number]>();
  for (const entry of found) {
    const { detection } = entry;
    const key = `${detection.ruleId}\0${detection.location.file}\0${detection.location.start}\0${detection.location.end}`;
    const previous = seen.get(key);
    if (!previous) {
      seen.set(key, entry);
      continue;
    }
    const a = previous.detection.payload as { needsVision?: boolean };
    const b = detection.payload as { needsVision?: boolean };
    if (typeof a.needsVision === 'boolean' && b.needsVision) a.needsVision = true;
    // A constant that feeds calls of two clients belongs to both records.
    const link = previous.detection.client;
    const other = detection.client;
    if (link?.role === 'model' && other?.role === 'model') {
      link.calls = [...(link.calls ?? []), ...(other.calls ?? [])];
      if (other.node !== link.node) (link.others ??= []).push(other.node);
    } else if (!link && other) previous.detection.client = other;
  }
  return [...seen.values()];
}
