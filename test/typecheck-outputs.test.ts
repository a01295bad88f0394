/**
 * The rewritten fixture projects of issue 11 type-check against the real `openai` types (the
 * package is a dev dependency): a split client, a kept one, a configurable one are all still valid
 * programs. Packages that are not installed here (t3-env, chatgpt) are declared as `any` modules,
 * so only the OpenAI side is checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverCases, FIXTURES } from './helpers/fixtures.js';

const REPO = path.resolve(import.meta.dirname, '..');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const installed = (specifier: string) => {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return specifier.startsWith('.') || specifier.startsWith('node:') || existsSync(path.join(REPO, 'node_modules', name));
};

/** tsc --noEmit over some files in a temp project that sees this repo's node_modules; its output ('' = clean). */
function typecheck(files: Array<{ name: string; text: string }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-tsc-'));
  temps.push(dir);
  const missing = new Set<string>();
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.name)), { recursive: true });
    writeFileSync(path.join(dir, file.name), file.text);
    for (const match of file.text.matchAll(/from\s+['"]([^'"]+)['"]/g)) if (!installed(match[1])) missing.add(match[1]);
  }
  writeFileSync(path.join(dir, 'shims.d.ts'), [...missing].map((m) => `declare module '${m}';`).join('\n') + '\n');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true, types: ['node'] }, include: ['**/*.ts'] }),
  );
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  try {
    execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const outputsOf = (fixture: ReturnType<typeof discoverCases>[number], prefix = '') =>
  fixture.files.filter((f) => /\.tsx?$/.test(f.name)).map((f) => ({ name: `${prefix}${f.name}`, text: f.expected ?? f.input }));

describe('rewritten client fixtures type-check against the openai types', () => {
  for (const fixture of discoverCases('clients')) {
    const outputs = outputsOf(fixture);
    if (!outputs.length) continue;
    it(fixture.name, () => {
      expect(typecheck(outputs)).toBe('');
    }, 60_000);
  }
});

/** The hand-written `*.fixed.ts` of the lint-only dialect rules (the code after the fix a finding asks for). */
function fixedFiles(): Array<{ name: string; text: string }> {
  const dir = path.join(FIXTURES, 'dialects');
  return readdirSync(dir).flatMap((rule) =>
    readdirSync(path.join(dir, rule))
      .filter((f) => f.endsWith('.fixed.ts'))
      .map((f) => ({ name: `${rule}/${f}`, text: readFileSync(path.join(dir, rule, f), 'utf8') })),
  );
}

// Issue 15: a renamed max_completion_tokens, a developer message made 'system', an added
// stream_options must still be valid openai request types, and so must the fixes the lint-only
// rules ask for (a provider's own field sent with a cast, a result read from a stream). One
// project, one tsc run.
describe('rewritten dialect fixtures type-check against the openai types', () => {
  it('every fixtures/dialects/<rule>/ output and fixed file', () => {
    const outputs = discoverCases('dialects').flatMap((fixture) => outputsOf(fixture, `${fixture.name}/`));
    const fixed = fixedFiles();
    expect(outputs.length).toBeGreaterThanOrEqual(7);
    expect(fixed.length).toBeGreaterThanOrEqual(20);
    expect(typecheck([...outputs, ...fixed])).toBe('');
  }, 120_000);
});
