/**
 * Table tests for detection (ESLint RuleTester style): a small project of files, and the exact
 * rule ids and positions expected. A failure says which sites were *missing* (not reported) and
 * which were *noisy* (reported on code that is not OpenAI usage).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detectAll } from '../../src/pipeline/detect.js';
import { fileKind, secondWave } from '../../src/pipeline/discover.js';
import type { SourceText } from '../../src/core/types.js';

export interface ExpectedSite {
  ruleId: string;
  file?: string;
  line: number;
  column: number;
}

export interface DetectedSite extends ExpectedSite {
  file: string;
}

/**
 * Detection by the SDK modules only unless `sweep` is set: the table tests of a module check what
 * that module binds; the sweep layer has its own tests (test/sweep).
 */
export function detectProject(files: Record<string, string>, options: { typeCheck?: boolean; sweep?: boolean } = {}): { sites: DetectedSite[]; typeChecked: { asked: number; bound: number }; kinds: Map<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-detect-'));
  try {
    const candidates: SourceText[] = [];
    for (const [name, text] of Object.entries(files)) {
      const absPath = path.join(dir, name);
      mkdirSync(path.dirname(absPath), { recursive: true });
      writeFileSync(absPath, text);
      candidates.push({ path: name, absPath, text, kind: fileKind(name) ?? 'code' });
    }
    // As analyze does: files that import a module making a client are analysed by every module.
    secondWave(dir, { candidates, others: [] });
    const result = detectAll(dir, candidates, { ...options, sweep: options.sweep === true });
    const sites = result.detections.map(({ detection }) => ({
      ruleId: detection.ruleId,
      file: detection.location.file,
      line: detection.location.line,
      column: detection.location.column,
    }));
    const kinds = new Map(result.detections.map(({ detection: d }) => [`${d.ruleId} ${d.location.file}:${d.location.line}:${d.location.column}`, d.kind]));
    return { sites, typeChecked: result.typeChecked, kinds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const key = (s: DetectedSite) => `${s.ruleId} ${s.file}:${s.line}:${s.column}`;

/** Compares as sets and names the difference: missing (expected, not found) and noisy (found, not expected). */
export function compareSites(actual: DetectedSite[], expected: ExpectedSite[], defaultFile: string): { missing: string[]; noisy: string[] } {
  const want = new Set(expected.map((e) => key({ ...e, file: e.file ?? defaultFile })));
  const got = new Set(actual.map(key));
  return {
    missing: [...want].filter((k) => !got.has(k)).sort(),
    noisy: [...got].filter((k) => !want.has(k)).sort(),
  };
}
