import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runCli, treeSnapshot } from './helpers/cli.js';
import { tempCopy } from './helpers/fixtures.js';

const dirs: string[] = [];
function project(name = 'demo-app'): string {
  const dir = tempCopy(name);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

describe('migrate scan', () => {
  it('reports the demo app summary first, identical findings grouped, and a readiness matrix, exit 0', () => {
    const result = runCli(['scan', 'fixtures/demo-app']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Summary$/m);
    // Info findings (src/lib/openai.ts has only those) are shown with --verbose, and counted in the tally.
    expect(result.stdout).not.toContain('src/lib/openai.ts');
    expect(result.stdout).toMatch(/\d+ info \(not shown: --verbose shows them\)\n$/);
    expect(runCli(['scan', 'fixtures/demo-app', '--verbose']).stdout).toContain('src/lib/openai.ts');
    expect(result.stdout).toMatch(/Readiness by provider/);
    expect(result.stdout).toMatch(/qwen\s+\d+ \/\s+\d+ \/\s+\d+/);
    expect(result.stderr).toBe('');
  });

  it('prints one versioned JSON document with posix, root-relative, 1-based findings', () => {
    const result = runCli(['scan', 'fixtures/demo-app', '--provider', 'qwen', '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.command).toBe('scan');
    expect(doc.target).toMatchObject({ provider: 'qwen', region: 'cn' });
    expect(doc.findings.length).toBeGreaterThan(5);
    for (const finding of doc.findings) {
      for (const key of ['ruleId', 'sdk', 'kind', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'model', 'fix']) {
        expect(finding, `${finding.ruleId} has ${key}`).toHaveProperty(key);
      }
      expect(finding.file).not.toMatch(/\\|^\//);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
    const clientFinding = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'openai/client');
    expect(clientFinding).toMatchObject({ file: 'src/lib/openai.ts', line: 4, kind: 'client', fix: { safety: 'safe' } });
    const moderation = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'openai/moderation');
    expect(moderation).toMatchObject({ severity: 'error', readiness: 'manual' });
    // What cannot move is listed first.
    expect(doc.findings[0].readiness).toBe('manual');
  });

  it('exits 1 with --fail-on error when something cannot move', () => {
    expect(runCli(['scan', 'fixtures/demo-app', '--provider', 'qwen', '--fail-on', 'error']).code).toBe(1);
    expect(runCli(['scan', 'fixtures/demo-app', '--provider', 'qwen', '--fail-on', 'none']).code).toBe(0);
  });

  it('reports a file that does not parse and goes on', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'src', 'broken.ts'), "import OpenAI from 'openai';\nconst x = new OpenAI(;\n");
    const result = runCli(['scan', dir, '--provider', 'qwen', '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.files.find((f: { file: string }) => f.file === 'src/broken.ts')).toMatchObject({ status: 'errored' });
    expect(doc.summary.errored).toBe(1);
    expect(doc.findings.some((f: { file: string }) => f.file === 'src/lib/openai.ts')).toBe(true);
  });

  it('gives clear errors and exit 2 for bad input', () => {
    const unknown = runCli(['scan', 'fixtures/demo-app', '--provider', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown provider 'nope'/);
    expect(unknown.stderr).toMatch(/known providers: .*qwen/);
    const missing = runCli(['scan', 'does/not/exist']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/path not found/);
    const flag = runCli(['scan', '--format', 'yaml']);
    expect(flag.code).toBe(2);
    const noProvider = runCli(['apply', 'fixtures/demo-app']);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toMatch(/--provider/);
    const badMap = runCli(['apply', 'fixtures/demo-app', '--provider', 'qwen', '--model-map', 'gpt-4o', '--dry-run']);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toMatch(/--model-map expects/);
  });

  it('answers --help and --version without loading the parser', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/scan/);
    expect(help.stdout).toMatch(/apply/);
  });
});

describe('migrate providers', () => {
  it('lists every provider and shows one with models, prices, features and sources', () => {
    const list = runCli(['providers']);
    expect(list.code).toBe(0);
    for (const id of ['qwen', 'deepseek', 'zhipu', 'moonshot', 'qianfan', 'hunyuan', 'doubao', 'siliconflow', 'baichuan', 'yi', 'minimax', 'stepfun', 'spark']) {
      expect(list.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    }
    const one = runCli(['providers', 'deepseek']);
    expect(one.stdout).toMatch(/deepseek-flash\s+balanced/);
    expect(one.stdout).toMatch(/¥1\.00 in \(cached ¥0\.02\) \/ ¥4\.00 out; peak ×2/);
    expect(one.stdout).toMatch(/embeddings\s+no\s+DeepSeek has no embeddings endpoint/);
    const json = JSON.parse(runCli(['providers', 'qwen', '--format', 'json']).stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.provider.regions.map((r: { id: string }) => r.id)).toEqual(['cn', 'intl', 'us', 'hk']);
    const all = JSON.parse(runCli(['providers', '--format', 'json']).stdout);
    expect(all.providers).toHaveLength(13);
    const unknown = runCli(['providers', 'openrouter']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown provider 'openrouter'/);
  });
});

describe('migrate apply', () => {
  it('moves to any OpenAI-compatible endpoint with --provider custom', () => {
    const result = runCli(['apply', 'fixtures/demo-app', '--provider', 'custom', '--base-url', 'http://localhost:8000/v1', '--api-key-env', 'VLLM_API_KEY', '--dry-run', '--format', 'diff']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("+  apiKey: process.env.VLLM_API_KEY,");
    expect(result.stdout).toContain("+  baseURL: process.env.VLLM_BASE_URL || 'http://localhost:8000/v1',");
    expect(result.stdout).not.toContain('src/config.ts'); // model ids are kept for a custom endpoint
    const missing = runCli(['apply', 'fixtures/demo-app', '--provider', 'custom', '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--base-url/);
  });

  it('takes the provider and model map from the config file, and reports a bad one', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ provider: 'deepseek', modelMap: { 'gpt-4o': 'deepseek-flash' } }));
    const result = runCli(['apply', dir, '--dry-run', '--format', 'json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout);
    expect(doc.target.provider).toBe('deepseek');
    expect(doc.diff).toContain("+  chat: 'deepseek-flash',");
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ provider: 'deepseek', regoin: 'cn' }));
    const bad = runCli(['scan', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid config in .*migrate\.config\.json.*regoin/);
  });

  it('--dry-run writes nothing and exits 1 when changes are pending', () => {
    const dir = project();
    const before = treeSnapshot(dir);
    const result = runCli(['apply', dir, '--provider', 'qwen', '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('diff --git a/src/lib/openai.ts b/src/lib/openai.ts');
    expect(treeSnapshot(dir)).toEqual(before);
  });

  it('the dry-run diff, applied with git apply, gives exactly the tree apply writes; a second apply has nothing to do', () => {
    const viaGit = project();
    const viaApply = project();
    for (const dir of [viaGit, viaApply]) {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'base');
    }
    const diff = runCli(['apply', viaGit, '--provider', 'deepseek', '--dry-run', '--format', 'diff']);
    expect(diff.code).toBe(1);
    writeFileSync(path.join(tmpdir(), 'banjia-dry-run.patch'), diff.stdout);
    git(viaGit, 'apply', '--whitespace=nowarn', path.join(tmpdir(), 'banjia-dry-run.patch'));

    const applied = runCli(['apply', viaApply, '--provider', 'deepseek', '--yes']);
    expect(applied.code).toBe(0);
    expect(treeSnapshot(viaApply)).toEqual(treeSnapshot(viaGit));
    expect(git(viaApply, 'status', '--porcelain')).not.toContain('.migrate');

    const again = runCli(['apply', viaApply, '--provider', 'deepseek', '--dry-run', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary.changed).toBe(0);
  });

  it('--model-map overrides the catalogue mapping', () => {
    const mapped = runCli(['apply', 'fixtures/demo-app', '--provider', 'qwen', '--dry-run', '--format', 'diff', '--model-map', 'gpt-4o=qwen-plus,gpt-4o-mini=qwen-flash']);
    expect(mapped.code).toBe(1);
    expect(mapped.stdout).toContain("+  chat: 'qwen-plus',");
    expect(mapped.stdout).toContain("+  fast: 'qwen-flash',");
    const plain = runCli(['apply', 'fixtures/demo-app', '--provider', 'qwen', '--dry-run', '--format', 'diff']);
    expect(plain.stdout).toContain("+  chat: 'qwen3.7-max',"); // the rule's choice: the newest flagship that answers without thinking
  });

  it('refuses a dirty git tree unless --force', () => {
    const dir = project();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    writeFileSync(path.join(dir, 'NOTES.md'), 'work in progress\n');
    const before = treeSnapshot(dir);
    const refused = runCli(['apply', dir, '--provider', 'qwen', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes: NOTES\.md/);
    expect(treeSnapshot(dir)).toEqual(before);
    expect(runCli(['apply', dir, '--provider', 'qwen', '--yes', '--force']).code).toBe(0);
  });

  it('undo puts back every byte of the last apply', () => {
    const dir = project();
    const before = treeSnapshot(dir);
    expect(runCli(['apply', dir, '--provider', 'qwen', '--yes']).code).toBe(0);
    expect(treeSnapshot(dir)).not.toEqual(before);
    const undone = runCli(['undo', dir]);
    expect(undone.code).toBe(0);
    // the shared client's module, the three files whose calls move to the new client, index.ts (it hands
    // the client to the Summarizer), config.ts, .env.example, docker-compose.yml
    expect(undone.stdout).toMatch(/Restored 8 file/);
    expect(treeSnapshot(dir)).toEqual(before);
  });

  it('the migrated demo app type-checks against the real openai type definitions', () => {
    const dir = project();
    expect(runCli(['apply', dir, '--provider', 'qwen', '--yes']).code).toBe(0);
    symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});

it('works from a folder with no git and no node_modules', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-bare-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'index.js'), "const OpenAI = require('openai');\nconst c = new OpenAI();\n");
  const result = runCli(['apply', dir, '--provider', 'deepseek', '--yes']);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/not under git/);
});

describe('migrate providers custom', () => {
  it('lists custom with how to use it, and explains it when not configured', () => {
    const list = runCli(['providers']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^custom +any OpenAI-compatible endpoint: --provider custom --base-url <url> --api-key-env <NAME>$/m);
    const custom = runCli(['providers', 'custom']);
    expect(custom.code).toBe(0);
    expect(custom.stdout).toContain('--provider custom --base-url http://localhost:8000/v1 --api-key-env VLLM_API_KEY');
  });
});

