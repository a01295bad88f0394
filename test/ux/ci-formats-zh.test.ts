/**
 * Issue 14: --lang zh covers the CI formats people read (markdown PR comment, GitHub annotations,
 * GitLab Code Quality descriptions): labels and the findings' own Chinese texts, with a do of each
 * finding's own. Code Quality fingerprints do not depend on the language.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const run = (args: string[]) => runCli(args).stdout;

describe('CI formats under --lang zh', () => {
  it('markdown: every label in Chinese, with and without a provider', () => {
    const md = run(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--provider', 'deepseek', '--format', 'markdown']);
    expect(md).toMatch(/^## banjia：OpenAI → 深度求索 \(`deepseek`\)$/m);
    expect(md).toMatch(/^\*\*将修改 7 个文件\*\* · 调用点：2 个可自动迁移，1 个需复核，\*\*2 个无法迁移\*\*$/m);
    expect(md).toMatch(/^### 无法迁移 \(2\)$/m);
    expect(md).toMatch(/^\| 位置 \| 内容 \| 原因 \| 建议 \|$/m);
    expect(md).toMatch(/\| `src\/lib\/openai\.ts:4` \| OpenAI 客户端拆分：.+<br>修改（安全）：为深度求索新建第二个客户端/);
    expect(md).toMatch(/^### 费用$/m);
    expect(md).toMatch(/<sub>假设：每个调用点每月调用 1,000 次/);
    expect(md).not.toMatch(/\| where \||Cannot move|Needs review|file\(s\)|call sites|Assumptions|Fix \(|\[docs\]/);
    const neutral = run(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--format', 'markdown']);
    expect(neutral).toMatch(/^## banjia：OpenAI 用法$/m);
    expect(neutral).toMatch(/^### 各服务商就绪度$/m);
    expect(neutral).toMatch(/\| 稀宇科技 MiniMax \(`minimax`\) \| 1 \| 3 \| 1 \| ¥15\.24 \|/);
    // A provider-neutral finding says to pick a provider, as the English one does.
    expect(neutral).toMatch(/\| 向量嵌入调用 openai\.embeddings\.create\(\) \| .+ \| 选择服务商：用 --provider <id> 扫描/);
    expect(run(['scan', 'fixtures/demo-app', '--format', 'markdown'])).toMatch(/\| embeddings call openai\.embeddings\.create\(\) \| .+ \| Pick a provider: scan with --provider <id>/);
  });

  it('github annotations and the summary notice', () => {
    const gh = run(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--provider', 'deepseek', '--format', 'github']);
    expect(gh).toMatch(/^::error file=src\/services\/moderation\.ts,.+::内容审核调用 openai\.moderations\.create\(\)%0A原因：深度求索 不支持 moderations。.*%0A建议：此内容审核调用无法直接迁移到 深度求索/m);
    expect(gh).toMatch(/%0A修改（安全）：为深度求索新建第二个客户端/);
    expect(gh).toMatch(/^::notice title=banjia scan → deepseek::将修改 7 个文件；调用点：自动 2 \/ 复核 1 \/ 无法迁移 2$/m);
    expect(gh).not.toMatch(/Why: |What to do: |Fix \(|file\(s\)|call sites/);
  });

  it('codequality descriptions; fingerprints as in English', () => {
    const zh = JSON.parse(run(['--lang', 'zh', 'scan', 'fixtures/demo-app', '--provider', 'deepseek', '--format', 'codequality']));
    const en = JSON.parse(run(['scan', 'fixtures/demo-app', '--provider', 'deepseek', '--format', 'codequality']));
    expect(zh.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(en.map((i: { fingerprint: string }) => i.fingerprint));
    const moderation = zh.find((i: { location: { path: string } }) => i.location.path === 'src/services/moderation.ts');
    expect(moderation.description).toMatch(/^内容审核调用 openai\.moderations\.create\(\) — 原因：.+ — 建议：/);
    for (const issue of zh) expect(issue.description).not.toMatch(/Why: |What to do: |Fix: /);
  });
});
