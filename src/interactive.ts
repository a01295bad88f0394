/**
 * The prompts of an interactive apply: the provider picker (inquirer), a summary before the first
 * file, and the per-file review, which shows the file's diff and its error and warning findings and
 * takes one key, as ast-grep's: y accept, n skip, a accept the rest, q quit, e the diff in $EDITOR.
 * Loaded only when a person is at a terminal; CI never gets here. The input stream can be injected
 * (tests drive it without a terminal).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emitKeypressEvents } from 'node:readline';
import { Chalk } from 'chalk';
import type { ApplyIo, ReviewChoice } from './commands/apply.js';
import type { Lang } from './core/text.js';
import type { Finding, FilePlan } from './core/types.js';
import type { ReadinessRow } from './pipeline/readiness.js';
import { fileDiff } from './render/diff.js';
import { colorDiff } from './render/diff-color.js';
import { redactSecrets } from './render/redact.js';
import { formatMoney } from './render/format.js';
import type { Report } from './render/report.js';
import { localized, summaryLines } from './render/text.js';

/** Ctrl-C at a prompt: the same error inquirer throws, so the CLI treats both alike. */
export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

const KEYS: Record<string, ReviewChoice | 'edit'> = { y: 'accept', n: 'skip', a: 'all', q: 'quit', e: 'edit' };

/** Reads one key (no Enter), in raw mode when the input is a terminal. */
export function readKey(input: KeyInput): Promise<string> {
  return new Promise((resolve, reject) => {
    emitKeypressEvents(input);
    const raw = input.isTTY === true && typeof input.setRawMode === 'function';
    if (raw) input.setRawMode!(true);
    input.resume();
    const done = () => {
      input.removeListener('keypress', onKey);
      if (raw) input.setRawMode!(false);
      input.pause();
    };
    const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (key?.ctrl && key.name === 'c') {
        done();
        reject(new ExitPromptError('User force closed the prompt with SIGINT'));
        return;
      }
      const name = (str ?? key?.name ?? '').toLowerCase();
      if (!name) return;
      done();
      resolve(name);
    };
    input.on('keypress', onKey);
  });
}

const TEXT = {
  en: {
    picker: 'Move to which provider? (best first: readiness, then cost; call sites auto / review / cannot move)',
    baseline: (cost: string) => `OpenAI today: ${cost}/month`,
    row: (auto: number, review: number, manual: number, cost: string) => `${auto} auto / ${review} review / ${manual} cannot move   ${cost}/month`,
    write: (i: number, n: number, file: string) => `(${i}/${n}) Write ${file}?`,
    keys: '[y] yes  [n] no, skip  [a] yes to all the rest  [q] quit (write what was accepted)  [e] the diff in $EDITOR',
    findings: 'In this file',
    answers: 'this change answers',
    why: 'why',
    todo: 'do',
    before: (n: number) => `${n} file(s) would change; you are asked about each one.`,
    badKey: (key: string) => `'${key}' is not one of y, n, a, q, e`,
    confirmKeys: '[y/N]',
    pickerKeys: { navigate: 'navigate', select: 'select' } as Record<string, string>,
  },
  zh: {
    picker: '迁移到哪个服务商？（按就绪度与费用排序；调用点 自动 / 复核 / 无法迁移）',
    baseline: (cost: string) => `OpenAI 当前：每月 ${cost}`,
    row: (auto: number, review: number, manual: number, cost: string) => `自动 ${auto} / 复核 ${review} / 无法迁移 ${manual}   每月 ${cost}`,
    write: (i: number, n: number, file: string) => `(${i}/${n}) 写入 ${file}？`,
    keys: '[y] 是  [n] 否，跳过  [a] 其余全部接受  [q] 退出（只写入已接受的）  [e] 在 $EDITOR 中查看差异',
    findings: '此文件中',
    answers: '此修改对应的发现',
    why: '原因',
    todo: '建议',
    before: (n: number) => `将修改 ${n} 个文件；会逐个询问。`,
    badKey: (key: string) => `'${key}' 不是 y、n、a、q、e 之一`,
    confirmKeys: '[y/N]',
    pickerKeys: { navigate: '移动', select: '选择' } as Record<string, string>,
  },
} as const;

export function interactiveIo(
  lang: Lang,
  color: boolean,
  write: (text: string) => void,
  input: KeyInput = process.stdin,
): Pick<ApplyIo, 'confirm' | 'pickProvider' | 'reviewFile' | 'beforeReview'> {
  const T = TEXT[lang];
  const chalk = new Chalk({ level: color ? 1 : 0 });
  // Ctrl-C ends the prompt's line before the CLI says "cancelled".
  const key = () => readKey(input).catch((error: unknown) => {
    write('\n');
    throw error;
  });
  return {
    async confirm(message) {
      write(`${chalk.bold(message[lang])} ${chalk.dim(T.confirmKeys)} `);
      const answer = await key();
      write(`${answer}\n`);
      return answer === 'y';
    },
    async pickProvider(rows: ReadinessRow[], openaiUsd?: number) {
      const { select } = await import('@inquirer/prompts');
      const width = Math.max(...rows.map((r) => r.provider.length));
      const nameWidth = Math.max(...rows.map((r) => (lang === 'zh' ? r.name.zh : r.name.en).length));
      // Every provider's figures side by side, with the OpenAI baseline: not only the highlighted one.
      if (openaiUsd !== undefined) write(`${chalk.dim(T.baseline(formatMoney(openaiUsd, 'USD')))}\n`);
      return select({
        message: T.picker,
        // inquirer's key line ("↑↓ navigate • ⏎ select") in the reader's language.
        theme: { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, action]) => `${chalk.bold(k)} ${chalk.dim(T.pickerKeys[action] ?? action)}`).join(chalk.dim(' • ')) } },
        pageSize: Math.max(15, rows.length),
        choices: rows.map((row) => {
          const cost = row.monthlyCost ? `${formatMoney(row.monthlyCost.amount, row.monthlyCost.currency)}${row.monthlyCost.complete ? '' : lang === 'zh' ? '（部分）' : ' (partial)'}` : '–';
          return {
            value: row.provider,
            name: `${row.provider.padEnd(width)}  ${(lang === 'zh' ? row.name.zh : row.name.en).padEnd(nameWidth)}  ${T.row(row.auto, row.review, row.manual, cost)}`,
          };
        }),
      });
    },
    beforeReview(report: Report, plans: FilePlan[]) {
      write(`\n${summaryLines(report, lang, chalk, undefined, false).join('\n')}\n\n${T.before(plans.length)}\n`);
    },
    async reviewFile(plan: FilePlan, index: number, total: number, findings: Finding[] = []): Promise<ReviewChoice> {
      // Keys are redacted on screen too; the file gets the real text.
      const diff = redactSecrets(fileDiff(plan));
      write(`\n${colorDiff(diff, color)}`);
      // What will break or needs a look in this file, before the question, not after the writes.
      const serious = findings.filter((f) => f.severity !== 'info').sort((a, b) => (a.severity === b.severity ? a.start - b.start : a.severity === 'error' ? -1 : 1));
      if (serious.length) {
        write(`${chalk.bold(T.findings)}:\n`);
        for (const finding of serious) {
          const text = localized(finding, lang);
          const badge = finding.severity === 'error' ? chalk.red(lang === 'zh' ? '错误' : 'error') : chalk.yellow(lang === 'zh' ? '警告' : 'warning');
          write(`  ${badge} ${finding.line}:${finding.column} ${text.message}\n    ${chalk.dim(`${T.why}:`)} ${text.reason}\n`);
          if (text.action) write(`    ${chalk.dim(`${T.todo}:`)} ${text.action}\n`);
        }
      }
      const answers = [...new Set(plan.findings.map((f) => localized(f, lang).message))];
      if (answers.length) write(`${chalk.dim(`${T.answers}: ${answers.join('; ')}`)}\n`);
      for (;;) {
        write(`${chalk.bold(T.write(index + 1, total, plan.path))} ${chalk.dim(T.keys)} `);
        const pressed = await key();
        write(`${pressed}\n`);
        const choice = KEYS[pressed];
        if (choice === 'edit') {
          openInEditor(diff, plan.path, write, color);
          continue;
        }
        if (choice) return choice;
        write(`${chalk.yellow(T.badKey(pressed))}\n`);
      }
    },
  };
}

/** `e`: the file's diff in $VISUAL / $EDITOR, or printed again when neither is set. */
function openInEditor(diff: string, file: string, write: (text: string) => void, color: boolean): void {
  const editor = process.env.VISUAL || process.env.EDITOR;
  if (!editor) {
    write(`\n${colorDiff(diff, color)}`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-diff-'));
  try {
    const temp = path.join(dir, `${path.basename(file)}.diff`);
    writeFileSync(temp, diff);
    spawnSync(editor, [temp], { stdio: 'inherit', shell: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
