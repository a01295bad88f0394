/**
 * `migrate apply [path] --provider <id>`: plan, show the diff, ask, then write all-or-nothing with
 * an undo journal. `--dry-run` writes nothing; the CLI exits 1 when changes are pending.
 */
import { UnsafeTreeError, UsageError } from '../core/errors.js';
import { treeState } from '../pipeline/git.js';
import { writePlans, type WriterFs } from '../pipeline/write.js';
import { planDiff } from '../render/diff.js';
import { analyze, type AnalyzeOptions, type Analysis } from './analyze.js';

export interface ApplyOptions extends Omit<AnalyzeOptions, 'readiness'> {
  dryRun?: boolean;
  /** Write even when the git tree has uncommitted changes. */
  force?: boolean;
}

/** How apply talks to a person; the CLI passes an inquirer-backed one, tests pass their own. */
export interface ApplyIo {
  interactive: boolean;
  confirm(message: string): Promise<boolean>;
  notice(message: string): void;
  fs?: WriterFs;
}

export interface ApplyOutcome extends Analysis {
  /** true when the plan has changes that were not written (dry run or declined). */
  pending: boolean;
  declined: boolean;
}

export async function apply(options: ApplyOptions, io: ApplyIo): Promise<ApplyOutcome> {
  const analysis = await analyze(options, 'apply');
  if (!analysis.target) throw new UsageError('apply needs a target: --provider <id>, or `provider` in the config file', "see 'migrate providers'");
  const { planned, report } = analysis;
  report.dryRun = options.dryRun === true;
  report.diff = planDiff(planned.filePlans);
  if (!planned.filePlans.length) return { ...analysis, pending: false, declined: false };
  if (options.dryRun) return { ...analysis, pending: true, declined: false };

  const state = treeState(analysis.root);
  if (!state.repo) {
    io.notice('The tree is not under git; `migrate undo` can still put every file back.');
  } else if (state.dirty.length && !options.force) {
    const proceed = io.interactive
      ? await io.confirm(`The git tree has ${state.dirty.length} uncommitted change(s). Write anyway?`)
      : false;
    if (!proceed) {
      throw new UnsafeTreeError(
        `the git tree has uncommitted changes: ${state.dirty.slice(0, 10).join(', ')}${state.dirty.length > 10 ? ', …' : ''}`,
        state.dirty,
        'commit or stash them first, or pass --force',
      );
    }
  }
  if (io.interactive && !(await io.confirm(`Write ${planned.filePlans.length} file(s)?`))) {
    return { ...analysis, pending: true, declined: true };
  }
  const result = writePlans(planned.filePlans, {
    root: analysis.root,
    command: 'apply',
    provider: analysis.target.provider.id,
    ...(io.fs ? { fs: io.fs } : {}),
  });
  report.written = result.written;
  report.journal = result.journal;
  return { ...analysis, pending: false, declined: false };
}
