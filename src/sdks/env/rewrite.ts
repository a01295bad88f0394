/**
 * Plans for the `env` module: env reads in code are renamed only where no SDK module owns them
 * (review); example env files and compose files get the provider's variables next to OpenAI's
 * (safe); real env files only with --include-env-files.
 */
import { isWebSessionName } from '../../sweep/indicators.js';
import { mapModel } from '../../catalogue/index.js';
import type { FileEdit, SourceText } from '../../core/types.js';
import { described, t } from '../../core/text.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import { providerBaseUrlEnv, providerKeyEnv, renameEnvRead } from '../shared/env.js';
import { guardMessageEdits } from './guard-message.js';
import { isExampleEnvFile, roleOf, type EnvDetection, type EnvPayload } from './detect.js';
import { DOCS } from './messages.js';

export function planEnv(detection: EnvDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'read':
      return planRead(payload, context);
    case 'envLine':
      return planEnvLine(payload, context);
    case 'composeEntry':
      return planCompose(payload, context);
  }
}

function planRead(payload: Extract<EnvPayload, { type: 'read' }>, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target || isWebSessionName(payload.name)) return { readiness: 'info' };
  const { provider } = target;
  const { name, role } = payload;
  if (payload.feedsClient) {
    return {
      readiness: 'info',
      action: /OPENAI/i.test(name)
        ? t(
            'It sits in a client’s or request’s options: the finding on that client says whether it moves; when it does, this read is rewritten with it.',
            '它位于客户端或请求的选项中：该客户端的发现会说明是否迁移；迁移时此处读取会一并改写。',
          )
        : t(`Make sure ${name} holds the ${provider.name.en} value.`, `请确保 ${name} 保存的是 ${provider.name.zh} 的值。`),
    };
  }
  if (role === 'key') {
    const renamed = providerKeyEnv(provider, name);
    const edits = [renameEnvRead(payload.unit, payload.nameNode, renamed), ...guardMessageEdits(payload.unit, payload.nameNode, name, renamed)];
    return {
      readiness: 'review',
      action: t(
        `After the move the key is in ${renamed}; this read (a check, a log line, a header) should follow. apply --include-review renames it.`,
        `迁移后密钥位于 ${renamed}；此处读取（校验、日志、请求头）也应随之修改。apply --include-review 会重命名。`,
      ),
      docs: DOCS.sdkEnv,
      fix: { ...described(`read ${renamed} instead of ${name}`, `改为读取 ${renamed}（原为 ${name}）`), safety: 'review', edits: edits.map((edit) => ({ ...edit, file: payload.unit.path })) },
    };
  }
  if (role === 'proxy') {
    return {
      readiness: 'info',
      action: t(
        `${name} is a network proxy, usually there to reach OpenAI from mainland China. ${provider.name.en} is reached directly: keep it only if your network needs it for outside traffic.`,
        `${name} 是网络代理，通常用于在中国大陆访问 OpenAI。${provider.name.zh} 可直接访问：仅在你的网络访问外网需要时保留。`,
      ),
    };
  }
  const value = role === 'baseURL' ? target.baseURL : undefined;
  // A *_HOST variable is usually the origin the code adds `/v1/...` to: give both forms.
  const origin = value && /HOST/i.test(name) && !/BASE|URL/i.test(name) ? value.replace(/\/v1\/?$/, '') : undefined;
  return {
    readiness: 'info',
    action: origin && origin !== value
      ? t(
          `If ${name} is set where this runs, set it to ${origin} when the code adds /v1 to it, else to ${value}.`,
          `如果运行环境设置了 ${name}：代码会在其后加 /v1 时改为 ${origin}，否则改为 ${value}。`,
        )
      : value
      ? t(`If ${name} is set where this runs, set it to ${value}.`, `如果运行环境设置了 ${name}，请改为 ${value}。`)
      : t(`If ${name} is set where this runs, give it the ${provider.name.en} value.`, `如果运行环境设置了 ${name}，请改为 ${provider.name.zh} 的值。`),
  };
}

/** The variables the rewritten code reads, with the value an example file should show. */
function providerVariables(target: Target, previous: string): Array<[string, string]> {
  return [
    [providerKeyEnv(target.provider, previous), ''],
    [providerBaseUrlEnv(target.provider, previous), target.baseURL],
  ];
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The provider variables an env file should get: those the code reads once migrated (when the plan
 * knows it), that the file does not hold yet.
 */
function wantedVariables(target: Target, previous: string, text: string, context: PlanContext): Array<[string, string]> {
  return providerVariables(target, previous).filter(([name]) => !new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(text) && (context.readsVariable?.(name) ?? true));
}

/** The OpenAI variable a line names becomes the provider's when no code reads it any more (dotenv-safe requires every listed one). */
function renamedLine(payload: Extract<EnvPayload, { type: 'envLine' }>, target: Target, context: PlanContext): [string, string] | undefined {
  // A real env file holds the OpenAI key itself: it is never relabelled as the provider's.
  if (!payload.example || !context.readsVariable || context.readsVariable(payload.name)) return undefined;
  if (payload.role !== 'key' && payload.role !== 'baseURL') return undefined;
  const [key, base] = providerVariables(target, payload.name);
  const replacement = payload.role === 'key' ? key : base;
  return context.readsVariable(replacement[0]) ? replacement : undefined;
}

function planEnvLine(payload: Extract<EnvPayload, { type: 'envLine' }>, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) return { readiness: 'info' };
  const { file } = payload;
  const writable = payload.example || context.includeEnvFiles;
  const edits: FileEdit[] = [];
  const renamed = renamedLine(payload, target, context);
  // An OpenAI model id as the value of an example variable (OPENAI_MODEL=gpt-4o) maps like code.
  const unquoted = payload.value.replace(/^(['"])(.*)\1$/, '$2');
  const mapped = payload.role === 'model' && unquoted ? mapModel(unquoted, target.provider, target.modelOverrides).target : undefined;
  if (renamed) {
    const lineStart = file.text.lastIndexOf('\n', payload.valueStart - 1) + 1;
    const nameStart = file.text.indexOf(payload.name, lineStart);
    // The example shows the provider's value (empty for a key).
    edits.push({ file: file.path, start: nameStart, end: nameStart + payload.name.length, text: renamed[0] });
    edits.push({ file: file.path, start: payload.valueStart, end: payload.valueEnd, text: renamed[1] });
  } else if (mapped && mapped !== unquoted) {
    const offset = payload.value.length !== unquoted.length ? 1 : 0;
    edits.push({ file: file.path, start: payload.valueStart + offset, end: payload.valueStart + offset + unquoted.length, text: mapped });
  }
  if (payload.last) {
    // Variables another line of this file is renamed to are not added again.
    const renamedTo = otherRenames(file, target, context);
    const missing = wantedVariables(target, payload.name, file.text, context).filter(([name]) => !renamedTo.has(name) && name !== renamed?.[0]);
    if (missing.length) {
      const eol = eolOf(file.text);
      // Where a line of the file became the provider's, the added ones join it without a heading.
      const heading = renamed || renamedTo.size ? [] : [`# ${target.provider.name.en}`];
      const block = [...heading, ...missing.map(([name, value]) => `${name}=${value}`)].join(eol);
      edits.push({ file: file.path, start: payload.lineEnd, end: payload.lineEnd, text: `${eol}${block}` });
    }
  }
  if (!edits.length) return { readiness: 'info' };
  const description = renamed
    ? described(`rename ${payload.name} to ${renamed[0]} in ${file.path}: no code reads ${payload.name} any more`, `在 ${file.path} 中把 ${payload.name} 改名为 ${renamed[0]}：已没有代码读取 ${payload.name}`)
    : described(`add ${target.provider.name.en}'s variables next to OpenAI's in ${file.path}`, `在 ${file.path} 中 OpenAI 变量旁添加${target.provider.name.zh}的变量`);
  return writable
    ? { readiness: 'auto', fix: { ...description, safety: 'safe', edits }, docs: DOCS.dotenv }
    : {
        readiness: 'review',
        action: t(
          `Add ${providerVariables(target, payload.name).map(([n]) => n).join(' and ')} to ${file.path} yourself, or run apply with --include-env-files.`,
          `请自行在 ${file.path} 中添加 ${providerVariables(target, payload.name).map(([n]) => n).join(' 和 ')}，或使用 apply --include-env-files。`,
        ),
        docs: DOCS.dotenv,
        suggestions: [{ ...description, safety: 'review', edits }],
      };
}

/** The provider variables other OpenAI lines of an env file are renamed to. */
function otherRenames(file: SourceText, target: Target, context: PlanContext): Set<string> {
  const out = new Set<string>();
  if (!context.readsVariable) return out;
  for (const match of file.text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z0-9_]*OPENAI[A-Za-z0-9_]*)[ \t]*=/gim)) {
    const role = roleOf(match[1]);
    if (role !== 'key' && role !== 'baseURL') continue;
    const renamed = renamedLine({ type: 'envLine', file, name: match[1], role, value: '', valueStart: 0, valueEnd: 0, lineEnd: 0, example: isExampleEnvFile(file.path), last: false }, target, context);
    if (renamed) out.add(renamed[0]);
  }
  return out;
}

function planCompose(payload: Extract<EnvPayload, { type: 'composeEntry' }>, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target || !payload.last) return { readiness: 'info' };
  const { file } = payload;
  const entry = file.text.slice(payload.entryStart, payload.entryEnd);
  const indent = /^[ \t]*/.exec(entry)![0];
  const body = entry.slice(indent.length);
  const isList = body.startsWith('-');
  const quote = /^-\s*(["'])/.exec(body)?.[1] ?? '';
  const lines: string[] = [];
  for (const [name, value] of wantedVariables(target, payload.name, '', context)) {
    if (payload.blockNames.includes(name)) continue;
    // Compose substitutes an unset variable with '' — a default keeps the endpoint when it is unset.
    const substitution = value ? `\${${name}:-${value}}` : `\${${name}}`;
    lines.push(isList ? `${indent}- ${quote}${name}=${substitution}${quote}` : `${indent}${name}: ${substitution}`);
  }
  if (!lines.length) return { readiness: 'info' };
  const eol = eolOf(file.text);
  return {
    readiness: 'auto',
    docs: DOCS.compose,
    fix: {
      ...described(`pass ${target.provider.name.en}'s variables to the container`, `把${target.provider.name.zh}的变量传给容器`),
      safety: 'safe',
      edits: [{ file: file.path, start: payload.entryEnd, end: payload.entryEnd, text: `${eol}${lines.join(eol)}` }],
    },
  };
}
