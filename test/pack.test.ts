/**
 * Issue 14, item 1: banjia runs on one's own project. `npm pack` makes a tarball that carries its
 * dependencies (bundleDependencies), so it installs with `--offline` into a fresh project; there
 * both bins run, and the hints name the bin that was run. The same from a git URL (a local clone,
 * `git+file://`): npm clones it, installs its devDependencies, runs `prepare` (tsc) and packs it;
 * `--offline` makes npm take every package from its cache, so the test proves no network is needed
 * once the cache holds banjia's dependencies (as after `npm ci` in a clone).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banjia-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', npm_config_update_notifier: 'false' } as NodeJS.ProcessEnv;
  // Not the test runner's own npm settings (vitest under `npm test` sets npm_* variables).
  for (const key of Object.keys(env)) if (key.startsWith('npm_') && key !== 'npm_config_update_notifier' && key !== 'npm_config_cache') delete env[key];
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, timeout: 480_000 });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

describe('npm pack → install into a project → npx migrate / npx banjia', () => {
  it('installs offline from the tarball and runs both bins', { timeout: 120_000 }, () => {
    // npm bundles a symlinked node_modules (a git worktree sharing another's) as `../<target>/…`
    // paths that do not install: say so rather than fail on a missing package later.
    expect(lstatSync(path.join(REPO, 'node_modules')).isSymbolicLink(), 'node_modules is a symlink: npm pack cannot bundle it; run this in a clone with its own node_modules').toBe(false);
    // dist/ is built (npm test builds first; npm pack would run `prepare` too): skip it here.
    const pack = sh('npm', ['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], REPO);
    expect(pack.code, pack.out).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^banjia-\d+\.\d+\.\d+\.tgz$/);

    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'someone-elses-app', version: '1.0.0', private: true }, null, 2));
    cpSync(path.join(REPO, 'fixtures', 'demo-app', 'src'), path.join(project, 'src'), { recursive: true });

    const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', path.join(dir, tarball!)], project);
    expect(install.code, install.out).toBe(0);

    const version = sh('npx', ['--no-install', 'migrate', '--version'], project);
    expect(version.code, version.out).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);

    const scan = sh('npx', ['--no-install', 'banjia', 'scan'], project);
    expect(scan.code, scan.out).toBe(0);
    expect(scan.out).toMatch(/Cannot move|Call sites/);
    // The hints name the bin that was run, not `migrate`.
    expect(scan.out).toMatch(/npx banjia scan <path> --provider <id>/);
    expect(scan.out).not.toMatch(/npx migrate/);
  });

  it('installs offline from a git+file:// URL of a clone, built by its prepare script, and runs both bins', { timeout: 600_000 }, () => {
    // A clone of the committed tree: no dist/ (git ignores it), no node_modules.
    const clone = path.join(dir, 'banjia-clone');
    const cloned = sh('git', ['clone', '--quiet', REPO, clone], dir);
    expect(cloned.code, cloned.out).toBe(0);
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);

    const project = path.join(dir, 'git-project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'someone-elses-app', version: '1.0.0', private: true }, null, 2));
    cpSync(path.join(REPO, 'fixtures', 'demo-app', 'src'), path.join(project, 'src'), { recursive: true });

    const url = `git+file://${clone}`;
    const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', url], project);
    expect(install.code, install.out).toBe(0);
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).devDependencies.banjia).toBe(url);
    // prepare built dist/ on install: the clone had none.
    expect(existsSync(path.join(project, 'node_modules', 'banjia', 'dist', 'cli.js'))).toBe(true);

    const version = sh('npx', ['--no-install', 'migrate', '--version'], project);
    expect(version.code, version.out).toBe(0);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);

    const scan = sh('npx', ['--no-install', 'banjia', 'scan'], project);
    expect(scan.code, scan.out).toBe(0);
    expect(scan.out).toMatch(/^Summary$/m);
    expect(scan.out).toMatch(/Call sites: 5/);
    expect(scan.out).toMatch(/npx banjia scan <path> --provider <id>/);
  });
});
