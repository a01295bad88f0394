/**
 * `migrate apply [path] --provider <id>`: plan, show the diff, ask, then write all-or-nothing with
 * an undo journal. Without --provider in a terminal, a picker offers the providers with their
 * readiness and cost; then each file's change is reviewed (accept / skip / accept all / quit).
 * `--dry-run` writes nothing; the CLI exits 1 when changes are pending.
 */
import { UnsafeTreeError, UsageError } from '../core/errors.js';
import { t, type Localized } from '../core/text.js';
import type { Finding, FilePlan } from '../core/types.js';
import type { Report } from '../render/report.js';
import { treeState } from '../pipeline/git.js';
import type { ReadinessRow } from '../pipeline/readiness.js';
import { resolveRoot } from '../pipeline/discover.js';
import { acquireLock } from '../pipeline/lock.js';
import { pendingJournal, undoLast, writePlans, type WriterFs } from '../pipeline/write.js';
import { planDiff } from '../render/diff.js';
import { projectTsc } from './typecheck-diff.js';
import { analyze, retarget, type AnalyzeOptions, type Analysis, type Progress } from './analyze.js';

export interface ApplyOptions extends Omit<AnalyzeOptions, 'readiness'> {
  dryRun?: boolean;
  /** Write even when the git tree has uncommitted changes. */
  force?: boolean;
  /** After writing, run the project's tsc before and after; roll the apply back if it added an error. */
  verify?: boolean;
  progress?: Progress;
}

export type ReviewChoice = 'accept' | 'skip' | 'all' | 'quit';

/** How apply talks to a person; the CLI passes an inquirer-backed one, tests pass their own. */
export interface ApplyIo {
  interactive: boolean;
  /** `--yes`: write without asking. Without a terminal and without it, apply refuses (exit 2). */
  yes?: boolean;
  confirm(message: Localized): Promise<boolean>;
  notice(message: Localized): void;
  /** Offers the providers (best first) when none was given, with the OpenAI baseline per month (USD). */
  pickProvider?(rows: ReadinessRow[], openaiUsd?: number): Promise<string>;
  /** Shown once before the first file is asked about: the summary of the plan. */
  beforeReview?(report: Report, plans: FilePlan[]): void;
  /** Asks about one file's change; `findings` are every finding in that file (the prompt shows errors and warnings). */
  reviewFile?(plan: FilePlan, index: number, total: number, findings?: Finding[]): Promise<ReviewChoice>;
  fs?: WriterFs;
}

export interface ApplyOutcome extends Analysis {
  /** true when the plan has changes that were not written (dry run, skipped or declined). */
  pending: boolean;
  declined: boolean;
  /** `--verify` rolled the apply back: it added type errors (report.verify names them). */
  rolledBack?: boolean;
}

async function choosePlans(plans: FilePlan[], io: ApplyIo, report: Report): Promise<FilePlan[]> {
  if (!io.interactive) return plans;
  io.beforeReview?.(report, plans);
  if (!io.reviewFile) return (await io.confirm(t(`Write ${plans.length} file(s)?`, `写入 ${plans.length} 个文件？`))) ? plans : [];
  const accepted: FilePlan[] = [];
  for (let i = 0; i < plans.length; i++) {
    const choice = await io.reviewFile(plans[i], i, plans.length, report.findings.filter((f) => f.file === plans[i].path));
    if (choice === 'accept') accepted.push(plans[i]);
    else if (choice === 'all') {
      accepted.push(...plans.slice(i));
      break;
    } else if (choice === 'quit') break;
  }
  return accepted;
}

/**
 * An apply killed before it finished (SIGKILL, power loss) left its journal pending and the tree
 * half-written: put back what it wrote before planning anything on that tree.
 */
function recoverInterrupted(target: string, io: ApplyIo): void {
  const { root } = resolveRoot(target);
  if (!pendingJournal(root)) return;
  const release = acquireLock(root, 'apply');
  try {
    const outcome = undoLast(root);
    if ('journal' in outcome && outcome.interrupted) {
      io.notice(t(`An earlier apply was interrupted; put back the ${outcome.restored.length} file(s) it had planned to write.`, `上一次 apply 被中断；已还原其计划写入的 ${outcome.restored.length} 个文件。`));
    }
  } finally {
    release();
  }
}

export async function apply(options: ApplyOptions, io: ApplyIo): Promise<ApplyOutcome> {
  if (options.verify && options.dryRun) {
    // The check compares the tree before and after the writes; a dry run makes none.
    throw new UsageError('--verify checks what apply writes, and --dry-run writes nothing', 'drop --dry-run to write and check, or run `migrate verify --typecheck` after an apply').inChinese(
      '--verify 检查 apply 写入的内容，而 --dry-run 不写入任何文件',
      '去掉 --dry-run 以写入并检查，或在 apply 之后运行 `migrate verify --typecheck`',
    );
  }
  if (!options.dryRun) recoverInterrupted(options.path, io);
  const wantsPicker = !options.provider && io.interactive && io.pickProvider !== undefined;
  let analysis = await analyze({ ...options, readiness: wantsPicker, keepSyntax: wantsPicker }, 'apply');
  if (!analysis.target && wantsPicker && analysis.report.readiness) {
    const picked = await io.pickProvider!(analysis.report.readiness, analysis.report.estimate.openaiUsd);
    analysis = await retarget(analysis, picked, options);
  }
  if (!analysis.target) {
    throw new UsageError('apply needs a target: --provider <id>, or `provider` in the config file', "see 'npx migrate providers'").inChinese(
      'apply 需要目标服务商：--provider <id>，或在配置文件中设置 provider',
      '可用 npx migrate providers 查看',
    );
  }
  // A check that cannot run is refused before anything is written, not found out after.
  if (options.verify) projectTsc(analysis.root, 'apply --verify');
  const { planned, report } = analysis;
  report.dryRun = options.dryRun === true;
  report.diff = planDiff(planned.filePlans);
  if (!planned.filePlans.length) return { ...analysis, pending: false, declined: false };
  if (options.dryRun) return { ...analysis, pending: true, declined: false };
  if (!io.interactive && !io.yes) {
    // No one to ask (a pipe, CI): writing without consent is not the default.
    const n = planned.filePlans.length;
    throw new UsageError(
      `apply would write ${n} file(s) but there is no terminal to ask in; nothing was written`,
      'pass --yes to write without asking, or --dry-run to see the diff and write nothing',
    ).inChinese(`apply 将写入 ${n} 个文件，但没有终端可供确认；未写入任何文件`, '使用 --yes 不经确认直接写入，或使用 --dry-run 只查看差异、不写入');
  }

  const state = treeState(analysis.root);
  if (!state.repo) {
    io.notice(t('The tree is not under git; `migrate undo` can still put every file back.', '该目录不在 git 管理下；`migrate undo` 仍可恢复所有文件。'));
  } else if (state.dirty.length && !options.force) {
    const proceed = io.interactive
      ? await io.confirm(t(`The git tree has ${state.dirty.length} uncommitted change(s). Write anyway?`, `git 工作区有 ${state.dirty.length} 处未提交的修改，仍要写入吗？`))
      : false;
    if (!proceed) {
      const files = `${state.dirty.slice(0, 10).join(', ')}${state.dirty.length > 10 ? ', …' : ''}`;
      throw new UnsafeTreeError(`the git tree has uncommitted changes: ${files}`, state.dirty, 'commit or stash them first, or pass --force').inChinese(
        `git 工作区有未提交的修改：${files}`,
        '请先提交或暂存，或使用 --force',
      );
    }
  }
  let chosen = await choosePlans(planned.filePlans, io, report);
  if (!chosen.length) {
    // From here the report describes what was written: counters, the diff and the file outcomes.
    report.notWritten = planned.filePlans.map((p) => p.path);
    report.written = [];
    report.diff = undefined;
    for (const file of report.files) if (file.status === 'changed') file.status = 'unchanged';
    report.summary.changed = 0;
    report.summary.unchanged = report.files.filter((f) => f.status === 'unchanged').length;
    return { ...analysis, pending: true, declined: true };
  }
  // Held only for the writes: a person reviewing the diff does not block anyone.
  const release = acquireLock(analysis.root, 'apply');
  let result;
  try {
    result = await writePlans(chosen, {
      root: analysis.root,
      command: 'apply',
      provider: analysis.target.provider.id,
      ...(io.fs ? { fs: io.fs } : {}),
    });
  } finally {
    release();
  }
  for (const skip of result.skipped) io.notice(t(`Not written: ${skip.file}: ${skip.reason}`, `未写入：${skip.file}：${skip.reason}`));
  const written = new Set(result.written);
  const skipped = new Map(result.skipped.map((s) => [s.file, s.reason]));
  chosen = chosen.filter((plan) => written.has(plan.path));
  report.notWritten = planned.filePlans.filter((p) => !written.has(p.path)).map((p) => p.path);
  report.written = result.written;
  report.journal = result.journal;
  report.diff = planDiff(chosen);
  for (const file of report.files) {
    if (file.status !== 'changed' || written.has(file.file)) continue;
    const reason = skipped.get(file.file);
    Object.assign(file, reason ? { status: 'skipped', reason } : { status: 'unchanged' });
  }
  report.summary.changed = result.written.length;
  report.summary.unchanged = report.files.filter((f) => f.status === 'unchanged').length;
  report.summary.skipped = report.files.filter((f) => f.status === 'skipped').length;
  if (options.verify && chosen.length) {
    const { verifyApply } = await import('./apply-verify.js');
    // Two full tsc runs can take a while on a big project: say what the wait is for.
    io.notice(t("Checking types with the project's tsc, before and after the apply…", '正在用项目自己的 tsc 检查 apply 前后的类型…'));
    report.verify = verifyApply(analysis.root, chosen, options.includeReview === true);
    if (report.verify.rolledBack) return { ...analysis, pending: true, declined: false, rolledBack: true };
  }
  return { ...analysis, pending: chosen.length < planned.filePlans.length, declined: false };
}
