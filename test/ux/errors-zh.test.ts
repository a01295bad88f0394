/**
 * Issue 14: under --lang zh a usage error is said in Chinese: commander's own (unknown option, bad
 * choice, a typo of a command) and banjia's (unknown provider, bad flags, a broken config). What a
 * parser quotes (JSON.parse's message, a path) stays as it is.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commanderErrorZh } from '../../src/core/commander-zh.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'banjia-errors-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zh = (args: string[], cwd?: string) => runCli(['--lang', 'zh', ...args], cwd ? { cwd } : {});

describe('usage errors under --lang zh', () => {
  it("commander's messages", () => {
    const unknown = zh(['scan', '--provdier', 'qwen']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("错误：未知选项 '--provdier'\n（您是否想用 --provider？）\n");
    expect(zh(['scan', '--format', 'xml']).stderr).toMatch(/^错误：选项 '--format <format>' 的参数 'xml' 无效。可选值：text, json, .+。$/m);
    expect(zh(['sacn']).stderr).toMatch(/^错误：未知命令 'sacn'\n（您是否想用 scan？）$/m);
    expect(zh(['scan', '--provider']).stderr).toMatch(/^错误：选项 '--provider <id>' 缺少参数值$/m);
    expect(zh(['scan', 'a', 'b']).stderr).toMatch(/^错误：'scan' 的参数过多：应为 1 个，实际 2 个。$/m);
    // English stays English.
    expect(runCli(['scan', '--provdier', 'qwen']).stderr).toMatch(/^error: unknown option '--provdier'\n\(Did you mean --provider\?\)$/m);
  });

  it('a pattern commander may add later passes through unchanged', () => {
    expect(commanderErrorZh('error: something new')).toBe('error: something new');
  });

  it("banjia's own", () => {
    const provider = zh(['providers', 'openrouter']);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toMatch(/^migrate: 未知的服务商 'openrouter'\n {2}提示: 已知服务商：baichuan, /);
    expect(zh(['scan', '.', '--provider', 'qwen', '--model-map', 'foo'], dir).stderr).toMatch(/^migrate: --model-map 的格式应为 openai-id=provider-id，实际为 'foo'$/m);
    expect(zh(['cost', '.', '--fx', '100'], dir).stderr).toMatch(/^migrate: --fx 100 不是合理的美元兑人民币汇率/m);
    expect(zh(['doctor', '.', '--provider', 'qwen', '--timeout', '-1'], dir).stderr).toMatch(/^migrate: --timeout 必须是正数（毫秒）$/m);
    expect(zh(['verify', '.', '--provider', 'qwen'], dir).stderr).toMatch(/^migrate: 没有要运行的命令\n {2}提示: 写在 -- 之后：npx migrate verify/m);
    writeFileSync(path.join(dir, 'migrate.config.json'), '{bad');
    const config = zh(['scan', '.'], dir);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^migrate: \S+migrate\.config\.json:1 中的 JSON 无效：/m);
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ custom: { baseURL: 'http://localhost:8000/v1' } }));
    expect(zh(['scan', '.'], dir).stderr).toMatch(/^migrate: \S+ 中的配置无效：custom\.apiKeyEnv/m);
    rmSync(path.join(dir, 'migrate.config.json'));
  });

  it("undo's refusal of a file edited after the apply", () => {
    const project = path.join(dir, 'undo');
    mkdirSync(project);
    writeFileSync(path.join(project, 'a.ts'), "import OpenAI from 'openai';\nexport const c = new OpenAI();\n");
    expect(runCli(['apply', '.', '--provider', 'qwen', '--yes'], { cwd: project }).code).toBe(0);
    appendFileSync(path.join(project, 'a.ts'), '// mine\n');
    const undo = zh(['undo'], project);
    expect(undo.code).toBe(2);
    expect(undo.stderr).toMatch(/^migrate: 1 个文件在 \S+ 的 apply 之后被编辑过：a\.ts\n {2}提示: undo --force 仍会放回旧文本，这些编辑将丢失$/m);
  });
});
