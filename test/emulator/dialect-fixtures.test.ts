/**
 * The dialect fixtures, run (issue 15: "an emulator test that fails before the fix and passes
 * after"). For every fixture folder of a rule the emulator checks (a wire rule), the folder's code
 * before the fix and after it is executed against the provider emulator, with the openai client
 * pointed at it through the base-URL variable the code reads:
 *   - a rule banjia rewrites: before is the input migrated by a plain `apply` (client, key, model;
 *     no review edits), after is the `.output.ts` (`apply --include-review`);
 *   - a lint-only rule: before is the `.input.ts` (already on the provider), after the `.fixed.ts`.
 * Before, the emulator refuses a request naming the rule (or, for a parameter the provider ignores
 * or a request it answers otherwise, records the rule as a warning on it); after, every request is
 * answered and none names the rule. `emulate.mjs` in the folder says how to call each fixture (by
 * its name); a wire rule's folder without one fails here, so a new rule is covered once it has it.
 * A rule the emulator cannot see on a request (a hand-written SSE parser) may have an
 * `emulate.mjs` too: its code before the fix must fail on the emulator's answer, after it must not.
 * A literal URL of the provider's own host (raw fetch) is sent to the emulator as well.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findProvider } from '../../src/catalogue/index.js';
import { analyze } from '../../src/commands/analyze.js';
import { DIALECT_RULES } from '../../src/dialects/index.js';
import type { DialectRule } from '../../src/dialects/types.js';
import type { RecordEntry } from '../../src/emulator/record.js';
import { pathPrefix, startEmulator, type RunningServer } from '../../src/emulator/server.js';
import { discoverCases, FIXTURES, type FixtureCase } from '../helpers/fixtures.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(FIXTURES, 'dialects');

/** Wire rules whose folder is not run here, and why. */
const NOT_RUN: Record<string, string> = {
  // Its fixture has no includeReview: a plain apply already adds batchSize, so no apply leaves the
  // 11-input request in place to run. test/emulator/dialect-rules.test.ts sends that body.
  'dashscope-embedding-batch': 'the fix is made by a plain apply: there is no migrated code before it',
};

type Driver = (program: Record<string, unknown>, stage: 'before' | 'after') => Promise<unknown>;

const servers = new Map<string, RunningServer>();
const work = mkdtempSync(path.join(tmpdir(), 'banjia-dialect-run-'));
symlinkSync(path.join(REPO, 'node_modules'), path.join(work, 'node_modules'), 'dir');
writeFileSync(path.join(work, 'package.json'), '{ "type": "module" }\n');
let serial = 0;

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  rmSync(work, { recursive: true, force: true });
});

/** One emulator per provider, shared by every case of that provider. */
async function emulator(provider: string): Promise<RunningServer> {
  let server = servers.get(provider);
  if (!server) servers.set(provider, (server = await startEmulator({ provider: findProvider(provider)! })));
  return server;
}

/** The files of a folder as a plain `apply` (no review edits) writes them: the migration before the dialect fix. */
async function migratedWithoutReview(fixture: FixtureCase): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), `banjia-dialect-before-${fixture.name}-`));
  try {
    for (const file of fixture.files) writeFileSync(path.join(dir, file.name), file.input);
    const { planned } = await analyze({ path: dir, provider: fixture.provider, includeReview: false, baseUrl: fixture.baseUrl, apiKeyEnv: fixture.apiKeyEnv, modelMap: fixture.modelMap }, 'apply');
    const out = new Map(fixture.files.map((f) => [f.name, f.input]));
    for (const plan of planned.filePlans) out.set(plan.path, plan.after);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `fetch` with the provider's catalogue base URL (a literal URL in raw-HTTP code) sent to the
 * emulator instead, as `verify`'s preload does for a whole process.
 */
function redirectingFetch(provider: string, server: RunningServer): typeof fetch {
  const real = globalThis.fetch;
  const p = findProvider(provider)!;
  const base = new URL(p.regions[0].baseURL);
  const prefix = pathPrefix(p);
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.host !== base.host) return real(input, init);
    return real(`${server.url}${url.pathname.slice(prefix.length)}${url.search}`, init);
  };
}

interface Run {
  entries: RecordEntry[];
  error: unknown;
}

/**
 * Executes a program's text as a module (vitest compiles the TypeScript) with every base-URL
 * variable it reads set to the emulator and every key variable to a dummy key, then calls it as
 * the folder's driver says. The requests it sent are the emulator's entries recorded meanwhile.
 */
async function execute(provider: string, text: string, drive: Driver, stage: 'before' | 'after'): Promise<Run> {
  const server = await emulator(provider);
  const file = path.join(work, `program-${serial++}.ts`);
  writeFileSync(file, text);
  const names = [...new Set([...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))];
  const saved = new Map(names.map((n) => [n, process.env[n]]));
  for (const name of names) {
    if (name.endsWith('_BASE_URL')) process.env[name] = server.url;
    else if (/_(API_)?KEY$/.test(name)) process.env[name] = 'sk-emulated';
  }
  const start = server.recorder.entries.length;
  let error: unknown;
  const realFetch = globalThis.fetch;
  globalThis.fetch = redirectingFetch(provider, server);
  try {
    const program = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    await drive(program, stage);
  } catch (caught) {
    error = caught;
  } finally {
    globalThis.fetch = realFetch;
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { entries: server.recorder.entries.slice(start), error };
}

const names = (entries: RecordEntry[], rule: DialectRule) => entries.some((e) => e.rule === rule.id || (e.warnings ?? []).some((w) => w.rule === rule.id));

const folders = discoverCases('dialects');
const wireFolders = folders.filter((fixture) => DIALECT_RULES.find((r) => r.id === fixture.name)?.wire);

describe('the dialect fixtures run against the emulator: refused (or flagged) before the fix, answered after', () => {
  it('every wire rule has a fixture folder with an emulate.mjs, or a reason it is not run', () => {
    const named = wireFolders.map((f) => f.name);
    for (const rule of DIALECT_RULES.filter((r) => r.wire)) {
      expect(named, rule.id).toContain(rule.id);
      if (!(rule.id in NOT_RUN)) expect(existsSync(path.join(DIR, rule.id, 'emulate.mjs')), `fixtures/dialects/${rule.id}/emulate.mjs`).toBe(true);
    }
  });

  for (const fixture of folders) {
    if (fixture.name in NOT_RUN) continue;
    const rule = DIALECT_RULES.find((r) => r.id === fixture.name)!;
    const driverFile = path.join(DIR, fixture.name, 'emulate.mjs');
    if (!existsSync(driverFile)) continue;

    it(`${rule.id} (${fixture.provider})`, async () => {
      const drivers = (await import(pathToFileURL(driverFile).href)).default as Record<string, Driver>;
      const byName = new Map(fixture.files.map((f) => [f.name.replace(/\.[a-z]+$/, ''), f]));
      expect(Object.keys(drivers).length, 'emulate.mjs names a fixture').toBeGreaterThan(0);
      const migrated = rule.rewrite && fixture.files.some((f) => f.expected !== undefined) ? await migratedWithoutReview(fixture) : undefined;
      for (const [name, drive] of Object.entries(drivers)) {
        const file = byName.get(name);
        expect(file, `emulate.mjs names ${name}.input.ts of the folder`).toBeDefined();
        const fixedPath = path.join(DIR, fixture.name, `${name}.fixed.ts`);
        // A lint-only rule: its input, or banjia's migration of it, then the hand-written fix.
        // A rewriting rule: the migration without review edits, then banjia's output.
        const fixedText = existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : undefined;
        const before = fixedText !== undefined ? (file!.expected ?? file!.input) : file!.expected !== undefined ? migrated!.get(file!.name)! : file!.input;
        const after = fixedText ?? file!.expected;
        expect(after, `${name}: an .output.ts or a .fixed.ts`).toBeDefined();
        expect(before, `${name}: the code before differs from the code after`).not.toBe(after);

        const broken = await execute(fixture.provider, before, drive, 'before');
        expect(broken.entries.length, `${name} before: reached the emulator`).toBeGreaterThan(0);
        if (!rule.wire) {
          // Nothing on the request shows the rule: the code itself fails on the provider's answer.
          expect(broken.error, `${name} before: the program fails on the emulator's answer`).toBeDefined();
        } else if (rule.effect === 'rejected') {
          expect(broken.entries.filter((e) => e.verdict === 'rejected').map((e) => e.rule), `${name} before: refused by the rule`).toContain(rule.id);
          expect(broken.error, `${name} before: the program sees the refusal`).toBeDefined();
        } else {
          expect(names(broken.entries, rule), `${name} before: the rule is recorded on an answered request: ${JSON.stringify(broken.entries.map((e) => [e.status, e.rule, e.warnings]))}`).toBe(true);
        }

        const fixed = await execute(fixture.provider, after!, drive, 'after');
        expect(fixed.error, `${name} after: the program runs to its end`).toBeUndefined();
        expect(fixed.entries.length, `${name} after: reached the emulator`).toBeGreaterThan(0);
        expect(fixed.entries.filter((e) => e.verdict !== 'ok').map((e) => `${e.status} ${e.rule}: ${e.message}`), `${name} after: every request answered`).toEqual([]);
        expect(names(fixed.entries, rule), `${name} after: the rule is not recorded`).toBe(false);
      }
    }, 60_000);
  }
});
