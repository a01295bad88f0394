/**
 * Why and what to do for one finding, as the CI formats carry them (GitHub annotations, markdown
 * "do" cells). A review call's action is often the general "Check the points above before you
 * ship; …", which points at the text format's "why" line: an annotation stands alone and a
 * reviewer reads only it. So the do is made from the finding itself: the dialect rules' own fixes
 * (`Fix: …` in the reason), the instructions its reasons give, and the edit apply would make.
 */
import type { Finding } from '../core/types.js';

export interface Advice {
  why: string;
  do: string;
}

/** The general sentence the SDK planners give a review call; what follows it ("the model construction carries the edits") is kept. */
const GENERAL = /^Check the points above before you ship(?:; apply --include-review makes the suggested edits)?[.;]\s*/;

/** A dialect rule's labelled fix inside a reason (dialects/rules-zh.ts ruleMessage): `… Fix: <fix> [Unverified: …] (dialect rule <id>)`. */
const RULE_FIX = / Fix: (.+?)((?: Unverified: .+?)? \(dialect rule ([^)]+)\))/g;

/**
 * Verbs the capability messages start their instructions with, after a colon or at a sentence's
 * start ("…: send dimensions: 1536 …", "…: split it into batches of 10.").
 */
const VERBS = 'send|set|split|keep|drop|remove|use|add|move|rename|replace|pass|copy|call|change|strip|read|write|store|give|make|map|point|turn|enable|disable|batch|limit|lower|raise';
const INSTRUCTION = new RegExp(`(?:^|: )((?:(?:in|for|on|with|where|when) [^,:]+, )?(?:${VERBS})\\b.*)$`, 'i');

function sentences(text: string): string[] {
  // A full stop ends a sentence only before a space: "qwen3.7-plus", "message.reasoning_content" stay whole.
  return text.split(/(?<=\.)\s+/).filter((s) => s.trim());
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = capitalize(text.trim());
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The reason's instructions: the clause of each sentence that starts with a verb, alone or after a colon. */
function instructions(reason: string): string[] {
  const found: string[] = [];
  for (const s of sentences(reason)) {
    const match = INSTRUCTION.exec(s.trim());
    if (match) found.push(sentence(match[1]));
  }
  return found;
}

export function adviceFor(finding: Finding, options: { target?: string } = {}): Advice {
  let why = finding.reason ?? '';
  const action = finding.action ?? '';
  const general = GENERAL.exec(action);
  if (action && !general) return { why, do: action };
  const todo: string[] = [];
  // The rules' fixes move from the why to the do; the why keeps the rule's id.
  why = why.replace(RULE_FIX, (_all, fix: string, tail: string, id: string) => {
    todo.push(`${sentence(fix)} (${id})`);
    return tail;
  });
  todo.push(...instructions(why).filter((i) => !todo.some((t) => t.startsWith(i.replace(/\.$/, '')))));
  // Every CI format prints the fix after the do, under "Fix"; suggestions it does not print.
  const flag = (f: { safety: string }) => (f.safety === 'review' ? 'apply --include-review' : 'apply');
  if (finding.fix) todo.push(`${flag(finding.fix)} makes the edit under Fix.`);
  for (const suggestion of finding.suggestions ?? []) todo.push(`${flag(suggestion)} also makes this edit: ${suggestion.description}.`);
  const edited = finding.fix !== undefined || (finding.suggestions?.length ?? 0) > 0;
  const open = finding.readiness === 'review' || finding.readiness === 'manual';
  if (!edited && open && !options.target && !action) {
    // Provider-neutral: whether it moves, and how, is the provider's to say.
    todo.push('Pick a provider: scan with --provider <id> says whether this moves there and what to change (readiness by provider counts it for each).');
  } else if (!edited && open && !todo.length) {
    todo.push('No edit is offered for this: change the code by hand as the why says, then run npx migrate check.');
  }
  const rest = general ? action.slice(general[0].length).trim() : '';
  if (rest) todo.push(capitalize(rest));
  return { why: why.trim(), do: todo.join(' ') };
}

/** The Chinese general sentence of a review call (the SDK planners' t(…, '上线前请核对以上各点…')). */
const GENERAL_ZH = /^上线前请核对以上各点(?:；apply --include-review 会执行建议的修改)?[。；]\s*/;
/** A dialect rule's labelled fix inside a Chinese reason: `… 修改：<fix>[ 未证实：…]（方言规则 <id>）`. */
const RULE_FIX_ZH = /修改：(.+?)((?: 未证实：.+?)?（方言规则 ([^）]+)）)/g;

/**
 * The same for --lang zh, from the finding's Chinese texts: a specific action is the do; after the
 * general sentence, the rules' labelled fixes move from the why to the do, and the edit apply makes.
 */
export function adviceZh(text: { reason: string; action?: string }, finding: Finding, options: { target?: string } = {}): Advice {
  let why = text.reason ?? '';
  const action = text.action ?? '';
  const general = GENERAL_ZH.exec(action);
  if (action && !general) return { why, do: action };
  const todo: string[] = [];
  why = why.replace(RULE_FIX_ZH, (_all, fix: string, tail: string, id: string) => {
    todo.push(`${fix.trim().replace(/[。；]$/, '')}（${id}）。`);
    return tail.replace(/^ 未证实/, '未证实');
  });
  const flag = (f: { safety: string }) => (f.safety === 'review' ? 'apply --include-review' : 'apply');
  if (finding.fix) todo.push(`${flag(finding.fix)} 会做“修改”一栏中的改动。`);
  const edited = finding.fix !== undefined || (finding.suggestions?.length ?? 0) > 0;
  const open = finding.readiness === 'review' || finding.readiness === 'manual';
  if (!edited && open && !options.target && !action) {
    // Provider-neutral: whether it moves, and how, is the provider's to say.
    todo.push('选择服务商：用 --provider <id> 扫描，即可知道它能否迁移到该服务商、要改什么（各服务商就绪度按服务商分别计数）。');
  } else if (!edited && open && !todo.length) todo.push('没有可自动执行的修改：请按原因一栏手动修改代码，然后运行 npx migrate check。');
  const rest = general ? action.slice(general[0].length).trim() : '';
  if (rest) todo.push(rest);
  return { why: why.trim(), do: todo.join('') };
}
