/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). One run, one rule
 * per rule id, one result per finding; fixes carry their text edits as artifact changes.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/types.js';
import { VERSION } from '../version.js';
import type { Report } from './report.js';
import { adviceFor } from './advice.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A finding's identity across runs (line numbers move); `nth` tells identical findings of one file apart. */
export function fingerprint(finding: Finding, nth?: number): string {
  return createHash('sha256').update(`${finding.ruleId}\0${finding.file}\0${finding.message}${nth === undefined ? '' : `\0${nth}`}`).digest('hex').slice(0, 32);
}

function messageText(finding: Finding, target: string | undefined): string {
  // A code-scanning alert stands alone: the finding's own why and do (render/advice.ts), and the fix they refer to.
  const advice = adviceFor(finding, { target });
  return [finding.message, advice.why && `Why: ${advice.why}`, advice.do && `What to do: ${advice.do}`, finding.fix && `Fix (${finding.fix.safety}): ${finding.fix.description}`, finding.docs && `See ${finding.docs}`]
    .filter(Boolean)
    .join('\n');
}

export function renderSarif(report: Report): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const example = report.findings.find((f) => f.ruleId === id)!;
    return {
      id,
      name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: example.reason || example.message },
      ...(example.docs ? { helpUri: example.docs } : {}),
      properties: { sdk: example.sdk, kind: example.kind },
    };
  });
  const results = report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIds.indexOf(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: messageText(finding, report.target?.provider) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file, uriBaseId: 'SRCROOT' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { 'banjia/v1': fingerprint(finding) },
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: `${finding.fix.description} (${finding.fix.safety})` },
              artifactChanges: [...new Set(finding.fix.edits.map((e) => e.file))].map((file) => ({
                artifactLocation: { uri: file, uriBaseId: 'SRCROOT' },
                replacements: finding.fix!.edits
                  .filter((e) => e.file === file)
                  .map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
              })),
            },
          ],
        }
      : {}),
    properties: {
      readiness: finding.readiness,
      kind: finding.kind,
      ...(finding.model ? { model: finding.model } : {}),
      ...(finding.targetModel ? { targetModel: finding.targetModel } : {}),
    },
  }));
  const document = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'banjia', version: VERSION, semanticVersion: VERSION, informationUri: 'https://www.npmjs.com/package/banjia', rules } },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(report.root).href.replace(/\/?$/, '/')}` } },
        results,
        properties: { command: report.command, target: report.target?.provider ?? null, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
