/**
 * Issue 14, item 1: the hints ("Next: …", "do: …", error hints, CI annotations) name the command the
 * user ran: `npx banjia …` under npx, `banjia …` from a global install (a bin on PATH outside
 * node_modules), `npx migrate …` from a project's node_modules/.bin or a clone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ranThroughNpx, setBinName, withBin } from '../../src/core/bin.js';
import { REPO } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banjia-bin-'));
afterAll(() => {
  setBinName('migrate', true);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a bin through a symlink, as a shell finds it on PATH (npm links bins so). */
function runAs(link: string, args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', COLUMNS: undefined };
  for (const key of Object.keys(base)) if (key.startsWith('npm_')) delete base[key];
  const result = spawnSync(link, args, { cwd: REPO, encoding: 'utf8', env: { ...base, ...env }, timeout: 120_000 });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

describe('which command the hints name', () => {
  it('decides npx or bare from how the bin was started', () => {
    expect(ranThroughNpx('/usr/local/bin/banjia', {})).toBe(false);
    expect(ranThroughNpx('/usr/local/bin/banjia', { npm_command: 'exec' })).toBe(true);
    expect(ranThroughNpx('/app/node_modules/.bin/migrate', { npm_command: 'run' })).toBe(true);
    expect(ranThroughNpx('/work/banjia/bin/migrate.js', {})).toBe(true);
  });

  it('rewrites npx migrate and bare mentions to the command that was run', () => {
    const hint = 'Next: npx migrate apply <path> --provider qwen --dry-run; see `migrate providers`';
    setBinName('banjia', false);
    expect(withBin(hint)).toBe('Next: banjia apply <path> --provider qwen --dry-run; see `banjia providers`');
    setBinName('banjia', true);
    expect(withBin(hint)).toBe('Next: npx banjia apply <path> --provider qwen --dry-run; see `banjia providers`');
    setBinName('migrate', false);
    expect(withBin(hint)).toBe('Next: migrate apply <path> --provider qwen --dry-run; see `migrate providers`');
    setBinName('migrate', true);
    expect(withBin(hint)).toBe(hint);
  });

  it('a global install (bin on PATH) says `banjia …`, without npx', { timeout: 120_000 }, () => {
    const bin = path.join(dir, 'global', 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(path.join(REPO, 'bin', 'banjia.js'), path.join(bin, 'banjia'));
    const scan = runAs(path.join(bin, 'banjia'), ['scan', 'fixtures/demo-app']);
    expect(scan.code, scan.out).toBe(0);
    expect(scan.out).toMatch(/Next: pick a provider: banjia scan <path> --provider <id>, then banjia apply <path>/);
    expect(scan.out).toMatch(/full breakdown: banjia cost <path>/);
    expect(scan.out).not.toMatch(/npx|\bmigrate (scan|apply|cost)\b/);
    // An error's hint, and a CI annotation's do.
    const usage = runAs(path.join(bin, 'banjia'), ['apply', 'fixtures/demo-app']);
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/^banjia: apply needs a target/m);
    expect(usage.out).toContain("hint: see 'banjia providers'");
    const help = runAs(path.join(bin, 'banjia'), ['scan', '--help']);
    expect(help.out).toMatch(/^ {2}\$ banjia scan \.$/m);
    expect(help.out).toMatch(/^Usage: banjia scan/m);
    const github = runAs(path.join(bin, 'banjia'), ['scan', 'fixtures/openai', '--provider', 'deepseek', '--format', 'github']);
    expect(github.out).toMatch(/then run banjia check\./);
    expect(github.out).not.toMatch(/npx/);
  });

  it('the same bin under npx (npm_command=exec) says `npx banjia …`', { timeout: 120_000 }, () => {
    const bin = path.join(dir, 'global', 'bin', 'banjia');
    const scan = runAs(bin, ['scan', 'fixtures/demo-app', '--provider', 'deepseek'], { npm_command: 'exec' });
    expect(scan.out).toMatch(/Next: npx banjia apply <path> --provider deepseek --dry-run/);
  });

  it("a project's node_modules/.bin/migrate says `npx migrate …`", { timeout: 120_000 }, () => {
    const bin = path.join(dir, 'app', 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(path.join(REPO, 'bin', 'migrate.js'), path.join(bin, 'migrate'));
    const scan = runAs(path.join(bin, 'migrate'), ['scan', 'fixtures/demo-app', '--provider', 'deepseek']);
    expect(scan.out).toMatch(/Next: npx migrate apply <path> --provider deepseek --dry-run/);
    expect(runAs(path.join(bin, 'migrate'), ['scan', '--help']).out).toMatch(/^ {2}\$ npx migrate scan \.$/m);
    const list = runAs(path.join(bin, 'migrate'), ['providers']);
    expect(list.out).toMatch(/Details: npx migrate providers <id>/);
  });
});
