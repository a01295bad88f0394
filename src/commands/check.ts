/**
 * `migrate check [path]`: the CI gate. It fails (exit 1) when apply would still change something,
 * when OpenAI usage remains or came back (a client or call not routed to a provider, an OpenAI-only
 * feature, an `api.openai.com` URL or an OpenAI model id the sweep finds in any scanned file), or
 * when a `TODO(migrate)` marker is left. `migrate-ignore-next-line` silences a line.
 */
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { openRegular } from '../core/read.js';
import { rangeLocation, type Unit } from '../analysis/unit.js';
import type { Finding } from '../core/types.js';
import { ignoredByComment } from '../pipeline/ignore.js';
import { sortFindings } from '../pipeline/plan.js';
import { siteCounts } from '../pipeline/readiness.js';
import { SWEEP_MARKER } from '../sweep/indicators.js';
import { analyze, type Analysis, type AnalyzeOptions } from './analyze.js';

export const TODO_MARKER = 'TODO(migrate)';

/** Markers are the only leftovers the sweep does not report: OpenAI's ids and hosts are its findings. */
const LEFTOVER_MARKERS = [/TODO\(migrate\)/];

export interface CheckOutcome extends Analysis {
  problems: Finding[];
}

function problem(unit: Pick<Unit, 'path' | 'text'>, start: number, end: number, ruleId: string, message: string, reason: string, action: string): Finding {
  return {
    ruleId,
    sdk: 'check',
    kind: ruleId === 'check/todoMarker' ? 'option' : 'endpoint',
    severity: 'error',
    readiness: 'manual',
    ...rangeLocation(unit, start, end),
    message,
    reason,
    action,
  };
}

/**
 * An OpenAI key variable still read (or required by an env schema) while no client that stays on
 * OpenAI reads it: the clients that used it moved, so the app now needs the provider's key instead.
 */
function leftoverKeys(findings: Finding[], staying: ReadonlySet<string>): Finding[] {
  return findings
    .filter((f) => (f.ruleId === 'env/read' || f.ruleId === 'sweep/envName') && f.readiness !== 'info' && f.kind === 'env')
    .filter((f) => f.variable && /OPENAI\w*KEY/i.test(f.variable) && !staying.has(f.variable))
    .map((f) => ({
      ...f,
      severity: 'error' as const,
      readiness: 'manual' as const,
      message: `${f.variable} is still read, but no client that stays on OpenAI uses it`,
      action: 'Read the provider’s key there (apply --include-review renames it), or remove the read.',
    }));
}

function leftoverMarkers(analysis: Analysis): Finding[] {
  const found: Finding[] = [];
  for (const file of analysis.detected.files) {
    const text = analysis.detected.workspace.text(file);
    if (!text) continue;
    let index = text.indexOf(TODO_MARKER);
    while (index >= 0) {
      const lineEnd = text.indexOf('\n', index);
      const end = lineEnd < 0 ? text.length : lineEnd;
      found.push(problem({ path: file, text }, index, end, 'check/todoMarker', text.slice(index, end).trim(), 'A migration step marked by apply --annotate is still open.', 'Do the work it describes, then delete the marker.'));
      index = text.indexOf(TODO_MARKER, end);
    }
  }
  return found;
}

/** Text that names OpenAI: the sweep's indicators, or the word itself (an import, a class, a comment). */
const OPENAI_TEXT = new RegExp(`openai|${SWEEP_MARKER.source}`, 'i');

/**
 * Does a file the analysis passed over (too large, minified) name OpenAI? Read in chunks, with an
 * overlap so that a match across two chunks is seen; only regular files are opened.
 */
export function fileMentionsOpenAI(absPath: string): boolean {
  const fd = openRegular(absPath);
  if (fd === undefined) return false;
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let tail = '';
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const text = tail + chunk.toString('latin1', 0, n);
      if (OPENAI_TEXT.test(text)) return true;
      tail = text.slice(-256);
    }
    return false;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

const SKIP_WHY: Record<string, string> = {
  'too-large': 'it is over the size limit, so it was not analysed',
  minified: 'it looks minified (a bundle), so it was not analysed',
};

/**
 * Files that name OpenAI but were never analysed (a syntax error, over the size limit, minified) or
 * whose rewrite apply refuses: nothing can say their usage is gone, so they keep the gate failing.
 */
function unchecked(analysis: Analysis): Finding[] {
  const found: Finding[] = [];
  const { discovered, detected, planned } = analysis;
  const reasonFor = (file: string, why: string, ruleId: string) => {
    const text = detected.workspace.text(file) ?? '';
    return problem(
      { path: file, text },
      0,
      0,
      ruleId,
      `${file} mentions OpenAI, but ${why}`,
      'banjia cannot tell whether the OpenAI usage in this file is gone.',
      ruleId === 'check/refusedRewrite'
        ? 'Migrate this file by hand (or fix what stops the rewrite), then run check again.'
        : 'Fix the file so it can be analysed, or migrate it by hand and exclude it (.migrateignore or the config’s ignore).',
    );
  };
  for (const failure of detected.parseFailures) {
    const text = detected.workspace.text(failure.file) ?? '';
    if (OPENAI_TEXT.test(text)) found.push(reasonFor(failure.file, `it could not be analysed (${failure.errors[0]})`, 'check/unanalysed'));
  }
  for (const skipped of discovered.skipped) {
    const why = SKIP_WHY[skipped.reason];
    if (why && fileMentionsOpenAI(path.join(analysis.root, ...skipped.path.split('/')))) found.push(reasonFor(skipped.path, why, 'check/unanalysed'));
  }
  for (const errored of planned.errored) found.push(reasonFor(errored.file, `apply refuses to rewrite it (${errored.reason ?? 'error'})`, 'check/refusedRewrite'));
  return found;
}

export async function check(options: Omit<AnalyzeOptions, 'readiness'>): Promise<CheckOutcome> {
  const analysis = await analyze({ ...options, extraMarkers: LEFTOVER_MARKERS }, 'check');
  const { planned, target } = analysis;
  const problems: Finding[] = [];
  for (const plan of planned.filePlans) {
    let first = 0;
    while (first < plan.before.length && plan.before[first] === plan.after[first]) first++;
    problems.push(
      problem(
        { path: plan.path, text: plan.before },
        first,
        first,
        'check/pendingChange',
        `apply --provider ${target!.provider.id} would change this file`,
        'The code is not fully migrated.',
        `Run npx migrate apply --provider ${target!.provider.id} and commit the result.`,
      ),
    );
  }
  // A call alone is not a leftover (its client may be routed elsewhere in the code); a client not
  // routed to a provider, an OpenAI model id, an OpenAI endpoint or something that cannot move is.
  // The sweep's findings are among them: scan and check read the same findings.
  // A client kept on OpenAI is there for its calls, which are reported (and accepted) one by one.
  const usage = planned.findings.filter(
    (f) => f.kind !== 'env' && f.decision !== 'keep' && (f.readiness === 'manual' || (f.kind === 'client' || f.kind === 'model' || f.kind === 'endpoint')),
  );
  problems.push(...usage.map((f) => ({ ...f, severity: 'error' as const })));
  problems.push(...leftoverKeys(planned.findings, new Set(planned.keysOfStayingClients)));
  problems.push(...leftoverMarkers(analysis));
  problems.push(...unchecked(analysis));
  const kept = problems.filter((p) => !ignoredByComment(analysis.detected.workspace.text(p.file) ?? '', p.line));
  const sorted = sortFindings(kept);
  const report = analysis.report;
  report.findings = sorted;
  report.summary.severities = { error: sorted.length, warning: 0, info: 0 };
  report.summary.sites = siteCounts(sorted, report.target?.provider, undefined);
  return { ...analysis, problems: sorted };
}
