/**
 * The command line. This file only parses flags, calls the typed command functions, prints, and
 * maps outcomes to exit codes: 0 nothing to do, 1 work pending, findings over the threshold or a
 * failed gate (verify, or apply --verify rolling the apply back),
 * 2 usage, config, file-system or internal error, 130 cancelled at a prompt (Ctrl-C), 128+n when a
 * signal stopped apply's writes (every file put back).
 */
import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { BanjiaError, InterruptedError, UsageError } from './core/errors.js';
import { binName, invocation, setBinName, withBin } from './core/bin.js';
import { commanderErrorZh } from './core/commander-zh.js';
import type { Lang } from './core/text.js';
import type { Severity } from './core/types.js';
import { VERSION } from './version.js';
import { wrapLine } from './render/wrap.js';

export const EXIT = { ok: 0, pending: 1, error: 2, cancelled: 130 } as const;

interface GlobalFlags {
  format: string;
  output?: string;
  lang: Lang;
  color: boolean;
  verbose: boolean;
  quiet: boolean;
}

interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Help text in the language the run speaks: `--lang` on the command line, else the locale. */
type HelpText = (en: string, zh: string) => string;

const HELP_TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

function helpLang(argv: string[]): Lang {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  return value === 'zh' || value === 'en' ? value : defaultLang();
}

function defaultLang(): Lang {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale ?? '') ? 'zh' : 'en';
}

/** Colour only on a TTY; NO_COLOR and FORCE_COLOR win, as everywhere. */
function useColor(flags: GlobalFlags, stream: Streams['stdout']): boolean {
  if (!flags.color) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function overThreshold(severities: Severity[], failOn: string): boolean {
  if (failOn === 'none') return false;
  const rank = SEVERITY_RANK[failOn as Severity];
  return severities.some((s) => SEVERITY_RANK[s] >= rank);
}

/** Progress on stderr for a person at a terminal; silent in pipes and CI. */
function progressReporter(streams: Streams, lang: Lang) {
  if (streams.stderr.isTTY !== true || process.env.CI) return undefined;
  const zh = lang === 'zh';
  return (stage: 'list' | 'read' | 'parse' | 'plan', count?: number) => {
    const text =
      stage === 'list' ? (zh ? '列出并读取文件…' : 'listing and reading files…')
      : stage === 'parse' ? (zh ? `解析 ${count} 个候选文件…` : `parsing ${count} candidate file(s)…`)
      : stage === 'plan' ? (zh ? '规划修改…' : 'planning…')
      : '';
    streams.stderr.write(`\r\x1b[2Kbanjia: ${text}${stage === 'plan' ? '\r\x1b[2K' : ''}`);
  };
}

function commonOptions(command: Command, h: HelpText): Command {
  return command
    .addOption(new Option('--provider <id>', h('target provider (see `migrate providers`)', '目标服务商（见 `migrate providers`）')))
    .addOption(new Option('--region <id>', h('provider region (default: the provider’s mainland endpoint)', '服务商区域（默认：中国大陆接口）')))
    .addOption(new Option('--model-map <pairs...>', h('override model mapping, e.g. gpt-4o=qwen-max (repeatable, comma-separated)', '覆盖模型映射，如 gpt-4o=qwen-max（可重复，逗号分隔）')))
    .addOption(new Option('--no-type-check', h('never consult the type checker (syntax-only binding)', '不使用类型检查器（仅按语法绑定）')))
    .addOption(new Option('--config <file>', h('config file (default: migrate.config.* or package.json "migrate", searched upwards)', '配置文件（默认：向上查找 migrate.config.* 或 package.json 的 "migrate"）')))
    .addOption(new Option('--base-url <url>', h('endpoint of the custom provider (any OpenAI-compatible server)', '自定义服务商的接口地址（任何兼容 OpenAI 的服务）')))
    .addOption(new Option('--api-key-env <name>', h('env var holding the custom provider’s key', '保存自定义服务商密钥的环境变量')))
    .addOption(new Option('--prices <file>', h('take prices from a LiteLLM model_prices_and_context_window.json', '从 LiteLLM 的 model_prices_and_context_window.json 读取价格')));
}

/** The analysis options every command shares, from parsed flags. */
function analysisOptions(path: string, options: Record<string, unknown>) {
  return {
    path,
    provider: options.provider as string | undefined,
    region: options.region as string | undefined,
    modelMap: options.modelMap as string[] | undefined,
    typeCheck: options.typeCheck as boolean | undefined,
    config: options.config as string | undefined,
    baseUrl: options.baseUrl as string | undefined,
    apiKeyEnv: options.apiKeyEnv as string | undefined,
    prices: options.prices as string | undefined,
  };
}

/** `bin` is the name the user ran; `viaNpx` whether they typed `npx` before it (see core/bin.ts). */
export async function run(argv: string[], streams: Streams = { stdout: process.stdout, stderr: process.stderr }, bin = 'migrate', viaNpx = true): Promise<number> {
  let exitCode: number = EXIT.ok;
  setBinName(bin, viaNpx);
  const program = new Command();
  const lang = helpLang(argv);
  const h: HelpText = (en, zh) => withBin(lang === 'zh' ? zh : en);
  const write = (text: string) => streams.stdout.write(text);
  program
    .name(bin)
    .description(h('banjia (搬家): move a JS/TS codebase off the OpenAI API onto a Chinese LLM provider', 'banjia（搬家）：把 JS/TS 代码库从 OpenAI API 迁移到国内大模型服务商'))
    .version(VERSION, '-v, --version', h('output the version number', '显示版本号'))
    .helpOption('-h, --help', h('display help for command', '显示命令帮助'))
    .helpCommand('help [command]', h('display help for command', '显示命令帮助'))
    .configureHelp({
      styleTitle: (title) => (lang === 'zh' ? (HELP_TITLES_ZH[title] ?? title) : title),
      // Each command's help lists the global options it takes too.
      showGlobalOptions: true,
      minWidthToWrap: 20,
      optionDescription: (option) => helpSuffix(new Help().optionDescription(option), lang),
      argumentDescription: (argument) => helpSuffix(new Help().argumentDescription(argument), lang),
    })
    .addOption(new Option('--format <format>', h('output format', '输出格式')).choices(['text', 'json', 'sarif', 'github', 'markdown', 'codequality', 'diff']).default('text'))
    .option('--output <file>', h('write the report to a file instead of stdout', '把报告写入文件而不是标准输出'))
    .addOption(new Option('--lang <lang>', h('language of messages for people', '面向人的消息语言')).choices(['en', 'zh']).default(defaultLang()))
    .option('--no-color', h('disable colour', '关闭颜色'))
    .option('--verbose', h('also show info findings, and every location of a grouped finding', '同时显示信息级发现，以及分组发现的所有位置'), false)
    .option('--quiet', h('report errors only (warnings and info are counted, not shown)', '只报告错误（警告和信息只计数，不显示）'), false)
    .hook('preAction', async () => {
      const output = program.opts<GlobalFlags>().output;
      if (output) await prepareOutput(output);
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // commander's usage errors in the reader's language (help is translated through h()).
      outputError: (text, write) => write(lang === 'zh' ? commanderErrorZh(text) : text),
      // Help wraps at the terminal width (COLUMNS wins), at spaces: words are never broken.
      getOutHelpWidth: () => terminalWidth(streams.stdout) ?? 80,
      getErrHelpWidth: () => terminalWidth(streams.stderr) ?? 80,
    });

  commonOptions(
    program
      .command('scan')
      .description(h('find every OpenAI use and say, per provider, what moves, what needs review and what cannot move', '找出所有 OpenAI 用法，并按服务商说明哪些可迁移、哪些需复核、哪些无法迁移'))
      .argument('[path]', h('project folder or file', '项目目录或文件'), '.')
      .addOption(new Option('--fail-on <severity>', h('exit 1 when a finding has this severity or worse (default: none, or the config’s failOn)', '有此级别或更严重的发现时以 1 退出（默认：none，或配置中的 failOn）')).choices(['error', 'warning', 'info', 'none']))
      .option('--max-warnings <n>', h('exit 1 when there are more than n warnings (as ESLint)', '警告数超过 n 时以 1 退出（同 ESLint）')),
    h,
  ).action(async (path: string, options) => {
    const flags = program.opts<GlobalFlags>();
    const limit = options.maxWarnings === undefined ? undefined : maxWarnings(options.maxWarnings);
    const { scan } = await import('./commands/scan.js');
    // The diff depends on the provider: without one there is nothing to print, so say so at once.
    if (flags.format === 'diff' && !options.provider) {
      const { loadConfig } = await import('./config/load.js');
      const { resolveRoot } = await import('./pipeline/discover.js');
      if (!(await loadConfig(resolveRoot(path).root, options.config)).config.provider) {
        throw new UsageError('scan --format diff needs a provider: the diff is what apply would write for it', 'add --provider <id> (see `migrate providers`), or use apply --dry-run --format diff').inChinese(
          'scan --format diff 需要服务商：差异是 apply 为该服务商将写入的内容',
          '加上 --provider <id>（见 `migrate providers`），或使用 apply --dry-run --format diff',
        );
      }
    }
    const result = await scan({ ...analysisOptions(path, options), progress: progressReporter(streams, flags.lang) });
    if (flags.format === 'diff') result.report.diff = (await import('./render/diff.js')).planDiff(result.planned.filePlans);
    await print(result.report, flags, streams, (file) => result.detected.workspace.text(file));
    const failOn = options.failOn ?? result.config.config.failOn ?? 'none';
    if (overThreshold(result.report.findings.map((f) => f.severity), failOn)) exitCode = EXIT.pending;
    if (limit !== undefined && result.report.summary.severities.warning > limit) {
      streams.stderr.write(withBin(h(`${bin}: ${result.report.summary.severities.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`, `${bin}：${result.report.summary.severities.warning} 个警告，超过 --max-warnings ${options.maxWarnings}\n`)));
      exitCode = EXIT.pending;
    }
  });

  commonOptions(
    program
      .command('apply')
      .description(h('rewrite the code for a provider with minimal edits; shows the diff and asks before writing', '以最小改动为服务商改写代码；写入前显示差异并确认'))
      .argument('[path]', h('project folder or file', '项目目录或文件'), '.')
      .option('--dry-run', h('write nothing; exit 1 when changes are pending (the CI check)', '不写入任何文件；有待改动时以 1 退出（CI 检查）'), false)
      .option('--include-review', h('also make the review-level edits (behaviour changes beyond the provider swap)', '同时应用需复核的改动（超出更换服务商的行为变化）'), false)
      .option('--include-env-files', h('also write real env files (.env, .env.local); example files are always written', '同时写入真实的环境变量文件（.env、.env.local）；示例文件总会写入'), false)
      .option('--annotate', h('add a // TODO(migrate) line before each statement that needs manual work', '在每个需手工处理的语句前加一行 // TODO(migrate)'), false)
      .option('-y, --yes', h('do not ask before writing', '写入前不确认'), false)
      .option('--force', h('write even when the git tree has uncommitted changes', '即使 git 工作区有未提交的改动也写入'), false)
      .option('--verify', h('after writing, run the project’s own tsc before and after; if the apply added a type error, put every file back and exit 1', '写入后用项目自己的 tsc 比较前后；若 apply 引入类型错误，则还原所有文件并以 1 退出'), false),
    h,
  ).action(async (path: string, options) => {
    const flags = program.opts<GlobalFlags>();
    const { apply } = await import('./commands/apply.js');
    const interactive = !options.yes && !options.dryRun && process.stdin.isTTY === true && streams.stdout.isTTY === true;
    const color = useColor(flags, streams.stdout);
    const prompts = interactive ? (await import('./interactive.js')).interactiveIo(flags.lang, color, (text) => streams.stdout.write(text)) : undefined;
    const outcome = await apply(
      {
        ...analysisOptions(path, options),
        includeReview: options.includeReview,
        includeEnvFiles: options.includeEnvFiles || undefined,
        annotate: options.annotate,
        dryRun: options.dryRun,
        force: options.force,
        verify: options.verify,
        progress: progressReporter(streams, flags.lang),
      },
      {
        interactive,
        yes: options.yes === true,
        confirm: async (message) => (prompts ? prompts.confirm(message) : false),
        notice: (message) => streams.stderr.write(`${withBin(message[flags.lang])}\n`),
        ...(prompts ? { pickProvider: prompts.pickProvider, reviewFile: prompts.reviewFile, beforeReview: prompts.beforeReview } : {}),
      },
    );
    await print(outcome.report, flags, streams, (file) => outcome.detected.workspace.text(file));
    if (outcome.pending) exitCode = EXIT.pending;
  });

  commonOptions(
    program
      .command('check')
      .description(h('the CI gate: exit 1 when apply would change anything, OpenAI usage remains, or a TODO(migrate) marker is left', 'CI 关卡：apply 仍会改动、仍有 OpenAI 用法或留有 TODO(migrate) 标记时以 1 退出'))
      .argument('[path]', h('project folder or file', '项目目录或文件'), '.'),
    h,
  ).action(async (path: string, options) => {
    const flags = program.opts<GlobalFlags>();
    const { check } = await import('./commands/check.js');
    const outcome = await check(analysisOptions(path, options));
    await print(outcome.report, flags, streams, (file) => outcome.detected.workspace.text(file));
    if (outcome.problems.length) exitCode = EXIT.pending;
  });

  program
    .command('cost')
    .description(h('rank every provider by monthly cost: your OpenAI usage export (--usage), or a static estimate of the code at path', '按月费用给所有服务商排名：依据 OpenAI 用量导出（--usage）或对 path 处代码的静态估算'))
    .argument('[path]', h('project folder to estimate (without --usage), or where to find the config', '要估算的项目目录（无 --usage 时），或查找配置的位置'), '.')
    .option('--usage <file>', h('OpenAI usage: Usage API JSON, a dashboard CSV export, or CSV/JSON of model,input_tokens,output_tokens[,cached_tokens][,requests]', 'OpenAI 用量：Usage API 的 JSON、控制台导出的 CSV，或 model,input_tokens,output_tokens[,cached_tokens][,requests] 的 CSV/JSON'))
    .option('--provider <id>', h('also show this provider per model', '同时按模型显示该服务商'))
    .option('--fx <rate>', h('CNY per USD (default: the catalogue’s, with its date)', '1 美元兑人民币汇率（默认：目录中的汇率及其日期）'))
    .option('--token-ratio <ratio>', h('target tokens per OpenAI token: 0.8, or per provider qwen=0.75,deepseek=0.75', '每个 OpenAI token 对应的目标 token 数：0.8，或按服务商 qwen=0.75,deepseek=0.75'))
    .option('--peak-share <share>', h('share of traffic in peak hours (0..1) where the usage has no hourly buckets', '高峰时段流量占比（0..1），用于没有按小时分桶的用量'))
    .option('--calls-per-month <n>', h('static estimate: calls per month of each call site (default 1000)', '静态估算：每个调用点每月调用次数（默认 1000）'))
    .option('--period-days <days>', h('the usage covers this many days (default: from its timestamps)', '用量覆盖的天数（默认：按时间戳计算）'))
    .addOption(new Option('--prompt-lang <lang>', h('language of most prompts, for token re-basing (default: en; static: from the prompt text)', '多数提示词的语言，用于换算 token（默认 en；静态估算按提示词文本判断）')).choices(['en', 'zh']))
    .option('--model-map <pairs...>', h('override model mapping for --provider, e.g. gpt-4o=qwen-plus', '覆盖 --provider 的模型映射，如 gpt-4o=qwen-plus'))
    .option('--config <file>', h('config file', '配置文件'))
    .option('--prices <file>', h('take prices from a LiteLLM model_prices_and_context_window.json', '从 LiteLLM 的 model_prices_and_context_window.json 读取价格'))
    .option('--no-type-check', h('never consult the type checker (static estimate)', '不使用类型检查器（静态估算）'))
    .action(async (path: string, options) => {
      const flags = program.opts<GlobalFlags>();
      const [{ cost }, { renderCostReport, renderCostJson }] = await Promise.all([import('./commands/cost.js'), import('./render/cost-report.js')]);
      const outcome = await cost({ path, format: flags.format, ...options });
      const color = !flags.output && useColor(flags, streams.stdout);
      const width = (streams.stdout as { columns?: number }).columns;
      const text = flags.format === 'json' ? renderCostJson(outcome) : withBin(renderCostReport(outcome, { color, lang: flags.lang, ...(width ? { width } : {}) }));
      if (!flags.output) return void streams.stdout.write(text);
      (await import('./render/output-file.js')).writeReportFile(flags.output, text);
    });

  program
    .command('providers')
    .description(h('list the providers, or show one with its models, prices, features and sources', '列出服务商，或显示某个服务商的模型、价格、功能及来源'))
    .argument('[id]', h('provider id', '服务商 id'))
    .option('--config <file>', h('config file whose overrides to show', '要显示其覆盖项的配置文件'))
    .action(async (id: string | undefined, options) => {
      const flags = program.opts<GlobalFlags>();
      const [{ providers }, render, { loadConfig }, { overridesFromConfig }, { setCatalogueOverrides }] = await Promise.all([
        import('./commands/providers.js'),
        import('./render/providers.js'),
        import('./config/load.js'),
        import('./catalogue/overrides.js'),
        import('./catalogue/index.js'),
      ]);
      const loaded = await loadConfig(process.cwd(), options.config);
      setCatalogueOverrides(overridesFromConfig(loaded.config, loaded.file, {}));
      const color = useColor(flags, streams.stdout);
      // `custom` is a provider once configured; before that, say how to configure it.
      if (id === 'custom' && !(await import('./catalogue/index.js')).findProvider('custom')) {
        write(flags.format === 'json' ? render.renderCustomUnconfiguredJson() : withBin(render.renderCustomHelp(flags.lang)));
        return;
      }
      const list = providers(id);
      if (flags.format === 'json') write(render.renderProvidersJson(list, id !== undefined));
      else write(withBin(id ? render.renderProviderDetail(list[0], { color, lang: flags.lang }) : render.renderProviderList(list, { color, lang: flags.lang })));
    });

  program
    .command('undo')
    .description(h('put back every file of the last apply, byte for byte', '逐字节还原上一次 apply 改动的所有文件'))
    .argument('[path]', h('project folder', '项目目录'), '.')
    .option('--force', h('restore even files edited since the apply', '即使文件在 apply 之后被编辑过也还原'), false)
    .action(async (path: string, options) => {
      const { undo } = await import('./commands/undo.js');
      const { result, warnings } = undo({ path, force: options.force });
      for (const warning of warnings) streams.stderr.write(`${binName()}: warning: ${warning}\n`);
      const lang = program.opts<GlobalFlags>().lang;
      if (!result) {
        streams.stdout.write(lang === 'zh' ? '没有可撤销的内容。\n' : 'Nothing to undo.\n');
        return;
      }
      if (result.interrupted) streams.stdout.write(lang === 'zh' ? '上一次 apply 未完成就被中断；现在还原它已写入的文件。\n' : 'The last apply was interrupted before it finished; putting back what it wrote.\n');
      const list = result.restored.map((f) => `  ${f}\n`).join('');
      streams.stdout.write(lang === 'zh' ? `已还原 ${result.restored.length} 个文件：\n${list}` : `Restored ${result.restored.length} file(s):\n${list}`);
    });

  program
    .command('emulate')
    .description(h('run a local emulator of the provider (its paths, models and rules from the catalogue) until Ctrl-C', '运行服务商的本地模拟器（路径、模型和规则来自目录），直到 Ctrl-C'))
    .option('--provider <id>', h('provider to emulate', '要模拟的服务商'))
    .option('--region <id>', h('region whose base URL path to serve', '使用哪个区域的接口路径'))
    .option('--port <n>', h('port on 127.0.0.1 (default: any free port)', '127.0.0.1 上的端口（默认：任一空闲端口）'), '0')
    .option('--record <file>', h('append every request as a JSON line to this file', '把每个请求以 JSON 行写入此文件'))
    .action(async (options) => {
      const { emulate } = await import('./commands/emulate.js');
      const server = await emulate(options);
      server.recorder.onEntry = (e) =>
        write(`${e.status} ${e.verdict}${e.rule ? ` [${e.rule}]` : ''} ${e.method} ${e.path}${e.model ? ` ${e.model}` : ''}${(e.warnings ?? []).map((w) => ` ! [${w.rule}]`).join('')}\n`);
      const flags = program.opts<GlobalFlags>();
      write(
        flags.lang === 'zh'
          ? `正在模拟 ${server.provider.name.zh}：${server.url}\n  ${server.provider.baseUrlEnv}=${server.url}\n  接受任意 Authorization: Bearer <密钥>；Ctrl-C 停止\n`
          : `Emulating ${server.provider.name.en} at ${server.url}\n  ${server.provider.baseUrlEnv}=${server.url}\n  any Authorization: Bearer <key> is accepted; Ctrl-C stops\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
    });

  program
    .command('verify')
    .description(h('run a command against the provider emulator and an OpenAI trap; exit 1 on a rejected request or an attempt to reach OpenAI', '在服务商模拟器和 OpenAI 陷阱下运行命令；有请求被拒或试图访问 OpenAI 时以 1 退出'))
    .argument('[path]', h('folder to run the command in', '运行命令的目录'), '.')
    .argument('[command...]', h('the command, after --', '要运行的命令，写在 -- 之后'))
    .option('--provider <id>', h('target provider', '目标服务商'))
    .option('--region <id>', h('provider region', '服务商区域'))
    .option('--record <file>', h('write every request as a JSON line to this file', '把每个请求以 JSON 行写入此文件'))
    .option('--timeout <ms>', h('stop the command after this many ms (default: none)', '命令运行超过此毫秒数即停止（默认：不限）'))
    .option('--typecheck', h('also run the project’s own tsc before and after the last apply and name every new error (the command is then optional)', '同时用项目自己的 tsc 比较上次 apply 前后，列出每个新错误（此时命令可省略）'), false)
    .action(async (path: string, command: string[], options) => {
      const flags = program.opts<GlobalFlags>();
      const { verify, renderVerify, verifyJson } = await import('./commands/verify.js');
      const json = flags.format === 'json';
      // Everything after `--` is the command; the path is an operand only when it came before `--`.
      const dashdash = argv.indexOf('--');
      const after = dashdash < 0 ? command : argv.slice(dashdash + 1);
      const folder = dashdash < 0 || command.length === after.length ? path : '.';
      let typecheckFailed = false;
      if (options.typecheck) {
        const { typecheckDiff, renderTypecheck } = await import('./commands/typecheck-diff.js');
        const diff = typecheckDiff(folder);
        typecheckFailed = diff.newErrors.length > 0;
        if (!after.length) {
          write(json ? `${JSON.stringify({ typecheck: diff }, null, 2)}\n` : renderTypecheck(diff, flags.lang));
          if (typecheckFailed) exitCode = EXIT.pending;
          return;
        }
        if (!json) write(renderTypecheck(diff, flags.lang));
        else streams.stderr.write(renderTypecheck(diff, flags.lang));
      }
      const result = await verify({
        path: folder,
        command: after,
        provider: options.provider,
        region: options.region,
        record: options.record,
        ...(options.timeout ? { timeoutMs: Number(options.timeout) } : {}),
        onOutput: (stream, text) => (stream === 'stdout' && !json ? streams.stdout : streams.stderr).write(text),
      });
      write(json ? verifyJson(result) : `\n${renderVerify(result, flags.lang)}`);
      if (!result.passed || typecheckFailed) exitCode = EXIT.pending;
    });

  program
    .command('doctor')
    .description(h('live check with your key: the base URL answers, every mapped model exists and chats (the only networked command)', '用你的密钥在线检查：接口可达、每个映射的模型存在且可对话（唯一联网的命令）'))
    .argument('[path]', h('project folder; the lock goes to <path>/.migrate/provider-lock.json', '项目目录；锁文件写到 <path>/.migrate/provider-lock.json'), '.')
    .option('--provider <id>', h('provider to check', '要检查的服务商'))
    .option('--region <id>', h('provider region', '服务商区域'))
    .option('--base-url <url>', h('check this base URL instead (default: $<PROVIDER>_BASE_URL, else the catalogue’s)', '改为检查此接口地址（默认：$<PROVIDER>_BASE_URL，否则用目录中的）'))
    .option('--timeout <ms>', h('per-request timeout', '每个请求的超时'), '15000')
    .option('--probe', h('also probe tools, JSON mode and stream usage', '同时探测工具调用、JSON 模式和流式用量'), false)
    .action(async (path: string, options) => {
      const flags = program.opts<GlobalFlags>();
      const { doctor, renderDoctor } = await import('./commands/doctor.js');
      const result = await doctor({ path, provider: options.provider, region: options.region, baseUrl: options.baseUrl, timeoutMs: Number(options.timeout), probe: options.probe });
      write(flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderDoctor(result, flags.lang));
      if (!result.ok) exitCode = EXIT.pending;
    });

  for (const command of program.commands) {
    const examples = EXAMPLES[command.name()];
    if (!examples) continue;
    command.addHelpText('after', () => {
      const width = terminalWidth(streams.stdout) ?? 80;
      const lines = examples.flatMap(([cmd, en, zh]) => [`  $ ${invocation()} ${cmd}`, ...wrapLine('      ', h(en, zh), width, '      ')]);
      return `\n${h('Examples:', '示例：')}\n${lines.join('\n')}\n`;
    });
  }
  // -V was the version flag before -v; both work.
  if (argv.length === 1 && argv[0] === '-V') argv = ['--version'];
  guardStreams(streams);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A report that went nowhere is a failed run, as a full disk is (exit 2), not a silent success.
    const lost = !program.opts<GlobalFlags>().output && stdoutWasClosed(streams) ? EXIT.error : 0;
    return Math.max(exitCode, streamFailure, lost);
  } catch (error) {
    return Math.max(handleError(error, streams, program.opts<GlobalFlags>().lang ?? defaultLang()), streamFailure);
  }
}

/**
 * `--output` names a file: a folder is a usage error, a missing parent folder is made. Checked
 * before the run, so that a long scan does not end in an error about where to put its report.
 */
async function prepareOutput(output: string): Promise<void> {
  const { mkdirSync, statSync } = await import('node:fs');
  const target = path.resolve(output);
  let stat;
  try {
    stat = statSync(target);
  } catch {
    // a new file
  }
  if (stat?.isDirectory() || /[\\/]$/.test(output)) {
    throw new UsageError(`--output ${output} is a folder; give the name of a file to write the report to`, `e.g. --output ${path.join(output, 'report.txt')}`).inChinese(
      `--output ${output} 是一个目录；请给出要写入报告的文件名`,
    );
  }
  if (!stat) mkdirSync(path.dirname(target), { recursive: true });
}

/** Set when stdout or stderr failed for a reason other than a closed pipe: the run's report was lost. */
let streamFailure = 0;
const guarded = new WeakSet<object>();

/**
 * A reader that goes away (`| head -3`) closes the pipe: the rest of the report has nowhere to go,
 * which is not an error, so EPIPE ends nothing and prints nothing. Any other write failure (a full
 * disk) is said once on stderr and makes the exit code 2.
 */
function guardStreams(streams: Streams): void {
  for (const stream of [streams.stdout, streams.stderr]) {
    const emitter = stream as NodeJS.WritableStream & { on?: NodeJS.WritableStream['on'] };
    if (typeof emitter.on !== 'function' || guarded.has(emitter)) continue;
    guarded.add(emitter);
    emitter.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return;
      if (!streamFailure && stream === streams.stdout) {
        try {
          streams.stderr.write(`${binName()}: could not write the report to standard output (${error.code ?? error.message})\n`);
        } catch {
          // stderr is gone too
        }
      }
      streamFailure = EXIT.error;
      process.exitCode = EXIT.error;
    });
  }
}

/**
 * `migrate scan >&-`: Node puts /dev/null (opened read-write) in place of a closed stdout, so the
 * report vanishes without an error. Linux only; say so on stderr instead of staying silent, and
 * tell the caller (`> /dev/null` is opened write-only and is a choice, not a loss).
 */
function stdoutWasClosed(streams: Streams): boolean {
  if (process.platform !== 'linux' || streams.stdout !== process.stdout) return false;
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    if (flags === undefined || (Number.parseInt(flags, 8) & 3) !== 2) return false;
    streams.stderr.write(`${binName()}: standard output is closed, so the report was not written (use --output <file>)\n`);
    return true;
  } catch {
    // no /proc: nothing to tell
    return false;
  }
}

function maxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(`--max-warnings expects a whole number ≥ 0, got '${value}'`).inChinese(`--max-warnings 需要不小于 0 的整数，收到 '${value}'`);
  }
  return n;
}

/** Two examples per command, shown at the end of its --help. */
const EXAMPLES: Record<string, Array<[string, string, string]>> = {
  scan: [
    ['scan .', 'every OpenAI use, and per provider what moves, what needs review, what cannot move', '所有 OpenAI 用法，以及各服务商下可迁移、需复核、无法迁移的内容'],
    ['scan src --provider deepseek --format github', 'the findings for DeepSeek as GitHub annotations', '针对 DeepSeek 的发现，输出为 GitHub 注释'],
  ],
  apply: [
    ['apply . --provider qwen --dry-run', 'the diff for Qwen; nothing is written (exit 1 when changes are pending)', '针对通义千问的差异；不写入（有待改动时以 1 退出）'],
    ['apply .', 'pick a provider, then review each file (y/n/a/q/e)', '选择服务商，再逐个文件确认（y/n/a/q/e）'],
  ],
  check: [
    ['check . --provider qwen', 'exit 1 while OpenAI usage or a TODO(migrate) marker is left', '仍有 OpenAI 用法或 TODO(migrate) 标记时以 1 退出'],
    ['check . --provider qwen --format codequality --output gl-code-quality-report.json', 'the same, as a GitLab Code Quality report', '同上，输出为 GitLab 代码质量报告'],
  ],
  cost: [
    ['cost --usage usage.csv', 'every provider ranked by the monthly cost of your OpenAI usage export', '按 OpenAI 用量导出的月费用给所有服务商排名'],
    ['cost . --provider deepseek', 'a static estimate of the call sites in ., with DeepSeek per model', '对 . 中调用点的静态估算，并按模型显示 DeepSeek'],
  ],
  providers: [
    ['providers', 'the providers, their endpoints and models', '服务商及其接口与模型'],
    ['providers qwen', 'one provider in full: regions, models, prices, features, sources', '某个服务商的全部信息：区域、模型、价格、功能、来源'],
  ],
  emulate: [
    ['emulate --provider qwen', 'a local Qwen emulator on a free port; point QWEN_BASE_URL at it', '在空闲端口运行本地通义千问模拟器；把 QWEN_BASE_URL 指向它'],
    ['emulate --provider deepseek --port 8787 --record requests.jsonl', 'on port 8787, every request recorded', '在 8787 端口运行，并记录每个请求'],
  ],
  verify: [
    ['verify . --provider qwen -- npm test', 'your tests against the emulator; exit 1 on a rejected request or a call to OpenAI', '在模拟器下运行你的测试；有请求被拒或访问 OpenAI 时以 1 退出'],
    ['verify . --typecheck', 'the new tsc errors since the last apply, each with its edit', '上次 apply 之后新增的 tsc 错误及对应的修改'],
  ],
  doctor: [
    ['doctor . --provider qwen', 'live check with your key: the endpoint answers, every mapped model chats', '用你的密钥在线检查：接口可达，每个映射的模型可对话'],
    ['doctor . --provider deepseek --probe', 'also probe tools, JSON mode and stream usage', '同时探测工具调用、JSON 模式和流式用量'],
  ],
  undo: [
    ['undo', 'put back every file of the last apply in .', '还原 . 中上一次 apply 改动的所有文件'],
    ['undo --force', 'restore even files edited since the apply', '即使文件在 apply 之后被编辑过也还原'],
  ],
};

/** The terminal width: COLUMNS when set, else the stream's when it is a terminal. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY === true && stream.columns ? stream.columns : undefined;
}

/** Commander's "(choices: …, default: …)" suffix, in Chinese with --lang zh. */
function helpSuffix(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  return text.replace(/ \(((?:choices|default|preset|env): .*)\)$/, (_, inner: string) => `（${inner.replace(/choices: /, '可选：').replace(/default: /, '默认：').replace(/preset: /, '预设：').replace(/env: /, '环境变量：').replace(/, (?=默认|预设|环境变量)/g, '；')}）`);
}

/**
 * Renders a report in the chosen format; text only gets colour when it goes to a terminal. Keys are
 * redacted in every format but the patch, which must still apply.
 */
async function render(report: import('./render/report.js').Report, flags: GlobalFlags, color: boolean, text: (file: string) => string | undefined, width?: number): Promise<string> {
  if (flags.format === 'diff') return report.diff ?? '';
  const { redactSecrets } = await import('./render/redact.js');
  return redactSecrets(await renderReport(report, flags, color, text, width));
}

async function renderReport(full: import('./render/report.js').Report, flags: GlobalFlags, color: boolean, text: (file: string) => string | undefined, width?: number): Promise<string> {
  // --quiet: errors only, in every format but JSON (a contract: it keeps every finding); the counters stay whole.
  const report = flags.quiet && flags.format !== 'json' ? { ...full, findings: full.findings.filter((f) => f.severity === 'error') } : full;
  switch (flags.format) {
    case 'json':
      return (await import('./render/json.js')).renderJson(report);
    // The CI formats are read by people too: their "do" names the command that was run.
    case 'sarif':
      return withBin((await import('./render/sarif.js')).renderSarif(report));
    case 'github':
      return withBin((await import('./render/github.js')).renderGithub(report, flags.verbose, flags.lang));
    case 'markdown':
      return withBin((await import('./render/markdown.js')).renderMarkdown(report, flags.lang));
    case 'codequality':
      return withBin((await import('./render/codequality.js')).renderCodeQuality(report, flags.verbose, flags.lang));
    default: {
      const { renderText, closingLine } = await import('./render/text.js');
      const body = renderText(report, { color, lang: flags.lang, verbose: flags.verbose, quiet: flags.quiet, text, ...(width ? { width } : {}) });
      const end = closingLine(report, flags.lang, color);
      if (!report.diff) return `${body}${end ? `\n${end}` : ''}`;
      const { colorDiff } = await import('./render/diff-color.js');
      return `${body}\n${colorDiff(report.diff, color)}${end ? `\n${end}` : ''}`;
    }
  }
}

async function print(report: import('./render/report.js').Report, flags: GlobalFlags, streams: Streams, text: (file: string) => string | undefined) {
  if (flags.output) {
    const output = await render(report, flags, false, text);
    (await import('./render/output-file.js')).writeReportFile(flags.output, output);
    return;
  }
  streams.stdout.write(await render(report, flags, useColor(flags, streams.stdout), text, terminalWidth(streams.stdout)));
}

/** What an errno means to a person. */
const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
};

function handleError(error: unknown, streams: Streams, lang: Lang): number {
  // Ctrl-C at a prompt: the user's choice, and the prompts all come before any write.
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    streams.stderr.write(lang === 'zh' ? `${binName()}: 已取消，未写入任何文件\n` : `${binName()}: cancelled, nothing written\n`);
    return EXIT.cancelled;
  }
  // The file system refused (a read-only .migrate, a full disk): the environment, not a bug.
  const errno = error as NodeJS.ErrnoException;
  if (error instanceof Error && typeof errno.code === 'string' && typeof errno.path === 'string' && ERRNO_TEXT[errno.code]) {
    const what = errno.syscall ? `${errno.syscall} ` : '';
    streams.stderr.write(`${binName()}: cannot ${what}${errno.path}: ${ERRNO_TEXT[errno.code]} (${errno.code})\n`);
    return EXIT.error;
  }
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.error;
  }
  if (error instanceof BanjiaError) {
    const code = error instanceof InterruptedError ? error.exitCode : EXIT.error;
    const zh = lang === 'zh' && error.zh;
    streams.stderr.write(`${binName()}: ${withBin(zh ? error.zh!.message : error.message)}\n`);
    const hint = zh ? (error.zh!.hint ?? error.hint) : error.hint;
    if (hint) streams.stderr.write(`  ${zh ? '提示' : 'hint'}: ${withBin(hint)}\n`);
    return code;
  }
  const message = error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error);
  streams.stderr.write(`${binName()}: internal error: ${message}\n  please report it with the command you ran\n`);
  return EXIT.error;
}
