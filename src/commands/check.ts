/**
 * `migrate check [path]`: the CI gate. It fails (exit 1) when apply would still change something,
 * when OpenAI usage remains or came back (a client or call not routed to a provider, an OpenAI-only
 * feature, an `api.openai.com` URL or an OpenAI model id the sweep finds in any scanned file), or
 * when a `TODO(migrate)` marker is left. `migrate-ignore-next-line` silences a line.
 */
import { rangeLocation, type Unit } from '../analysis/unit.js';
import type { Finding } from '../core/types.js';
import { ignoredByComment } from '../pipeline/ignore.js';
import { sortFindings } from '../pipeline/plan.js';
import { countReadiness } from '../pipeline/readiness.js';
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
function leftoverKeys(findings: Finding[], analysis: Analysis): Finding[] {
  const staying = new Set(
    analysis.detected.detections
      .filter(({ detection }) => detection.client?.role === 'client')
      .filter(({ detection }) => findings.some((f) => f.ruleId === detection.ruleId && f.file === detection.location.file && f.start === detection.location.start && f.decision !== 'move'))
      .flatMap(({ detection }) => detection.client!.keyEnvs ?? []),
  );
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
  problems.push(...leftoverKeys(planned.findings, analysis));
  problems.push(...leftoverMarkers(analysis));
  const kept = problems.filter((p) => !ignoredByComment(analysis.detected.workspace.text(p.file) ?? '', p.line));
  const sorted = sortFindings(kept);
  const report = analysis.report;
  report.findings = sorted;
  report.summary.severities = { error: sorted.length, warning: 0, info: 0 };
  report.summary.sites = countReadiness(sorted);
  return { ...analysis, problems: sorted };
}
