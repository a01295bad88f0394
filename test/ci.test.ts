import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, treeSnapshot } from './helpers/cli.js';
import { FIXTURES, tempCopy } from './helpers/fixtures.js';

const dirs: string[] = [];
function project(files?: Record<string, string>): string {
  if (!files) {
    const dir = tempCopy('demo-app');
    dirs.push(dir);
    return dir;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-ci-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrate check', () => {
  it('exits 1 while apply would change something, 0 once migrated, 1 again when usage comes back', () => {
    const dir = project({
      'src/ai.ts': "import OpenAI from 'openai';\nexport const ai = new OpenAI();\nexport const ask = (q: string) => ai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n",
    });
    const pending = runCli(['check', dir, '--provider', 'qwen', '--format', 'json']);
    expect(pending.code).toBe(1);
    expect(JSON.parse(pending.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('check/pendingChange');
    expect(runCli(['apply', dir, '--provider', 'qwen', '--yes']).code).toBe(0);
    const clean = runCli(['check', dir, '--provider', 'qwen', '--format', 'json']);
    expect(JSON.parse(clean.stdout).findings).toEqual([]);
    expect(clean.code).toBe(0);
    expect(runCli(['check', dir, '--provider', 'qwen']).stdout).toMatch(/Nothing left to migrate/);
    // Someone adds a call to api.openai.com and a gpt model id.
    writeFileSync(path.join(dir, 'src/legacy.ts'), "export const url = 'https://api.openai.com/v1/models';\nexport const MODEL = 'gpt-4o-mini';\n");
    const back = runCli(['check', dir, '--provider', 'qwen', '--format', 'json']);
    expect(back.code).toBe(1);
    const rules = JSON.parse(back.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`);
    expect(rules).toEqual(expect.arrayContaining(['sweep/openaiHost:1', 'sweep/modelId:2']));
  });

  it('exits 1 while a TODO(migrate) marker is left, and honours migrate-ignore-next-line', () => {
    const dir = project({
      'src/mod.ts': "import OpenAI from 'openai';\nconst ai = new OpenAI();\nexport async function flag(text: string) {\n  const r = await ai.moderations.create({ input: text });\n  return r.results[0].flagged;\n}\n",
    });
    expect(runCli(['apply', dir, '--provider', 'deepseek', '--annotate', '--yes']).code).toBe(0);
    const annotated = readFileSync(path.join(dir, 'src/mod.ts'), 'utf8');
    expect(annotated).toMatch(/\n  \/\/ TODO\(migrate\): openai\/moderation .*\n  const r = await ai\.moderations\.create/);
    // A second run adds nothing: never twice.
    expect(runCli(['apply', dir, '--provider', 'deepseek', '--annotate', '--dry-run']).code).toBe(0);
    const marked = runCli(['check', dir, '--provider', 'deepseek', '--format', 'json']);
    expect(marked.code).toBe(1);
    expect(JSON.parse(marked.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['check/todoMarker', 'openai/moderation']));
    // The team decides to keep moderation elsewhere: the marker goes, an ignore comment stays.
    writeFileSync(path.join(dir, 'src/mod.ts'), annotated.replace(/ *\/\/ TODO\(migrate\).*\n/, '  // migrate-ignore-next-line: moderation stays on our own service\n'));
    const accepted = runCli(['check', dir, '--provider', 'deepseek']);
    expect(accepted.code).toBe(0);
  });

  it('exits 2 on bad input', () => {
    expect(runCli(['check', 'no/such/dir']).code).toBe(2);
  });
});

describe('machine formats', () => {
  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const dir = project();
    const out = path.join(dir, 'banjia.sarif');
    const result = runCli(['scan', dir, '--provider', 'deepseek', '--format', 'sarif', '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif', 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(5);
    const embedding = results.find((r: { ruleId: string }) => r.ruleId === 'openai/embedding');
    expect(embedding).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/embeddings.ts' }, region: { startLine: 6 } } }] });
    const client = results.find((r: { ruleId: string }) => r.ruleId === 'openai/client');
    expect(client.fixes[0].artifactChanges[0].replacements.length).toBeGreaterThan(0);
  });

  it('writes GitHub workflow annotations and a markdown PR comment', () => {
    const dir = project();
    const github = runCli(['apply', dir, '--provider', 'deepseek', '--dry-run', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=src\/embeddings\.ts,line=6,endLine=\d+,col=\d+,endColumn=\d+,title=banjia openai\/embedding::/m);
    // The shared client splits: chat moves to a DeepSeek client (lib, chat.ts, tools.ts), embeddings and moderation stay.
    expect(github.stdout).toMatch(/^::warning file=src\/lib\/openai\.ts,line=4,.*title=banjia openai\/client::OpenAI client split: chat\.completions\.create move to a new DeepSeek client/m);
    expect(github.stdout).toMatch(/^::notice title=banjia apply → deepseek::7 file\(s\) would change/m);
    const markdown = runCli(['apply', dir, '--provider', 'deepseek', '--dry-run', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^## banjia: OpenAI → DeepSeek \(`deepseek`\)/);
    expect(markdown.stdout).toMatch(/\| `src\/lib\/openai\.ts` \| \d+ \| \d+ \|/);
    expect(markdown.stdout).toMatch(/### Cannot move \(\d+\)/);
    expect(markdown.stdout).toMatch(/```diff\ndiff --git/);
  });
});

describe('people', () => {
  it('speaks Chinese with --lang zh and only colours on request or on a terminal', () => {
    const zh = runCli(['scan', 'fixtures/demo-app', '--provider', 'qwen', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/无法迁移/);
    expect(zh.stdout).toMatch(/调用点/);
    expect(zh.stdout).not.toMatch(/\x1b\[/);
    const forced = runCli(['scan', 'fixtures/demo-app'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toMatch(/\x1b\[/);
    const json = runCli(['scan', 'fixtures/demo-app', '--format', 'json'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(json.stdout).not.toMatch(/\x1b\[/);
  });

  it('gives help in Chinese with --lang zh or a Chinese locale, in English otherwise', () => {
    const zh = runCli(['--lang', 'zh', 'apply', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('以最小改动为服务商改写代码');
    expect(zh.stdout).toContain('不写入任何文件；有待改动时以 1 退出');
    const locale = runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(locale.stdout).toContain('命令：');
    const en = runCli(['--lang', 'en', 'apply', '--help'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('write nothing; exit 1 when changes are pending');
  });

  it('leaves out files matched by .migrateignore and the config’s ignore patterns', () => {
    const dir = project();
    writeFileSync(path.join(dir, '.migrateignore'), 'src/services/\n');
    const doc = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout);
    expect(doc.findings.some((f: { file: string }) => f.file.startsWith('src/services/'))).toBe(false);
    expect(doc.files.find((f: { file: string }) => f.file === 'src/services/moderation.ts')).toMatchObject({ status: 'skipped', reason: 'ignored' });
    expect(treeSnapshot(dir)['.migrateignore']).toBe('src/services/\n');
  });
});
