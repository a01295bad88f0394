/**
 * The command line. This file only parses flags, calls the typed command functions, prints, and
 * maps outcomes to exit codes: 0 nothing to do, 1 work pending or findings over the threshold,
 * 2 usage, config or internal error.
 */
import { Command, CommanderError, Option } from 'commander';
import { BanjiaError } from './core/errors.js';
import type { Lang } from './core/text.js';
import type { Severity } from './core/types.js';
import { VERSION } from './version.js';

export const EXIT = { ok: 0, pending: 1, error: 2 } as const;

interface GlobalFlags {
  format: string;
  output?: string;
  lang: Lang;
  color: boolean;
  verbose: boolean;
}

interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
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

function commonOptions(command: Command): Command {
  return command
    .addOption(new Option('--provider <id>', 'target provider (see `migrate providers`)'))
    .addOption(new Option('--region <id>', 'provider region (default: the provider’s mainland endpoint)'))
    .addOption(new Option('--model-map <pairs...>', 'override model mapping, e.g. gpt-4o=qwen-max (repeatable, comma-separated)'))
    .addOption(new Option('--no-type-check', 'never consult the type checker (syntax-only binding)'))
    .addOption(new Option('--config <file>', 'config file (default: migrate.config.* or package.json "migrate", searched upwards)'))
    .addOption(new Option('--base-url <url>', 'endpoint of the custom provider (any OpenAI-compatible server)'))
    .addOption(new Option('--api-key-env <name>', 'env var holding the custom provider’s key'))
    .addOption(new Option('--prices <file>', 'take prices from a LiteLLM model_prices_and_context_window.json'));
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

export async function run(argv: string[], streams: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command();
  const write = (text: string) => streams.stdout.write(text);
  program
    .name('migrate')
    .description('banjia (搬家): move a JS/TS codebase off the OpenAI API onto a Chinese LLM provider')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'markdown', 'diff']).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of messages for people').choices(['en', 'zh']).default(defaultLang()))
    .option('--no-color', 'disable colour')
    .option('--verbose', 'show details and code frames for every finding', false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    });

  commonOptions(
    program
      .command('scan')
      .description('find every OpenAI use and say, per provider, what moves, what needs review and what cannot move')
      .argument('[path]', 'project folder or file', '.')
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding has this severity or worse (default: none, or the config’s failOn)').choices(['error', 'warning', 'info', 'none'])),
  ).action(async (path: string, options) => {
    const flags = program.opts<GlobalFlags>();
    const { scan } = await import('./commands/scan.js');
    const result = await scan({ ...analysisOptions(path, options), progress: progressReporter(streams, flags.lang) });
    await print(result.report, flags, streams, (file) => result.detected.workspace.text(file));
    const failOn = options.failOn ?? result.config.config.failOn ?? 'none';
    if (overThreshold(result.report.findings.map((f) => f.severity), failOn)) exitCode = EXIT.pending;
  });

  commonOptions(
    program
      .command('apply')
      .description('rewrite the code for a provider with minimal edits; shows the diff and asks before writing')
      .argument('[path]', 'project folder or file', '.')
      .option('--dry-run', 'write nothing; exit 1 when changes are pending (the CI check)', false)
      .option('--include-review', 'also make the review-level edits (behaviour changes beyond the provider swap)', false)
      .option('--include-env-files', 'also write real env files (.env, .env.local); example files are always written', false)
      .option('--annotate', 'add a // TODO(migrate) line before each statement that needs manual work', false)
      .option('-y, --yes', 'do not ask before writing', false)
      .option('--force', 'write even when the git tree has uncommitted changes', false),
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
        progress: progressReporter(streams, flags.lang),
      },
      {
        interactive,
        confirm: async (message) => (prompts ? prompts.confirm(message) : false),
        notice: (message) => streams.stderr.write(`${message[flags.lang]}\n`),
        ...(prompts ? { pickProvider: prompts.pickProvider, reviewFile: prompts.reviewFile } : {}),
      },
    );
    await print(outcome.report, flags, streams, (file) => outcome.detected.workspace.text(file));
    if (outcome.pending) exitCode = EXIT.pending;
  });

  commonOptions(
    program
      .command('check')
      .description('the CI gate: exit 1 when apply would change anything, OpenAI usage remains, or a TODO(migrate) marker is left')
      .argument('[path]', 'project folder or file', '.'),
  ).action(async (path: string, options) => {
    const flags = program.opts<GlobalFlags>();
    const { check } = await import('./commands/check.js');
    const outcome = await check(analysisOptions(path, options));
    await print(outcome.report, flags, streams, (file) => outcome.detected.workspace.text(file));
    if (outcome.problems.length) exitCode = EXIT.pending;
  });

  program
    .command('cost')
    .description('rank every provider by monthly cost: your OpenAI usage export (--usage), or a static estimate of the code at path')
    .argument('[path]', 'project folder to estimate (without --usage), or where to find the config', '.')
    .option('--usage <file>', 'OpenAI usage: Usage API JSON, a dashboard CSV export, or CSV/JSON of model,input_tokens,output_tokens[,cached_tokens][,requests]')
    .option('--provider <id>', 'also show this provider per model')
    .option('--fx <rate>', 'CNY per USD (default: the catalogue’s, with its date)')
    .option('--token-ratio <ratio>', 'target tokens per OpenAI token: 0.8, or per provider qwen=0.75,deepseek=0.75')
    .option('--peak-share <share>', 'share of traffic in peak hours (0..1) where the usage has no hourly buckets')
    .option('--calls-per-month <n>', 'static estimate: calls per month of each call site (default 1000)')
    .option('--period-days <days>', 'the usage covers this many days (default: from its timestamps)')
    .addOption(new Option('--prompt-lang <lang>', 'language of most prompts, for token re-basing (default: en; static: from the prompt text)').choices(['en', 'zh']))
    .option('--model-map <pairs...>', 'override model mapping for --provider, e.g. gpt-4o=qwen-plus')
    .option('--config <file>', 'config file')
    .option('--prices <file>', 'take prices from a LiteLLM model_prices_and_context_window.json')
    .option('--no-type-check', 'never consult the type checker (static estimate)')
    .action(async (path: string, options) => {
      const flags = program.opts<GlobalFlags>();
      const [{ cost }, { renderCostReport, renderCostJson }] = await Promise.all([import('./commands/cost.js'), import('./render/cost-report.js')]);
      const outcome = await cost({ path, format: flags.format, ...options });
      const color = !flags.output && useColor(flags, streams.stdout);
      const width = (streams.stdout as { columns?: number }).columns;
      const text = flags.format === 'json' ? renderCostJson(outcome) : renderCostReport(outcome, { color, lang: flags.lang, ...(width ? { width } : {}) });
      if (!flags.output) return void streams.stdout.write(text);
      const { writeFileSync, renameSync } = await import('node:fs');
      writeFileSync(`${flags.output}.${process.pid}.tmp`, text);
      renameSync(`${flags.output}.${process.pid}.tmp`, flags.output);
    });

  program
    .command('providers')
    .description('list the providers, or show one with its models, prices, features and sources')
    .argument('[id]', 'provider id')
    .option('--config <file>', 'config file whose overrides to show')
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
      const list = providers(id);
      const color = useColor(flags, streams.stdout);
      if (flags.format === 'json') write(render.renderProvidersJson(list, id !== undefined));
      else write(id ? render.renderProviderDetail(list[0], { color, lang: flags.lang }) : render.renderProviderList(list, { color, lang: flags.lang }));
    });

  program
    .command('undo')
    .description('put back every file of the last apply, byte for byte')
    .argument('[path]', 'project folder', '.')
    .option('--force', 'restore even files edited since the apply', false)
    .action(async (path: string, options) => {
      const { undo } = await import('./commands/undo.js');
      const result = undo({ path, force: options.force });
      if (!result) {
        streams.stdout.write('Nothing to undo.\n');
        return;
      }
      streams.stdout.write(`Restored ${result.restored.length} file(s):\n${result.restored.map((f) => `  ${f}\n`).join('')}`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, streams, program.opts<GlobalFlags>().lang ?? defaultLang());
  }
}

/** Renders a report in the chosen format; text only gets colour when it goes to a terminal. */
async function render(report: import('./render/report.js').Report, flags: GlobalFlags, color: boolean, text: (file: string) => string | undefined): Promise<string> {
  switch (flags.format) {
    case 'json':
      return (await import('./render/json.js')).renderJson(report);
    case 'diff':
      return report.diff ?? '';
    case 'sarif':
      return (await import('./render/sarif.js')).renderSarif(report);
    case 'github':
      return (await import('./render/github.js')).renderGithub(report, flags.verbose);
    case 'markdown':
      return (await import('./render/markdown.js')).renderMarkdown(report);
    default: {
      const { renderText } = await import('./render/text.js');
      const body = renderText(report, { color, lang: flags.lang, verbose: flags.verbose, text });
      if (!report.diff) return body;
      const { colorDiff } = await import('./render/diff-color.js');
      return `${body}\n${colorDiff(report.diff, color)}`;
    }
  }
}

async function print(report: import('./render/report.js').Report, flags: GlobalFlags, streams: Streams, text: (file: string) => string | undefined) {
  if (flags.output) {
    const output = await render(report, flags, false, text);
    const { writeFileSync, renameSync } = await import('node:fs');
    const temp = `${flags.output}.${process.pid}.tmp`;
    writeFileSync(temp, output);
    renameSync(temp, flags.output);
    return;
  }
  streams.stdout.write(await render(report, flags, useColor(flags, streams.stdout), text));
}

function handleError(error: unknown, streams: Streams, lang: Lang): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.error;
  }
  if (error instanceof BanjiaError) {
    const zh = lang === 'zh' && error.zh;
    streams.stderr.write(`migrate: ${zh ? error.zh!.message : error.message}\n`);
    const hint = zh ? (error.zh!.hint ?? error.hint) : error.hint;
    if (hint) streams.stderr.write(`  ${zh ? '提示' : 'hint'}: ${hint}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error);
  streams.stderr.write(`migrate: internal error: ${message}\n  please report it with the command you ran\n`);
  return EXIT.error;
}
