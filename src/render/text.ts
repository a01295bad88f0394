/**
 * The human report: what cannot move first, then findings grouped by file with code frames, the
 * per-file counters, the readiness matrix and a short cost line. Pure function of the report.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../core/types.js';
import type { Lang } from '../core/text.js';
import type { Report } from './report.js';
import { codeFrame } from './codeframe.js';
import { formatMoney } from './format.js';
import { noticeLines } from './notices.js';
import { COST_LABELS, renderCostShort } from './cost.js';
import { withBin } from '../core/bin.js';

export interface TextOptions {
  color: boolean;
  lang: Lang;
  /** Show code frames for info findings too. */
  verbose: boolean;
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

function localized(finding: Finding, lang: Lang) {
  if (lang === 'zh' && finding.zh) return finding.zh;
  return { message: finding.message, reason: finding.reason, action: finding.action };
}

function findingLines(finding: Finding, options: TextOptions, chalk: ChalkInstance, withFrame: boolean): string[] {
  const L = LABELS[options.lang];
  const text = localized(finding, options.lang);
  const lines = [`  ${chalk.dim(`${finding.line}:${finding.column}`.padEnd(8))}${severityBadge(chalk, finding.severity, options.lang)} ${text.message}  ${chalk.dim(finding.ruleId)}`];
  if (finding.severity !== 'info' || options.verbose) {
    lines.push(`          ${chalk.dim(`${L.why}:`)} ${text.reason}`);
    if (text.action) lines.push(`          ${chalk.dim(`${L.todo}:`)} ${text.action}${finding.docs ? chalk.dim(` (${finding.docs})`) : ''}`);
  }
  if (finding.fix && (finding.severity !== 'info' || options.verbose)) {
    lines.push(`          ${chalk.dim(`${L.fix}:`)} ${finding.fix.description} ${chalk.dim(`[${finding.fix.safety}]`)}`);
  }
  if (withFrame) {
    const source = options.text(finding.file);
    if (source !== undefined) lines.push(...codeFrame(source, finding, chalk).map((l) => `          ${l}`));
  }
  return lines;
}

export function renderText(report: Report, options: TextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const L = LABELS[options.lang];
  const out: string[] = [];
  const targetText = report.target ? ` → ${options.lang === 'zh' ? report.target.name.zh : report.target.name.en} (${report.target.provider}, ${report.target.region})` : '';
  out.push(chalk.bold(`banjia ${report.command}${report.dryRun ? ' --dry-run' : ''}: ${report.root}${targetText}`), '');
  const notices = noticeLines(report.findings, options.today ?? new Date(), options.lang, chalk);
  if (notices.length) out.push(...notices, '');

  if (!report.findings.length) out.push(report.command === 'check' ? L.clean : L.noFindings, '');

  const manual = report.findings.filter((f) => f.readiness === 'manual');
  if (manual.length) {
    out.push(chalk.red.bold(`✖ ${L.cannotMove} (${manual.length})`));
    for (const finding of manual) out.push(`  ${finding.file}:${finding.line}:${finding.column}  ${localized(finding, options.lang).message}  ${chalk.dim(finding.ruleId)}`);
    out.push('');
  }

  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(chalk.underline(file));
    for (const finding of findings.sort((a, b) => a.start - b.start)) {
      const withFrame = finding.severity !== 'info' || options.verbose;
      out.push(...findingLines(finding, options, chalk, withFrame));
    }
    out.push('');
  }

  const s = report.summary;
  const changedLabel = report.command === 'apply' && !report.dryRun ? L.changed : L.wouldChange;
  out.push(
    `${chalk.bold(L.files)}: ${s.listed} ${L.scanned}, ${s.candidates} ${L.candidates} · ${chalk.green(`${s.changed} ${changedLabel}`)}, ${s.unchanged} ${L.unchanged}, ${s.skipped} ${L.skipped}, ${s.errored ? chalk.red(`${s.errored} ${L.errored}`) : `0 ${L.errored}`}`,
  );
  for (const outcome of report.files.filter((f) => f.status === 'errored')) out.push(chalk.red(`  ${outcome.file}: ${outcome.reason ?? ''}`));
  out.push(
    `${chalk.bold(L.sites)}: ${chalk.green(`${s.sites.auto} ${L.auto}`)}, ${chalk.yellow(`${s.sites.review} ${L.review}`)}, ${s.sites.manual ? chalk.red(`${s.sites.manual} ${L.manual}`) : `0 ${L.manual}`}`,
  );
  if (s.typeChecked.asked) out.push(chalk.dim(`${L.typeChecked}: ${s.typeChecked.bound}/${s.typeChecked.asked}`));

  if (report.readiness) {
    out.push('', chalk.bold(L.readiness));
    const width = Math.max(...report.readiness.map((r) => r.provider.length));
    for (const row of report.readiness) {
      const cost = row.monthlyCost ? `${formatMoney(row.monthlyCost.amount, row.monthlyCost.currency)}${row.monthlyCost.complete ? '' : L.partial}` : '–';
      out.push(`  ${row.provider.padEnd(width)}  ${String(row.auto).padStart(3)} / ${String(row.review).padStart(3)} / ${String(row.manual).padStart(3)}   ${cost}`);
    }
  }

  out.push('', costLine(report, options.lang, chalk));
  if (report.command === 'scan' && !report.target && report.findings.length) out.push('', `${chalk.bold(L.next)}: ${L.scanNext}`);
  return withBin(`${out.join('\n')}\n`);
}

/** The short cost line of scan and apply: the same engine and figures as `migrate cost`. */
function costLine(report: Report, lang: Lang, chalk: ChalkInstance): string {
  const L = LABELS[lang];
  const e = report.estimate;
  const a = e.assumptions;
  // renderCostShort names what it shows ("Cost on …", "Cheapest: …"), so it needs no label of its own.
  const figure = e.pricedSites ? renderCostShort(e.breakdown, e.provider?.id, COST_LABELS[lang]) : `${L.cost}: ${L.noPriced}`;
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
  return `${chalk.bold(figure)}\n  ${chalk.dim(`${L.assumptions}: ${parts.join(lang === 'zh' ? '；' : '; ')}`)}`;
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
  const parts = [chalk.bold(L.wrote(report.written.length)) + (report.written.length ? ` (${L.undoHint})` : '')];
  if (report.notWritten?.length) parts.push(chalk.yellow(L.notWritten(report.notWritten.length)));
  return withBin(`${parts.join(sep)}\n`);
}
