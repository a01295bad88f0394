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
  options?: { baseUrl?: string; apiKeyEnv?: string; modelMap?: string[] };
  make(dir: string): void;
}

/** Every fixture folder that holds fixture pairs (each module's, the client projects, the dialects). */
const FIXTURE_SDKS = readdirSync(FIXTURES).filter((name) => discoverCases(name).length > 0);

function writeFiles(dir: string, files: Array<{ name: string; input: string }>): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.name)), { recursive: true });
    writeFileSync(path.join(dir, file.name), file.input);
  }
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
  for (const sdk of FIXTURE_SDKS) {
    // Single-file cases of one module and one target share a project (one apply each): they are
    // independent modules, and one project per case would multiply the test's time by a hundred.
    const grouped = new Map<string, ReturnType<typeof discoverCases>>();
    for (const fixture of discoverCases(sdk)) {
      if (fixture.files.length > 1) {
        out.push({ name: `${sdk}/${fixture.name}`, provider: fixture.provider, options: fixture, make: (dir) => writeFiles(dir, fixture.files) });
        continue;
      }
      const key = JSON.stringify([fixture.provider, fixture.baseUrl, fixture.apiKeyEnv, fixture.modelMap]);
      grouped.set(key, [...(grouped.get(key) ?? []), fixture]);
    }
    for (const cases of grouped.values()) {
      const first = cases[0];
      out.push({
        name: `${sdk}/* (${cases.length} single-file cases, ${first.provider}${first.baseUrl ? ', custom' : ''})`,
        provider: first.provider,
        options: first,
        make: (dir) => writeFiles(dir, cases.flatMap((c) => c.files.map((f) => ({ ...f, name: `${c.name}/${f.name}` })))),
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

/**
 * The same without template literals and prose strings: a prompt or a help text that shows code
 * reads nothing (a string naming a variable, `process.env['OPENAI_API_KEY']`, has no space).
 */
function executableText(code: string): string {
  return code.replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``').replace(/'[^'\n]*\s[^'\n]*'|"[^"\n]*\s[^"\n]*"/g, "''");
}

/**
 * The clients of an analysis with their decision, the OpenAI key variables they read and the
 * readiness of every call made through them (each call's own finding, not the client's decision).
 */
function clients(analysis: Analysis) {
  const findingOf = (detection: { ruleId: string; location: { file: string; start: number } }) =>
    analysis.planned.findings.find((f) => f.ruleId === detection.ruleId && f.file === detection.location.file && f.start === detection.location.start);
  return analysis.detected.detections
    .filter(({ detection }) => detection.client?.role === 'client')
    .map(({ detection }) => {
      const calls = analysis.detected.detections
        .filter((d) => d.detection.client?.role === 'call' && d.detection.client.node === detection.client!.node)
        .map((d) => findingOf(d.detection))
        .filter((f) => f?.kind === 'call');
      return { detection, finding: findingOf(detection), calls, keys: (detection.client!.keyEnvs ?? []).filter((k) => /OPENAI/.test(k)) };
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
        const options = { path: dir, provider: project.provider, baseUrl: project.options?.baseUrl, apiKeyEnv: project.options?.apiKeyEnv, modelMap: project.options?.modelMap };
        const first = await analyze({ ...options, includeReview }, 'apply');
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

        // 2 and 3, judged from the code, not from the decision apply reports: a client none of whose
        // calls can move is not edited, and a client whose construction is untouched keeps its key names.
        for (const { detection, calls, keys } of clients(first)) {
          const where = `${detection.location.file}:${detection.location.line}`;
          const original = before.get(detection.location.file)!;
          const text = original.slice(detection.location.start, detection.location.end);
          const now = readFileSync(path.join(dir, detection.location.file), 'utf8');
          const untouched = now.includes(text);
          if (calls.length && calls.every((c) => c!.readiness === 'manual') && !untouched) problems.push(`${where}: a client none of whose calls can move was edited`);
          if (untouched) for (const key of keys) if (original.includes(key) && !now.includes(key)) problems.push(`${where}: ${key} renamed for a client that did not move`);
        }

        // 4. check passes only when every OpenAI key variable still read belongs to a client that stays.
        const after = await check(options);
        if (after.problems.length === 0) {
          const staying = new Set(clients(after).filter((c) => c.finding && c.finding.decision !== 'move' && c.finding.decision !== 'configurable').flatMap((c) => c.keys));
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

