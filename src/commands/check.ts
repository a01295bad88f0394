/**
 * `migrate check [path]`: the CI gate. It fails (exit 1) when apply would still change something,
 * when OpenAI usage remains or came back (a client or call not routed to a provider, an OpenAI-only
 * feature, an `api.openai.com` URL or an OpenAI model id in a string), or when a `TODO(migrate)`
 * marker is left. `migrate-ignore-next-line` silences a line.
 */
import { ts } from '../analysis/ts.js';
import { rangeLocation, type Unit } from '../analysis/unit.js';
import { normalizeOpenAiId } from '../catalogue/index.js';
import { OPENAI_MODELS } from '../catalogue/openai.js';
import type { Finding } from '../core/types.js';
import { ignoredByComment } from '../pipeline/ignore.js';
import { sortFindings } from '../pipeline/plan.js';
import { countReadiness } from '../pipeline/readiness.js';
import { analyze, type Analysis, type AnalyzeOptions } from './analyze.js';

export const TODO_MARKER = 'TODO(migrate)';

/** What check looks for in files no SDK module would otherwise open. */
const LEFTOVER_MARKERS = [/api\.openai\.com/, /\b(gpt-\d|o\d-|chatgpt-|text-embedding-|dall-e-\d)/, /TODO\(migrate\)/];

const KNOWN_IDS = new Set(OPENAI_MODELS.map((m) => m.id));
/** An OpenAI model id, strictly: a known id, a dated snapshot of one, or an unmistakable family name. */
export function isStrictOpenAiModelId(value: string): boolean {
  if (KNOWN_IDS.has(value) || KNOWN_IDS.has(normalizeOpenAiId(value))) return true;
  return /^(ft:)?(gpt-\d[\w.-]*|o\d(-(mini|pro|preview|deep-research)[\w.-]*)?|chatgpt-4o[\w.-]*|text-embedding-(3-small|3-large|ada-002)|dall-e-[23]|whisper-1|tts-1(-hd)?)$/.test(value);
}

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

/** String literals that still name OpenAI, in every parsed file. */
function leftoverLiterals(analysis: Analysis, covered: Set<string>): Finding[] {
  const found: Finding[] = [];
  for (const file of analysis.detected.files) {
    for (const unit of analysis.detected.workspace.units(file)) {
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
          const start = node.getStart(unit.sf) + unit.offset;
          const end = node.getEnd() + unit.offset;
          const where = `${unit.path}:${start}`;
          const value = node.text;
          if (!covered.has(where)) {
            if (/api\.openai\.com/.test(value)) {
              found.push(problem(unit, start, end, 'check/openaiEndpoint', `OpenAI endpoint '${value}'`, 'Requests to api.openai.com fail from mainland China.', 'Point it at the provider, or mark it with migrate-ignore-next-line.'));
            } else if (isStrictOpenAiModelId(value)) {
              found.push(problem(unit, start, end, 'check/openaiModelId', `OpenAI model id '${value}'`, 'The providers reject OpenAI model ids.', 'Use the provider’s model id, or mark it with migrate-ignore-next-line.'));
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(unit.sf);
    }
  }
  return found;
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
  const usage = planned.findings.filter(
    (f) => f.kind !== 'env' && (f.readiness === 'manual' || (f.kind !== 'routed' && (f.kind === 'client' || f.kind === 'model' || f.kind === 'endpoint'))),
  );
  problems.push(...usage.map((f) => ({ ...f, severity: 'error' as const })));
  const covered = new Set(usage.map((f) => `${f.file}:${f.start}`));
  problems.push(...leftoverLiterals(analysis, covered), ...leftoverMarkers(analysis));
  const kept = problems.filter((p) => !ignoredByComment(analysis.detected.workspace.text(p.file) ?? '', p.line));
  const sorted = sortFindings(kept);
  const report = analysis.report;
  report.findings = sorted;
  report.summary.severities = { error: sorted.length, warning: 0, info: 0 };
  report.summary.sites = countReadiness(sorted);
  return { ...analysis, problems: sorted };
}
