/** The text of `apply --verify`: the type check's counts, each new error with its edit, and what became of the apply. */
import type { ApplyVerification } from '../commands/apply-verify.js';
import type { Lang } from '../core/text.js';

export function renderApplyVerify(v: ApplyVerification, lang: Lang): string {
  const zh = lang === 'zh';
  const head = zh
    ? `类型检查（项目自己的 tsc，apply ${v.journal} 前后）：之前 ${v.before} 个错误，之后 ${v.after} 个，新增 ${v.newErrors.length} 个\n`
    : `Type check (the project's tsc, before and after apply ${v.journal}): ${v.before} error(s) before, ${v.after} after, ${v.newErrors.length} new\n`;
  const errors = v.newErrors
    .map((e) => `  ✗ ${e.file}:${e.line}:${e.column} ${e.code} ${e.message}\n      ${e.edit ? `${zh ? '由此修改引起' : 'caused by the edit at'} ${e.edit}` : e.cause}\n`)
    .join('');
  const end = !v.rolledBack
    ? zh ? '没有新的类型错误：保留已写入的文件。\n' : 'No new type errors: the written files are kept.\n'
    : zh
      ? `apply 新增了类型错误：已逐字节还原它写入的 ${v.rolledBack.length} 个文件（同 migrate undo）。\n`
      : `The apply added type errors: put back the ${v.rolledBack.length} file(s) it wrote, byte for byte (as migrate undo does).\n`;
  return head + errors + end;
}
