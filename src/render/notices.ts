/**
 * The notices at the top of a text report: OpenAI models the code uses that are shut down or have a
 * shutdown day (a reason to move now, with the date), and a catalogue older than 90 days (once per
 * run). Time enters only through `today`, so a test can fix it.
 */
import type { ChalkInstance } from 'chalk';
import { catalogueAge, openaiLifecycle, type CatalogueAge, type OpenAiLifecycle } from '../catalogue/lifecycle.js';
import type { Lang } from '../core/text.js';
import type { Finding } from '../core/types.js';

const TEXT = {
  en: {
    shutDown: (model: string, on: string, replacement?: string) =>
      `${model} was shut down by OpenAI on ${on}: calls to it already fail${replacement ? ` (OpenAI names ${replacement})` : ''}.`,
    shuttingDown: (model: string, on: string, days: number, replacement?: string) =>
      `${model} shuts down on ${on} (in ${days} day${days === 1 ? '' : 's'})${replacement ? `; OpenAI names ${replacement}` : ''}: a reason to move now.`,
    stale: (checkedOn: string, days: number) =>
      `The provider catalogue was checked on ${checkedOn} (${days} days ago): prices and models may have changed. Run npm run catalogue:refresh in banjia's repository, or set your own prices and models under "providers" in migrate.config.json.`,
  },
  zh: {
    shutDown: (model: string, on: string, replacement?: string) => `${model} 已于 ${on} 被 OpenAI 停用：调用已经失败${replacement ? `（OpenAI 建议 ${replacement}）` : ''}。`,
    shuttingDown: (model: string, on: string, days: number, replacement?: string) =>
      `${model} 将于 ${on} 停用（还有 ${days} 天）${replacement ? `；OpenAI 建议 ${replacement}` : ''}：现在就该迁移。`,
    stale: (checkedOn: string, days: number) =>
      `服务商目录核对于 ${checkedOn}（${days} 天前），价格和模型可能已变。请在 banjia 仓库运行 npm run catalogue:refresh，或在 migrate.config.json 的 "providers" 下填写自己的价格和模型。`,
  },
} as const;

/** The OpenAI models of the findings that are shut down or have a shutdown day, and the catalogue's age. */
export function lifecycleFacts(findings: Finding[], today: string | Date): { openaiShutdowns: OpenAiLifecycle[]; catalogue: CatalogueAge } {
  const models = [...new Set(findings.map((f) => f.model ?? f.usage?.model).filter((m): m is string => typeof m === 'string'))].sort();
  return { openaiShutdowns: models.map((m) => openaiLifecycle(m, today)).filter((l) => l.status !== 'active'), catalogue: catalogueAge(today) };
}

export function noticeLines(findings: Finding[], today: string | Date, lang: Lang, chalk: ChalkInstance): string[] {
  const T = TEXT[lang];
  const lines: string[] = [];
  const facts = lifecycleFacts(findings, today);
  for (const life of facts.openaiShutdowns) {
    const model = life.model;
    if (life.status === 'shut-down') lines.push(chalk.red(`✖ ${T.shutDown(model, life.shutdownOn!, life.replacement)}`));
    else if (life.status === 'shutting-down') lines.push(chalk.yellow(`⚠ ${T.shuttingDown(model, life.shutdownOn!, life.daysLeft!, life.replacement)}`));
  }
  const age = facts.catalogue;
  if (age.stale) lines.push(chalk.yellow(`⚠ ${T.stale(age.checkedOn, age.days)}`));
  return lines;
}
