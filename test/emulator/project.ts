/** Helpers for the request-path tests: a migrated, runnable temp copy of a fixture project. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { REPO, runCli } from '../helpers/cli.js';

const made: string[] = [];

/** A temp copy of `fixtures/<relative>`, migrated with `apply --yes --include-review` unless provider is undefined. */
export function migratedCopy(relative: string, provider: string | undefined, modelMap: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-emu-'));
  made.push(dir);
  cpSync(path.join(REPO, 'fixtures', relative), dir, { recursive: true });
  if (provider) {
    // Review edits included: a provider's dialect fixes (Kimi's pinned temperature) are review edits, and a
    // migration that leaves them out does not run on that provider; the emulator proves it.
    const result = runCli(['apply', dir, '--provider', provider, '--yes', '--force', '--include-review', ...(modelMap.length ? ['--model-map', ...modelMap] : [])]);
    if (result.code !== 0) throw new Error(`apply ${relative} → ${provider} exited ${result.code}: ${result.stderr}`);
  }
  transpile(dir);
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Every .ts file next to its .js, types stripped (the fixtures import './x.js'). */
function transpile(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) transpile(full);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      const out = ts.transpileModule(readFileSync(full, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      writeFileSync(full.replace(/\.ts$/, '.js'), out.outputText);
    }
  }
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The last JSON line the driver printed. */
export function driverOutput(stdout: string): Record<string, any> {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the driver printed no JSON:\n${stdout}`);
  return JSON.parse(line);
}
