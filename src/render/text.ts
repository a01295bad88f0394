/**
 * The human report: what cannot move first, then findings grouped by file with code frames, the
 * per-file counters, the readiness matrix and a short cost line. Pure function of the report.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Fix, Severity } from '../core/types.js';
import type { Lang } from '../core/text.js';
import type { Report } from './report.js';
import { codeFrame } from './codeframe.js';
import { formatMoney } from './format.js';
import { noticeLines } from './notices.js';
import { COST_LABELS, renderCostShort } from './cost.js';
import { withBin } from '../core/bin.js';
import { wrapLine } from './wrap.js';
import { renderApplyVerify } from './apply-verify.js';
import { siteFacts } from './sites.js';

export interface TextOptions {
  color: boolean;
  lang: Lang;
  /** Show info findings too, and every location of a group. */
  verbose: boolean;
  /** Errors only (the findings were filtered before); the tally says what is not shown. */
  quiet?: boolean;
  /** Wrap prose at this many columns (the terminal's, or COLUMNS); never inside a word. */
  width?: number;
  /** Reads a file's text for code frames. */
  text(file: string): string | undefined;
  /** The day the notices are judged against (default: the clock). */
  today?: string | Date;
}

const LABELS = {
  en: {
    cannotMove: 'Cannot move',
    needsReview: 'needs review',
    why: 'why',
    todo: 'do',
    fix: 'fix',
    files: 'Files',
    scanned: 'listed',
    candidates: 'mention OpenAI',
    changed: 'changed',
    wouldChange: 'would change',
    unchanged: 'unchanged',
    skipped: 'skipped',
    errored: 'errored',
    sites: 'Call sites',
    auto: 'move automatically',
    review: 'need review',
    manual: 'cannot move',
    readiness: 'Readiness by provider (call sites: auto / review / cannot move, est. monthly cost)',
    cost: 'Cost',
    noFindings: 'No OpenAI usage found.',
    clean: 'Nothing left to migrate.',
    assumptions: 'assumptions',
    perSite: 'calls/month per call site',
    tokens: (input: number, output: number) => `prompt = literal text (+ ${input} tokens where run-time content is added), output = max_tokens or ${output} tokens per call; no cache hits`,
    prompts: (zh: boolean) => (zh ? 'Chinese prompts' : 'English prompts'),
    peakShare: (percent: number) => `${percent}% of DeepSeek-style traffic at peak prices`,
    fxDefault: (asOf: string) => `default, ${asOf}`,
    unpriced: 'call site(s) not priced (no static model, or not billed per token)',
    noPriced: 'no call site with a static model to price',
    partial: ' (partial)',
    fullCost: 'full breakdown: npx migrate cost <path>',
    typeChecked: 'receivers bound by the type checker',
    next: 'Next',
    summary: 'Summary',
    checkLeft: (n: number) => `Left to do: ${n} problem${n === 1 ? '' : 's'} (check exits 1 until there are none)`,
    findings: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
    details: 'Findings',
    at: 'at',
    needsReviewTitle: 'Needs review',
    moreBelow: (n: number) => `… and ${n} more (see Findings below)`,
    dependsOnProvider: (range: string, best: string, auto: number, review: number, manual: number) =>
      `how many move depends on the provider: ${range} cannot move (best: ${best}, ${auto} auto / ${review} review / ${manual} cannot move; table below)`,
    priced: (k: number, n: number) => `; priced: ${k} of ${n} call sites.`,
    tally: (errors: number, warnings: number, info: number, infoHidden: boolean, quiet: boolean) =>
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${quiet && warnings ? ' (not shown: --quiet)' : ''}, ${info} info${infoHidden && info ? ' (not shown: --verbose shows them)' : ''}`,
    scanNextNothing: (id: string) => `apply would change nothing for ${id}; compare the providers: npx migrate scan <path>`,
    scanNextTarget: (id: string) => `npx migrate apply <path> --provider ${id} --dry-run (the diff, nothing written), then without --dry-run`,
    wrote: (n: number) => `wrote ${n} file${n === 1 ? '' : 's'}`,
    undoHint: 'undo: npx migrate undo',
    notWritten: (n: number) => `${n} file${n === 1 ? '' : 's'} not written (skipped or left at the prompt)`,
    nothingToWrite: 'nothing to write',
    dryRunEnd: (n: number) => `dry run: nothing written; ${n} file${n === 1 ? '' : 's'} would change`,
    scanNext: 'pick a provider: npx migrate scan <path> --provider <id>, then npx migrate apply <path> --provider <id> --dry-run',
  },
  zh: {
    cannotMove: '无法迁移',
    needsReview: '需要复核',
    why: '原因',
    todo: '建议',
    fix: '修改',
    files: '文件',
    scanned: '已列出',
    candidates: '涉及 OpenAI',
    changed: '已修改',
    wouldChange: '将修改',
    unchanged: '无需修改',
    skipped: '已跳过',
    errored: '出错',
    sites: '调用点',
    auto: '可自动迁移',
    review: '需复核',
    manual: '无法迁移',
    readiness: '各服务商就绪度（调用点：自动 / 复核 / 无法迁移，预估月费用）',
    cost: '费用',
    noFindings: '未发现 OpenAI 用法。',
    clean: '没有需要迁移的内容了。',
    assumptions: '假设',
    perSite: '次调用/月/调用点',
    tokens: (input: number, output: number) => `每次调用输入 = 字面文本（含运行时内容时 + ${input} token），输出 = max_tokens 或 ${output} token；不计缓存命中`,
    prompts: (zh: boolean) => (zh ? '中文提示' : '英文提示'),
    peakShare: (percent: number) => `分时计价的服务商按 ${percent}% 流量在高峰时段`,
    fxDefault: (asOf: string) => `默认值，${asOf}`,
    unpriced: '个调用点未计价（模型名非静态，或不按 token 计费）',
    noPriced: '没有模型名可静态确定的调用点可计价',
    partial: '（部分）',
    fullCost: '完整明细：npx migrate cost <路径>',
    typeChecked: '由类型检查确认的接收者',
    next: '下一步',
    summary: '摘要',
    checkLeft: (n: number) => `待处理：${n} 个问题（在全部解决前 check 以 1 退出）`,
    findings: (n: number) => `${n} 条发现`,
    details: '发现',
    at: '位置',
    needsReviewTitle: '需要复核',
    moreBelow: (n: number) => `… 另有 ${n} 项（见下方“发现”）`,
    dependsOnProvider: (range: string, best: string, auto: number, review: number, manual: number) =>
      `能迁移多少取决于服务商：${range} 个无法迁移（最佳：${best}，自动 ${auto} / 复核 ${review} / 无法迁移 ${manual}；见下表）`,
    priced: (k: number, n: number) => `；已计价：${n} 个调用点中的 ${k} 个。`,
    tally: (errors: number, warnings: number, info: number, infoHidden: boolean, quiet: boolean) =>
      `${errors} 个错误，${warnings} 个警告${quiet && warnings ? '（未显示：--quiet）' : ''}，${info} 条信息${infoHidden && info ? '（未显示：--verbose 可显示）' : ''}`,
    scanNextNothing: (id: string) => `对 ${id} 而言 apply 不会做任何修改；比较各服务商：npx migrate scan <路径>`,
    scanNextTarget: (id: string) => `npx migrate apply <路径> --provider ${id} --dry-run（查看差异，不写入），然后去掉 --dry-run`,
    wrote: (n: number) => `已写入 ${n} 个文件`,
    undoHint: '撤销：npx migrate undo',
    notWritten: (n: number) => `${n} 个文件未写入（在提示中跳过或未处理）`,
    nothingToWrite: '没有需要写入的内容',
    dryRunEnd: (n: number) => `试运行：未写入任何文件；${n} 个文件将被修改`,
    scanNext: '选择服务商：npx migrate scan <路径> --provider <id>，然后 npx migrate apply <路径> --provider <id> --dry-run',
  },
} as const;

function severityBadge(chalk: ChalkInstance, severity: Severity, lang: Lang): string {
  const text = lang === 'zh' ? { error: '错误', warning: '警告', info: '信息' }[severity] : severity;
  if (severity === 'error') return chalk.red(text.padEnd(7));
  if (severity === 'warning') return chalk.yellow(text.padEnd(7));
  return chalk.dim(text.padEnd(7));
}

/** A finding's message, reason and action in the reader's language (English where no Chinese exists). */
/** A fix's description in the reader's language (English where no Chinese was written). */
export function fixText(fix: Fix, lang: Lang): string {
  return (lang === 'zh' && fix.zh) || fix.description;
}

export function localized(finding: Finding, lang: Lang) {
  if (lang === 'zh' && finding.zh) return finding.zh;
  return { message: finding.message, reason: finding.reason, action: finding.action };
}

/** Identical findings (same rule, severity and texts) are one group with every location. */
export interface FindingGroup {
  first: Finding;
  all: Finding[];
}

export function groupFindings(findings: Finding[], lang: Lang): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)) {
    const text = localized(finding, lang);
    const key = [finding.ruleId, finding.severity, finding.readiness, text.message, text.reason, text.action ?? '', finding.fix ? fixText(finding.fix, lang) : ''].join('\0');
    const group = groups.get(key);
    if (group) group.all.push(finding);
    else groups.set(key, { first: finding, all: [finding] });
  }
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.first.severity] - SEVERITY_ORDER[b.first.severity] || a.first.file.localeCompare(b.first.file) || a.first.start - b.first.start);
}

/** The fix labels in Chinese (--lang zh). */
const SAFETY_ZH: Record<string, string> = { safe: '安全', review: '需复核', unsafe: '不安全', suggestion: '建议' };

/** A fix's safety label in the reader's language. */
export function safetyText(safety: string, lang: Lang): string {
  return lang === 'zh' ? (SAFETY_ZH[safety] ?? safety) : safety;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const where = (f: Finding) => `${f.file}:${f.line}:${f.column}`;

/** `file:line:col` of a group, the first few and how many more. */
function locations(group: FindingGroup, max: number, lang: Lang): string {
  const shown = group.all.slice(0, max).map(where).join(', ');
  const more = group.all.length - max;
  return more > 0 ? `${shown}${lang === 'zh' ? ` 等另外 ${more} 处` : ` and ${more} more`}` : shown;
}

function groupLines(group: FindingGroup, options: TextOptions, chalk: ChalkInstance): string[] {
  const L = LABELS[options.lang];
  const { first, all } = group;
  const text = localized(first, options.lang);
  const count = all.length > 1 ? chalk.bold(` ×${all.length}`) : '';
  const lines = [`${severityBadge(chalk, first.severity, options.lang)} ${text.message}${count}  ${chalk.dim(first.ruleId)}`];
  const pad = '        ';
  const w = options.width;
  const indent = `${pad}  `;
  lines.push(...wrapLine(`${pad}${chalk.dim(`${L.at}:`)} `, locations(group, options.verbose ? all.length : 8, options.lang), w, indent));
  lines.push(...wrapLine(`${pad}${chalk.dim(`${L.why}:`)} `, text.reason, w, indent));
  if (text.action) lines.push(...wrapLine(`${pad}${chalk.dim(`${L.todo}:`)} `, `${text.action}${first.docs ? ` (${first.docs})` : ''}`, w, indent));
  if (first.fix) lines.push(...wrapLine(`${pad}${chalk.dim(`${L.fix}:`)} `, `${fixText(first.fix, options.lang)} [${options.lang === 'zh' ? (SAFETY_ZH[first.fix.safety] ?? first.fix.safety) : first.fix.safety}]`, w, indent));
  if (first.severity !== 'info' || options.verbose) {
    const source = options.text(first.file);
    if (source !== undefined) lines.push(...codeFrame(source, first, chalk).map((l) => `${pad}${l}`));
  }
  return lines;
}

/** One line per group in the summary: the message, how many, where. */
function summaryItem(group: FindingGroup, lang: Lang, chalk: ChalkInstance): string {
  const text = localized(group.first, lang);
  const count = group.all.length > 1 ? ` ×${group.all.length}` : '';
  return `    ${text.message}${count}  ${chalk.dim(locations(group, 2, lang))}`;
}

const SUMMARY_ITEMS = 5;

export function renderText(report: Report, options: TextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const L = LABELS[options.lang];
  const lang = options.lang;
  const out: string[] = [];
  const targetText = report.target ? ` → ${lang === 'zh' ? report.target.name.zh : report.target.name.en} (${report.target.provider}, ${report.target.region})` : '';
  out.push(chalk.bold(`banjia ${report.command}${report.dryRun ? ' --dry-run' : ''}: ${report.root}${targetText}`), '');
  const notices = noticeLines(report.findings, options.today ?? new Date(), lang, chalk);
  if (notices.length) out.push(...notices, '');

  const s = report.summary;
  const found = s.severities.error + s.severities.warning + s.severities.info > 0;
  if (!found) out.push(report.command === 'check' ? L.clean : L.noFindings, '');

  // Summary first: what cannot move, what needs review, the cost and the next step, in one screen.
  const groups = groupFindings(report.findings, lang);
  if (found) out.push(...summaryLines(report, lang, chalk, groups), '');

  // The details: each group once, with its locations; info findings only with --verbose.
  const shown = groups.filter((g) => g.first.severity !== 'info' || options.verbose);
  if (shown.length) {
    out.push(chalk.bold(L.details), '');
    for (const group of shown) out.push(...groupLines(group, options, chalk), '');
  }

  const changedLabel = report.command === 'apply' && !report.dryRun ? L.changed : L.wouldChange;
  out.push(
    `${chalk.bold(L.files)}: ${s.listed} ${L.scanned}, ${s.candidates} ${L.candidates} · ${chalk.green(`${s.changed} ${changedLabel}`)}, ${s.unchanged} ${L.unchanged}, ${s.skipped} ${L.skipped}, ${s.errored ? chalk.red(`${s.errored} ${L.errored}`) : `0 ${L.errored}`}`,
  );
  for (const outcome of report.files.filter((f) => f.status === 'errored')) out.push(chalk.red(`  ${outcome.file}: ${outcome.reason ?? ''}`));
  if (s.typeChecked.asked) out.push(chalk.dim(`${L.typeChecked}: ${s.typeChecked.bound}/${s.typeChecked.asked}`));

  if (report.readiness) {
    out.push('', chalk.bold(L.readiness));
    const width = Math.max(...report.readiness.map((r) => r.provider.length));
    for (const row of report.readiness) {
      const cost = row.monthlyCost ? `${formatMoney(row.monthlyCost.amount, row.monthlyCost.currency)}${row.monthlyCost.complete ? '' : L.partial}` : '–';
      out.push(`  ${row.provider.padEnd(width)}  ${String(row.auto).padStart(3)} / ${String(row.review).padStart(3)} / ${String(row.manual).padStart(3)}   ${cost}`);
    }
  }

  out.push('', ...wrapLine('', costAssumptions(report, lang, chalk), options.width, '  '));
  if (found) out.push('', tallyLine(report, options, chalk));
  return withBin(`${out.join('\n')}\n`);
}

/** The summary block (also shown before the first prompt of an interactive apply). */
export function summaryLines(report: Report, lang: Lang, chalk: ChalkInstance, groups = groupFindings(report.findings, lang), withNext = true): string[] {
  const L = LABELS[lang];
  const out: string[] = [];
  const manual = groups.filter((g) => g.first.readiness === 'manual');
  const review = groups.filter((g) => g.first.readiness !== 'manual' && g.first.severity !== 'info');
  out.push(chalk.bold(L.summary));
  out.push(`  ${sitesLine(report, lang, chalk)}`);
  for (const [title, list, paint] of [
    [L.cannotMove, manual, chalk.red.bold],
    [L.needsReviewTitle, review, chalk.yellow.bold],
  ] as const) {
    if (!list.length) continue;
    const total = list.reduce((n, g) => n + g.all.length, 0);
    out.push(`  ${paint(`${title === L.cannotMove ? '✖' : '⚠'} ${title} (${L.findings(total)})`)}`);
    for (const group of list.slice(0, SUMMARY_ITEMS)) out.push(summaryItem(group, lang, chalk));
    if (list.length > SUMMARY_ITEMS) out.push(chalk.dim(`    ${L.moreBelow(list.length - SUMMARY_ITEMS)}`));
  }
  out.push(`  ${costHeadline(report, lang, chalk)}`);
  const next = withNext ? nextStep(report, lang) : undefined;
  if (next) out.push(`  ${chalk.bold(L.next)}: ${next}`);
  return out.map(withBin);
}

/**
 * The call-site line. With a target: auto / review / cannot move. Without one, how many move
 * depends on the provider, so it gives the range over the providers instead of a bare 0.
 */
function sitesLine(report: Report, lang: Lang, chalk: ChalkInstance): string {
  const L = LABELS[lang];
  const s = siteFacts(report);
  // check reports problems, not call sites: a count of call sites there would read as "nothing left".
  if (report.command === 'check') return chalk.bold(L.checkLeft(report.summary.severities.error + report.summary.severities.warning + report.summary.severities.info));
  if (s.range !== undefined) return `${chalk.bold(L.sites)}: ${s.total} · ${L.dependsOnProvider(s.range, s.provider ?? '', s.auto, s.review, s.manual)}`;
  return `${chalk.bold(L.sites)}: ${s.total} · ${chalk.green(`${s.auto} ${L.auto}`)}, ${chalk.yellow(`${s.review} ${L.review}`)}, ${s.manual ? chalk.red(`${s.manual} ${L.manual}`) : `0 ${L.manual}`}`;
}

/** What to run next, with the command the user ran. */
function nextStep(report: Report, lang: Lang): string | undefined {
  const L = LABELS[lang];
  if (report.command === 'scan' && !report.target) return L.scanNext;
  if (report.command === 'scan' && report.target) return report.summary.changed ? L.scanNextTarget(report.target.provider) : L.scanNextNothing(report.target.provider);
  return undefined;
}

/** The closing one-line tally, as ESLint's: errors, warnings, and the info findings hidden. */
export function tallyLine(report: Report, options: Pick<TextOptions, 'lang' | 'verbose'> & { quiet?: boolean }, chalk: ChalkInstance): string {
  const L = LABELS[options.lang];
  const v = report.summary.severities;
  const mark = v.error ? chalk.red('✖') : v.warning ? chalk.yellow('⚠') : chalk.green('✔');
  return `${mark} ${L.tally(v.error, v.warning, v.info, !options.verbose, options.quiet === true)}`;
}

/** The cost headline of the summary: the same engine and figures as `migrate cost`, with how many call sites were priced. */
function costHeadline(report: Report, lang: Lang, chalk: ChalkInstance): string {
  const L = LABELS[lang];
  const e = report.estimate;
  const figure = e.pricedSites ? renderCostShort(e.breakdown, e.provider?.id, COST_LABELS[lang]) : `${L.cost}: ${L.noPriced}`;
  return e.pricedSites ? `${chalk.bold(figure.replace(/[.。]$/, ''))}${L.priced(e.pricedSites, e.pricedSites + e.unpricedSites)}` : chalk.bold(figure);
}

/** The assumptions behind the cost headline, at the end of the report. */
function costAssumptions(report: Report, lang: Lang, chalk: ChalkInstance): string {
  const L = LABELS[lang];
  const e = report.estimate;
  const a = e.assumptions;
  const fx = e.breakdown.fx;
  const peak = e.breakdown.assumptions.find((x) => x.id === 'peakShare')?.value;
  const parts = [
    `${a.callsPerMonth.toLocaleString('en-US')} ${L.perSite}`,
    L.tokens(a.defaultInputTokens, a.defaultOutputTokens),
    L.prompts(a.promptLanguage === 'zh'),
    ...(typeof peak === 'number' ? [L.peakShare(Math.round(peak * 1000) / 10)] : []),
    `¥${fx.cnyPerUsd} = $1${fx.isDefault && fx.asOf ? ` (${L.fxDefault(fx.asOf)})` : ''}`,
    ...(e.unpricedSites ? [`${e.unpricedSites} ${L.unpriced}`] : []),
    L.fullCost,
  ];
  return chalk.dim(`${lang === 'zh' ? `${L.cost}${L.assumptions}：` : `${L.cost} ${L.assumptions}: `}${parts.join(lang === 'zh' ? '；' : '; ')}`);
}

/**
 * The last line of an apply, after the diff: what was written, with the undo command, or that
 * nothing was. Empty for scan and check.
 */
export function closingLine(report: Report, lang: Lang, color: boolean): string {
  if (report.command !== 'apply') return '';
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const L = LABELS[lang];
  const sep = lang === 'zh' ? '；' : '; ';
  if (report.dryRun) return report.summary.changed ? `${chalk.bold(L.dryRunEnd(report.summary.changed))}\n` : `${L.nothingToWrite}\n`;
  if (report.written === undefined) return `${L.nothingToWrite}\n`;
  // apply --verify: the type check comes first; a rolled-back apply wrote nothing that stays.
  const verify = report.verify ? renderApplyVerify(report.verify, lang) : '';
  if (report.verify?.rolledBack) return withBin(verify);
  const parts = [chalk.bold(L.wrote(report.written.length)) + (report.written.length ? ` (${L.undoHint})` : '')];
  if (report.notWritten?.length) parts.push(chalk.yellow(L.notWritten(report.notWritten.length)));
  return withBin(`${verify}${parts.join(sep)}\n`);
}
