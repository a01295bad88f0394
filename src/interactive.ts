/**
 * The prompts of an interactive apply (inquirer): the provider picker and the per-file review.
 * Loaded only when a person is at a terminal; CI never gets here.
 */
import type { ApplyIo, ReviewChoice } from './commands/apply.js';
import type { Lang } from './core/text.js';
import type { FilePlan } from './core/types.js';
import type { ReadinessRow } from './pipeline/readiness.js';
import { fileDiff } from './render/diff.js';
import { colorDiff } from './render/diff-color.js';
import { redactSecrets } from './render/redact.js';
import { formatMoney } from './render/format.js';

export function interactiveIo(lang: Lang, color: boolean, write: (text: string) => void): Pick<ApplyIo, 'confirm' | 'pickProvider' | 'reviewFile'> {
  const zh = lang === 'zh';
  return {
    async confirm(message) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message: message[lang], default: false });
    },
    async pickProvider(rows: ReadinessRow[]) {
      const { select } = await import('@inquirer/prompts');
      const width = Math.max(...rows.map((r) => r.provider.length));
      return select({
        message: zh ? '迁移到哪个服务商？（按就绪度与费用排序）' : 'Move to which provider? (best first: readiness, then cost)',
        pageSize: 15,
        choices: rows.map((row) => ({
          value: row.provider,
          name: `${row.provider.padEnd(width)}  ${zh ? row.name.zh : row.name.en}`,
          description: zh
            ? `${row.auto} 个可自动迁移，${row.review} 个需复核，${row.manual} 个无法迁移；预估 ${row.monthlyCost ? formatMoney(row.monthlyCost.amount, row.monthlyCost.currency) : '–'}/月`
            : `${row.auto} auto, ${row.review} review, ${row.manual} cannot move; est. ${row.monthlyCost ? formatMoney(row.monthlyCost.amount, row.monthlyCost.currency) : '–'}/month`,
        })),
      });
    },
    async reviewFile(plan: FilePlan, index: number, total: number): Promise<ReviewChoice> {
      const { select } = await import('@inquirer/prompts');
      write(`\n${colorDiff(redactSecrets(fileDiff(plan)), color)}`);
      const answers = [...new Set(plan.findings.map((f) => (zh && f.zh ? f.zh.message : f.message)))];
      write(`${zh ? '对应的发现' : 'answers'}: ${answers.join('; ')}\n`);
      return select<ReviewChoice>({
        message: zh ? `(${index + 1}/${total}) 写入 ${plan.path}？` : `(${index + 1}/${total}) Write ${plan.path}?`,
        choices: [
          { value: 'accept', name: zh ? '接受' : 'accept' },
          { value: 'skip', name: zh ? '跳过' : 'skip' },
          { value: 'all', name: zh ? '接受其余全部' : 'accept all the rest' },
          { value: 'quit', name: zh ? '退出（只写入已接受的）' : 'quit (write what was accepted)' },
        ],
      });
    },
  };
}
