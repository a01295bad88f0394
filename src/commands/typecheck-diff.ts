/**
 * `migrate verify --typecheck`: the project's own TypeScript (its tsconfig.json, its installed
 * `typescript`) on the tree before the last apply (rebuilt from the journal in a temp copy) and
 * after it (the tree as it is). Every error the "after" run has and the "before" run had not is new,
 * and is named with the apply's edit to that file when there is one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { beforeBytes } from '../pipeline/journal.js';
import { listJournals } from '../pipeline/write.js';
import type { Lang } from '../core/text.js';

export interface TsError {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

export interface NewTsError extends TsError {
  /** The apply's edit to this file, or why the error is blamed on the apply at all. */
  cause: string;
}

export interface TypecheckDiff {
  tsc: string;
  journal: string;
  before: number;
  after: number;
  newErrors: NewTsError[];
}

const LINE = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

export function parseTscOutput(text: string): TsError[] {
  const out: TsError[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (m) out.push({ file: m[1].split(path.sep).join('/'), line: Number(m[2]), column: Number(m[3]), code: m[4], message: m[5] });
    else if (out.length && /^\s+/.test(raw) && raw.trim()) out[out.length - 1].message += ` ${raw.trim()}`;
  }
  return out;
}

function runTsc(tsc: string, cwd: string): TsError[] {
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'], { cwd, encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw new UsageError(`cannot run the project's tsc: ${result.error.message}`).inChinese(`无法运行项目的 tsc：${result.error.message}`);
  return parseTscOutput(`${result.stdout}\n${result.stderr}`);
}

/**
 * The project's own tsc, or a UsageError naming what is missing (`flag` says which command asked):
 * the check is the project's tsconfig with the project's compiler, never banjia's.
 */
export function projectTsc(root: string, flag = '--typecheck'): string {
  if (!existsSync(path.join(root, 'tsconfig.json'))) throw new UsageError(`${flag}: no tsconfig.json in ${root}`).inChinese(`${flag}：${root} 中没有 tsconfig.json`);
  try {
    return createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new UsageError(`${flag}: the project has no typescript installed (looked from ${root})`, 'install it in the project: npm i -D typescript').inChinese(`${flag}：项目未安装 typescript（从 ${root} 查找）`, '在项目中安装：npm i -D typescript');
  }
}

export function typecheckDiff(folder: string): TypecheckDiff {
  const root = path.resolve(folder);
  const tsc = projectTsc(root);
  const last = listJournals(root).journals.filter((j) => j.status === 'complete').at(-1);
  if (!last) throw new UsageError('--typecheck: no apply in the journal (.migrate/journal) to compare with').inChinese('--typecheck：日志（.migrate/journal）中没有可比较的 apply');
  const after = runTsc(tsc, root);
  const dir = mkdtempSync(path.join(tmpdir(), 'banjia-before-'));
  try {
    cpSync(root, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|\.git|\.migrate)$/.test(src) });
    if (existsSync(path.join(root, 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const entry of last.entries) {
      const target = path.join(dir, entry.file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, beforeBytes(entry));
    }
    const before = runTsc(tsc, dir);
    // Same file, code and message: the same error, wherever the edit moved its line.
    const pool = new Map<string, number>();
    const key = (e: TsError) => `${e.file}\u0000${e.code}\u0000${e.message}`;
    for (const e of before) pool.set(key(e), (pool.get(key(e)) ?? 0) + 1);
    const edited = new Set(last.entries.map((e) => e.file.split(path.sep).join('/')));
    const newErrors: NewTsError[] = [];
    for (const e of after) {
      const left = pool.get(key(e)) ?? 0;
      if (left > 0) {
        pool.set(key(e), left - 1);
        continue;
      }
      newErrors.push({
        ...e,
        cause: edited.has(e.file) ? `the last apply (${last.id}) edited ${e.file}` : `${e.file} was not edited; the last apply changed ${[...edited].join(', ')}`,
      });
    }
    return { tsc, journal: last.id, before: before.length, after: after.length, newErrors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cause in Chinese (--lang zh); tsc's own message is quoted as tsc wrote it. */
function causeZh(cause: string): string {
  return cause
    .replace(/^the last apply \((.+)\) edited (.+)$/, '上次 apply（$1）修改了 $2')
    .replace(/^(.+) was not edited; the last apply changed (.+)$/, '$1 未被修改；上次 apply 修改了 $2');
}

export function renderTypecheck(diff: TypecheckDiff, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const head = zh
    ? `类型检查（项目自己的 tsc，apply ${diff.journal} 前后）：之前 ${diff.before} 个错误，之后 ${diff.after} 个，新增 ${diff.newErrors.length} 个\n`
    : `Type check (the project's tsc, before and after apply ${diff.journal}): ${diff.before} error(s) before, ${diff.after} after, ${diff.newErrors.length} new\n`;
  return head + diff.newErrors.map((e) => `  ✗ ${e.file}:${e.line}:${e.column} ${e.code} ${e.message}\n      ${zh ? causeZh(e.cause) : e.cause}\n`).join('');
}
