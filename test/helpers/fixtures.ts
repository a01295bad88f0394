/**
 * Fixture pairs, the main test of every rewrite: fixtures/<sdk>/<case>.input.<ext> and
 * <case>.output.<ext> (no output = must stay byte-identical). A folder fixtures/<sdk>/<case>/ is a
 * multi-file case. Each case runs in a temp copy; the fixtures in the repo are never touched.
 * A first line `// fixture: provider=deepseek includeReview` sets options.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/commands/analyze.js';
import { syntaxErrors } from '../../src/analysis/unit.js';
import { isComponentFile, scriptBlocks } from '../../src/analysis/sfc.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export interface FixtureFile {
  /** File name inside the temp project (without `.input`). */
  name: string;
  input: string;
  outputPath: string;
  expected: string | undefined;
}

export interface FixtureOptions {
  provider: string;
  includeReview: boolean;
  baseUrl?: string;
  apiKeyEnv?: string;
  modelMap?: string[];
}

export interface FixtureCase extends FixtureOptions {
  sdk: string;
  name: string;
  files: FixtureFile[];
}

const INPUT = /^(.*)\.input(\.[a-z]+)$/;

/** A case folder's files, its sub-folders included (`src/lib/ai.input.ts` is `src/lib/ai.ts`). */
function readCaseFiles(dir: string, prefix?: string, sub = ''): FixtureFile[] {
  const files: FixtureFile[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (!prefix && statSync(path.join(dir, entry)).isDirectory()) {
      files.push(...readCaseFiles(path.join(dir, entry), undefined, `${sub}${entry}/`));
      continue;
    }
    const match = INPUT.exec(entry);
    if (!match || (prefix && match[1] !== prefix)) continue;
    const outputPath = path.join(dir, `${match[1]}.output${match[2]}`);
    files.push({
      name: `${sub}${match[1]}${match[2]}`,
      input: readFileSync(path.join(dir, entry), 'utf8'),
      outputPath,
      expected: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined,
    });
  }
  return files;
}

function optionsOf(files: FixtureFile[]): FixtureOptions {
  const header = files.map((f) => /^\uFEFF?\/\/ fixture: (.*)$/m.exec(f.input)?.[1]).find(Boolean) ?? '';
  const value = (key: string) => new RegExp(`\\b${key}=(\\S+)`).exec(header)?.[1];
  return {
    provider: value('provider') ?? 'qwen',
    includeReview: /\bincludeReview\b/.test(header),
    ...(value('baseUrl') ? { baseUrl: value('baseUrl') } : {}),
    ...(value('apiKeyEnv') ? { apiKeyEnv: value('apiKeyEnv') } : {}),
    ...(value('modelMap') ? { modelMap: [value('modelMap')!] } : {}),
  };
}

export function discoverCases(sdk: string): FixtureCase[] {
  const dir = path.join(FIXTURES, sdk);
  const cases: FixtureCase[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const files = readCaseFiles(full);
      if (files.length) cases.push({ sdk, name: entry, files, ...optionsOf(files) });
      continue;
    }
    const match = INPUT.exec(entry);
    if (!match) continue;
    const files = readCaseFiles(dir, match[1]);
    cases.push({ sdk, name: match[1], files, ...optionsOf(files) });
  }
  return cases;
}

/** A case's labels (`expect.json` in its folder): lines that must be reported, trap lines that must not be claimed. */
export interface CaseLabels {
  sites: Array<{ file: string; line: number; kind?: string }>;
  traps: Array<{ file: string; line: number }>;
  mentions?: Array<{ file: string; line: number }>;
  /** Lines that must have no finding of this rule at all, not even a mention (a comment's `"openai"` is no import). */
  absent?: Array<{ file: string; line: number; ruleId: string }>;
  /** Lines that must be covered by exactly one finding (`{ 'o1-mini': 'o1-mini' }` is one site, not two). */
  once?: Array<{ file: string; line: number }>;
}

export function caseLabels(fixture: FixtureCase): CaseLabels | undefined {
  const file = path.join(FIXTURES, fixture.sdk, fixture.name, 'expect.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

export interface CaseRun {
  actual: Map<string, string>;
  /** Files a second apply would still change: must be empty (idempotence). */
  secondRunChanges: string[];
  /** Files the plan refused (conflicting edits, broken output): must be empty. */
  errored: string[];
  findings: Awaited<ReturnType<typeof analyze>>['planned']['findings'];
}

export async function runCase(fixture: FixtureCase): Promise<CaseRun> {
  const dir = mkdtempSync(path.join(tmpdir(), `banjia-${fixture.sdk}-${fixture.name}-`));
  try {
    for (const file of fixture.files) {
      mkdirSync(path.dirname(path.join(dir, file.name)), { recursive: true });
      writeFileSync(path.join(dir, file.name), file.input);
    }
    const options = {
      path: dir,
      provider: fixture.provider,
      includeReview: fixture.includeReview,
      baseUrl: fixture.baseUrl,
      apiKeyEnv: fixture.apiKeyEnv,
      modelMap: fixture.modelMap,
    };
    const first = await analyze(options, 'apply');
    const actual = new Map(fixture.files.map((f) => [f.name, f.input]));
    for (const plan of first.planned.filePlans) {
      actual.set(plan.path, plan.after);
      writeFileSync(path.join(dir, plan.path), plan.after);
    }
    const second = await analyze(options, 'apply');
    return {
      actual,
      secondRunChanges: second.planned.filePlans.map((p) => p.path),
      errored: [...first.planned.errored, ...second.planned.errored].map((e) => `${e.file}: ${e.reason}`),
      findings: first.planned.findings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Syntax errors of a fixture text: JS/TS files whole, Vue/Svelte by script block, others not parsed. */
export function parseErrors(name: string, text: string): string[] {
  if (isComponentFile(name)) return scriptBlocks(text).flatMap((block) => syntaxErrors(`${name}.ts`, block.text));
  if (!/\.[cm]?[jt]sx?$/.test(name)) return [];
  return syntaxErrors(name, text);
}

/** Copies a fixture project to a temp folder for tests that write. */
export function tempCopy(project: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-project-'));
  cpSync(path.join(FIXTURES, project), dir, { recursive: true });
  return dir;
}
