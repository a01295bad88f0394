/**
 * A migration that works together (issue 11), on every fixture project and every eval project,
 * after apply without and with --include-review:
 * - every variable apply adds to an example env file or a compose file is read by the changed code;
 * - a client whose calls all cannot move is not edited;
 * - no key read is renamed for a client that did not move (kept, split, routed);
 * - `check` passes only when no OpenAI key variable is still read but by a client that stays.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../src/commands/analyze.js';
import { check } from '../src/commands/check.js';
import { fileKind } from '../src/pipeline/discover.js';
import { discoverCases, FIXTURES } from './helpers/fixtures.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Project {
  name: string;
  provider: string;
  make(dir: string): void;
}

function projects(): Project[] {
  const out: Project[] = [];
  const copy = (from: string) => (dir: string) => cpSync(from, dir, { recursive: true });
  out.push({ name: 'demo-app', provider: 'qwen', make: copy(path.join(FIXTURES, 'demo-app')) });
  out.push({ name: 'demo-app (deepseek)', provider: 'deepseek', make: copy(path.join(FIXTURES, 'demo-app')) });
  for (const name of readdirSync(path.join(FIXTURES, 'eval'))) {
    const dir = path.join(FIXTURES, 'eval', name);
    if (statSync(dir).isDirectory()) out.push({ name: `eval/${name}`, provider: 'qwen', make: copy(dir) });
  }
  for (const sdk of ['clients', 'sweep']) {
    for (const fixture of discoverCases(sdk)) {
      if (fixture.files.length < 2) continue;
      out.push({
        name: `${sdk}/${fixture.name}`,
        provider: fixture.provider,
        make: (dir) => {
          for (const file of fixture.files) {
            mkdirSync(path.dirname(path.join(dir, file.name)), { recursive: true });
            writeFileSync(path.join(dir, file.name), file.input);
          }
        },
      });
    }
  }
  return out;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === '.git' || name === 'node_modules' || name === '.migrate') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** The code of a tree with comments removed: comments name variables without reading them. */
function codeText(dir: string): string {
  return listFiles(dir)
    .filter((f) => fileKind(f) === 'code')
    .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))
    .join('\n');
}

/** The same without template literals: a prompt that shows code reads nothing. */
function executableText(code: string): string {
  return code.replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``');
}

/** The clients of an analysis with their decision and the OpenAI key variables they read. */
function clients(analysis: Analysis) {
  return analysis.detected.detections
    .filter(({ detection }) => detection.client?.role === 'client')
    .map(({ detection }) => {
      const finding = analysis.planned.findings.find((f) => f.ruleId === detection.ruleId && f.file === detection.location.file && f.start === detection.location.start);
      return { detection, finding, keys: (detection.client!.keyEnvs ?? []).filter((k) => /OPENAI/.test(k)) };
    });
}

describe('coherence of apply on every fixture and eval project', () => {
  for (const project of projects()) {
    for (const includeReview of [false, true]) {
      it(`${project.name}${includeReview ? ' (include-review)' : ''}`, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'banjia-coherence-'));
        temps.push(dir);
        project.make(dir);
        const before = new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
        const first = await analyze({ path: dir, provider: project.provider, includeReview }, 'apply');
        for (const plan of first.planned.filePlans) writeFileSync(path.join(dir, plan.path), plan.after);
        const code = codeText(dir);

        // 1. Variables added to env and compose files are read by the code.
        const problems: string[] = [];
        for (const plan of first.planned.filePlans) {
          if (fileKind(plan.path) === 'code') continue;
          const old = new Set(plan.before.split(/\r?\n/));
          for (const line of plan.after.split(/\r?\n/)) {
            if (old.has(line)) continue;
            const name = /^\s*(?:-\s*)?["']?([A-Z][A-Z0-9_]*)\s*[=:]/.exec(line)?.[1];
            if (name && /(KEY|URL)$/.test(name) && !new RegExp(`\\b${name}\\b`).test(code)) problems.push(`${plan.path}: ${name} added, read by no code`);
          }
        }

        // 2 and 3. Clients that stay are untouched and keep their key names.
        for (const { detection, finding, keys } of clients(first)) {
          if (!finding || finding.decision === 'move' || finding.decision === undefined) continue;
          const original = before.get(detection.location.file)!;
          const text = original.slice(detection.location.start, detection.location.end);
          const now = readFileSync(path.join(dir, detection.location.file), 'utf8');
          if (finding.decision === 'keep' && !now.includes(text)) problems.push(`${detection.location.file}:${detection.location.line}: a kept client was edited`);
          for (const key of keys) if (original.includes(key) && !now.includes(key)) problems.push(`${detection.location.file}: ${key} renamed for a ${finding.decision} client`);
        }

        // 4. check passes only when every OpenAI key variable still read belongs to a client that stays.
        const after = await check({ path: dir, provider: project.provider });
        if (after.problems.length === 0) {
          const staying = new Set(clients(after).filter((c) => c.finding && c.finding.decision !== 'move').flatMap((c) => c.keys));
          const configurable = clients(after).some((c) => c.finding?.kind === 'client');
          for (const match of executableText(code).matchAll(/(?:process\.env|import\.meta\.env|\benv)(?:\.|\[\s*['"`])([A-Z0-9_]*OPENAI[A-Z0-9_]*KEY)\b/g)) {
            if (!staying.has(match[1]) && !configurable) problems.push(`check passes but the code still reads ${match[1]}`);
          }
        }
        expect(problems).toEqual([]);
      }, 60_000);
    }
  }
});

