/**
 * Plans for the `vercel-ai` module. The default `openai` instance cannot be pointed anywhere, so it
 * becomes `createOpenAI({ baseURL, apiKey })` under the same local name (the call sites stay); an
 * existing `createOpenAI({...})` gets its options rewritten like an openai client; from
 * @ai-sdk/openai 2.0 on, `openai('id')` becomes `openai.chat('id')` (chat completions, which every
 * provider serves, instead of the Responses API); model ids are mapped; helper calls get the
 * capability lint.
 */
import { ts } from '../../analysis/ts.js';
import { resolveTopLevel } from '../../analysis/scope.js';
import { nodeRange, type Unit } from '../../analysis/unit.js';
import { skipOuter } from '../../analysis/values.js';
import { findOpenAiModel, findProvider, isOpenAiModelId, mapModel } from '../../catalogue/index.js';
import type { Provider } from '../../catalogue/schema.js';
import type { ApiFamily, FileEdit, Fix, TextEdit } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { fileEdits, formatObject, removeListElement, replaceNode, replaceStringContent } from '../../edits/object-literal.js';
import { quoteString } from '../../edits/style.js';
import { checkFamily, type Issue, lintRequest, modelSourceIssues, noModelIssue } from '../shared/capability.js';
import { baseUrlExpression, envRead, providerKeyEnv } from '../shared/env.js';
import { UNKNOWN } from '../../dialects/types.js';
import { sameNameDialectEdits } from '../shared/wire-view.js';
import { SAME_NAME_OPTIONS } from './wire.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import type { OpenAiDetection } from '../openai/detect.js';
import { clientEdits, planModel as planOpenAiModel } from '../openai/rewrite.js';
import type { BindingShape } from './binding.js';
import type { VercelDetection, VercelPayload } from './detect.js';
import type { SdkVersions } from './version.js';
import * as text from './messages.js';

type Payload<T extends VercelPayload['type']> = Extract<VercelPayload, { type: T }>;


function joined(notes: Localized[]): Localized {
  return t(notes.map((n) => n.en).join(' '), notes.map((n) => n.zh).join(' '));
}

export function planVercelAi(detection: VercelDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'import':
    case 'routedProvider':
      return planInfo(payload, context);
    case 'defaultProvider':
      return planDefaultProvider(payload, context);
    case 'provider':
      return planProvider(payload, context);
    case 'azureProvider':
      return planAzure(context);
    case 'responsesByDefault':
      return planResponsesByDefault(payload, context);
    case 'model':
      return planModel(detection, payload, context);
    case 'builtinTool':
      return { readiness: 'manual', action: text.builtinToolAction(), docs: text.DOCS.tools };
    case 'helper':
      return planHelper(detection, payload, context);
    case 'legacyStream':
      return { readiness: 'review', action: text.legacyStreamAction(), docs: text.DOCS.migration4 };
    case 'registry':
      return { readiness: 'info' };
  }
}

function planInfo(payload: Payload<'import'> | Payload<'routedProvider'>, context: PlanContext): PlannedFields {
  const target = context.target;
  if (payload.type === 'routedProvider' && target && payload.routing.to === 'provider' && payload.routing.provider === target.provider.id) {
    return { readiness: 'info', message: t(`AI SDK OpenAI provider already points at ${target.provider.name.en}`, `AI SDK OpenAI 服务商实例已指向 ${target.provider.name.zh}`) };
  }
  return { readiness: 'info' };
}

function planAzure(context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) {
    return { readiness: 'manual', action: t('Replace it with createOpenAI({ baseURL, apiKey }) from @ai-sdk/openai for the chosen provider.', '请改用 @ai-sdk/openai 的 createOpenAI({ baseURL, apiKey }) 指向所选服务商。'), docs: text.DOCS.azure };
  }
  return { readiness: 'manual', action: text.azureAction(target.provider.name, providerKeyEnv(target.provider), target.baseURL), docs: target.provider.docs.openaiCompatibility };
}

/** The local name `createOpenAI` is bound to in this unit (import or destructured require), if any. */
function createOpenAiLocal(unit: Unit): string | undefined {
  for (const statement of unit.sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === '@ai-sdk/openai') {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
      const element = bindings.elements.find((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'createOpenAI');
      if (element) return element.name.text;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && ts.isCallExpression(declaration.initializer) ? declaration.initializer : undefined;
        const arg = init?.arguments[0];
        if (!init || !arg || !ts.isStringLiteral(arg) || arg.text !== '@ai-sdk/openai' || !ts.isObjectBindingPattern(declaration.name)) continue;
        const element = declaration.name.elements.find((e) => (e.propertyName ?? e.name).getText(unit.sf) === 'createOpenAI' && ts.isIdentifier(e.name));
        if (element) return (element.name as ts.Identifier).text;
      }
    }
  }
  return undefined;
}

/** `const x = require('y')` (any module, destructured or not). */
function isRequireStatement(statement: ts.Statement): boolean {
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((d) => {
    const init = d.initializer && skipOuter(d.initializer);
    return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}

/** Removes a whole statement, with its line when it stands alone on it. */
function removeStatement(unit: Unit, statement: ts.Node): TextEdit {
  const { start, end } = nodeRange(unit, statement);
  const lineStart = unit.text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = unit.text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = unit.text.length;
  const before = unit.text.slice(lineStart, start);
  const after = unit.text.slice(end, lineEnd).replace(/\r$/, '');
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) return { start: lineStart, end: Math.min(lineEnd + 1, unit.text.length), text: '' };
  return { start, end, text: '' };
}

/** Where the new declaration goes: the end of the anchor's line when nothing but a comment follows it there. */
function insertionPoint(unit: Unit, anchor: ts.Node): number {
  const { end } = nodeRange(unit, anchor);
  let lineEnd = unit.text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = unit.text.length;
  if (unit.text[lineEnd - 1] === '\r') lineEnd--;
  return /^[ \t;]*(\/\/.*|\/\*.*\*\/[ \t]*)?$/.test(unit.text.slice(end, lineEnd)) ? lineEnd : end;
}

/** The options object of the new provider: endpoint, key, and (1.x) the stream mode the default instance had. */
function providerEntries(target: Target, context: PlanContext, unit: Unit, versions: SdkVersions): string[] {
  const { provider } = target;
  const style = context.style(unit.path);
  const entries = [`baseURL: ${baseUrlExpression(provider, target.baseURL, 'process.env', style)}`, `apiKey: ${envRead('process.env', providerKeyEnv(provider), style)}`];
  // The 1.x default instance is created with compatibility 'strict' (stream_options on streams);
  // createOpenAI defaults to 'compatible'. Keep 'strict' only where the provider accepts stream_options.
  if (versions.openai !== undefined && versions.openai < 2 && provider.features.streamOptions.support === 'yes') entries.push(`compatibility: ${quoteString('strict', style)}`);
  return entries;
}

function defaultProviderEdits(binding: Extract<BindingShape, { shape: 'named' | 'require' }>, target: Target, context: PlanContext, versions: SdkVersions): TextEdit[] | undefined {
  const { unit } = binding;
  const style = context.style(unit.path);
  const existing = createOpenAiLocal(unit);
  // A local `createOpenAI` of the user's own would be shadowed: leave the file to a person.
  if (!existing && resolveTopLevel(unit.sf, 'createOpenAI')) return undefined;
  const factory = existing ?? 'createOpenAI';
  const edits: TextEdit[] = [];
  let removed: ts.Node | undefined;
  if (existing) {
    const list = binding.specifier.parent.elements as readonly ts.Node[];
    if (list.length === 1) {
      removed = binding.statement;
      edits.push(removeStatement(unit, binding.statement));
    } else {
      edits.push(removeListElement(unit, binding.specifier, list));
    }
  } else {
    edits.push(replaceNode(unit, binding.specifier, 'createOpenAI'));
  }
  let anchor: ts.Node | undefined;
  if (binding.shape === 'named') {
    for (const statement of unit.sf.statements) if (ts.isImportDeclaration(statement) && statement !== removed) anchor = statement;
  } else if (!removed) {
    // After the block of requires the binding's statement opens.
    const statements = unit.sf.statements;
    let index = statements.indexOf(binding.statement as ts.Statement);
    while (index + 1 < statements.length && isRequireStatement(statements[index + 1])) index++;
    anchor = statements[index];
  } else {
    const index = unit.sf.statements.indexOf(binding.statement as ts.Statement);
    anchor = index > 0 ? unit.sf.statements[index - 1] : undefined;
  }
  const prefix = `const ${binding.local} = ${factory}(`;
  const object = formatObject(providerEntries(target, context, unit, versions), style, '', prefix.length);
  const declaration = `${prefix}${object})${style.semicolons ? ';' : ''}`;
  if (anchor) {
    const at = insertionPoint(unit, anchor);
    edits.push({ start: at, end: at, text: `${style.eol}${style.eol}${declaration}` });
  } else {
    const at = nodeRange(unit, binding.statement).start;
    edits.push({ start: at, end: at, text: `${declaration}${style.eol}${style.eol}` });
  }
  return edits;
}

function planDefaultProvider(payload: Payload<'defaultProvider'>, context: PlanContext): PlannedFields {
  const target = context.target;
  const { binding, versions } = payload;
  if (binding.shape === 'other') {
    return {
      readiness: 'manual',
      action: t(
        `The default instance is bound through ${binding.how}: replace it by hand with createOpenAI({ baseURL, apiKey }) for the provider.`,
        `默认实例通过${binding.how}引入：请手动改为指向服务商的 createOpenAI({ baseURL, apiKey })。`,
      ),
      docs: text.DOCS.settings,
    };
  }
  if (!target) {
    return {
      readiness: 'auto',
      action: t(`apply replaces it with createOpenAI({ baseURL, apiKey }) for the chosen provider under the name '${binding.local}'.`, `apply 会将其替换为指向所选服务商的 createOpenAI({ baseURL, apiKey })，名称仍为 '${binding.local}'。`),
      docs: text.DOCS.settings,
    };
  }
  const { provider } = target;
  const edits = defaultProviderEdits(binding, target, context, versions);
  if (!edits) {
    return {
      readiness: 'manual',
      action: t(
        "This file declares its own createOpenAI: import the AI SDK's under another name and declare the provider with it by hand.",
        '此文件自行声明了 createOpenAI：请以其他名称导入 AI SDK 的 createOpenAI 并手动声明服务商实例。',
      ),
      docs: text.DOCS.settings,
    };
  }
  const keyEnv = providerKeyEnv(provider);
  const notes: Localized[] = [
    t(
      `Chose createOpenAI from the installed @ai-sdk/openai (every major version takes baseURL and apiKey) over @ai-sdk/openai-compatible${versions.openaiCompatible ? ', which is installed too,' : ''}: it keeps .chat() / .embedding() at the call sites.`,
      `选择已安装的 @ai-sdk/openai 中的 createOpenAI（所有主版本都支持 baseURL 和 apiKey），而非 @ai-sdk/openai-compatible${versions.openaiCompatible ? '（项目中也已安装）' : ''}：调用处的 .chat() / .embedding() 可保持不变。`,
    ),
    t(`Set ${keyEnv} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${keyEnv}。`),
  ];
  if (versions.openai !== undefined && versions.openai < 2 && provider.features.streamOptions.support !== 'yes') {
    notes.push(
      t(
        `The 1.x default instance sends stream_options on streams (compatibility 'strict'); ${provider.name.en} support for it is ${provider.features.streamOptions.support}, so the new provider keeps createOpenAI's 'compatible' mode and streamed results carry no token usage unless you add compatibility: 'strict'.`,
        `1.x 默认实例在流式请求中发送 stream_options（compatibility 'strict'）；${provider.name.zh} 对其支持情况为 ${provider.features.streamOptions.support}，因此新实例沿用 createOpenAI 的 'compatible' 模式，流式结果不含 token 用量，除非手动加上 compatibility: 'strict'。`,
      ),
    );
  }
  return {
    readiness: 'auto',
    message: t(`default provider '${binding.local}' → createOpenAI({ baseURL, apiKey }) for ${provider.name.en}`, `默认服务商实例 '${binding.local}' → 指向 ${provider.name.zh} 的 createOpenAI({ baseURL, apiKey })`),
    action: joined(notes),
    docs: provider.docs.openaiCompatibility,
    fix: { ...described(`replace the default OpenAI instance with createOpenAI for ${provider.name.en} (${target.baseURL})`, `把默认的 OpenAI 实例换成面向${provider.name.zh}的 createOpenAI（${target.baseURL}）`), safety: 'safe', edits: fileEdits(binding.unit, edits) },
  };
}

function planProvider(payload: Payload<'provider'>, context: PlanContext): PlannedFields {
  const target = context.target;
  const { client, versions, compatibility } = payload;
  if (!target) {
    return { readiness: 'auto', action: t('apply sets baseURL and apiKey for the chosen provider.', 'apply 会为所选服务商设置 baseURL 和 apiKey。'), docs: text.DOCS.settings };
  }
  const { provider } = target;
  const planned = clientEdits(client, target, context);
  const review: FileEdit[] = [...planned.review];
  const notes = [...planned.notes];
  if (compatibility?.value === 'strict') {
    if (versions.openai !== undefined && versions.openai >= 2) {
      notes.push(t("compatibility is gone in @ai-sdk/openai 2.0 (streams always send stream_options); the option is ignored.", 'compatibility 选项在 @ai-sdk/openai 2.0 中已移除（流式请求总是发送 stream_options），该选项不起作用。'));
    } else if (provider.features.streamOptions.support !== 'yes') {
      // 'compatible' (createOpenAI's default in 1.x) sends no stream_options; the value is replaced
      // in place so that the safe edits around it (a baseURL appended after it) still apply.
      const value = ts.isPropertyAssignment(compatibility.property) ? skipOuter(compatibility.property.initializer) : undefined;
      const object = client.options.kind === 'literal' ? client.options.object : undefined;
      if (object && value && ts.isStringLiteralLike(value)) review.push(...fileEdits(object.unit, [replaceStringContent(object.unit, value, 'compatible')]));
      notes.push(
        t(
          `compatibility: 'strict' sends stream_options on every stream; ${provider.name.en} support for it is ${provider.features.streamOptions.support}. Test a stream, or switch to 'compatible' (streamed results then carry no token usage).`,
          `compatibility: 'strict' 会在每个流式请求中发送 stream_options；${provider.name.zh} 对其支持情况为 ${provider.features.streamOptions.support}。请先测试流式调用，或改为 'compatible'（流式结果将不含 token 用量）。`,
        ),
      );
    }
  }
  const fix: Fix | undefined = planned.edits.length
    ? { ...described(`point the provider at ${provider.name.en} (${target.baseURL})`, `把 provider 指向${provider.name.zh}（${target.baseURL}）`), safety: 'safe', edits: planned.edits }
    : undefined;
  const suggestions: Fix[] = review.length ? [{ ...described('adjust the provider options for the target (key source, stream mode)', '按目标服务商调整 provider 选项（key 来源、流式模式）'), safety: 'review', edits: review }] : [];
  return {
    readiness: suggestions.length || client.options.kind === 'opaque' ? 'review' : 'auto',
    message: t(`AI SDK OpenAI provider → ${provider.name.en}`, `AI SDK OpenAI 服务商实例 → ${provider.name.zh}`),
    action: notes.length ? joined(notes) : t(`Set ${providerKeyEnv(provider)} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${providerKeyEnv(provider)}。`),
    docs: provider.docs.openaiCompatibility,
    fix,
    suggestions,
  };
}

function planResponsesByDefault(payload: Payload<'responsesByDefault'>, context: PlanContext): PlannedFields {
  if (payload.blocked) return { readiness: 'manual', action: text.providerNotMigrated(payload.blocked), docs: text.DOCS.migration5 };
  const { site } = payload;
  const callee = site.node.expression;
  let edit: TextEdit;
  if (payload.method === 'languageModel' && ts.isPropertyAccessExpression(callee)) edit = replaceNode(site.unit, callee.name, 'chat');
  else edit = { start: nodeRange(site.unit, callee).end, end: nodeRange(site.unit, callee).end, text: '.chat' };
  const action = t('apply makes it .chat(…): the same model over chat completions.', 'apply 会改为 .chat(…)：同一模型改走对话补全接口。');
  if (!context.target) return { readiness: 'auto', action, docs: text.DOCS.migration5 };
  return {
    readiness: 'auto',
    action,
    docs: text.DOCS.migration5,
    fix: { ...described('use chat completions (.chat) instead of the Responses API', '改用 chat completions（.chat），不用 Responses API'), safety: 'safe', edits: fileEdits(site.unit, [edit]) },
  };
}

function planModel(detection: VercelDetection, payload: Payload<'model'>, context: PlanContext): PlannedFields {
  if (payload.blocked && context.target) return { readiness: 'manual', action: text.providerNotMigrated(payload.blocked), docs: text.DOCS.settings };
  const openaiDetection = {
    ...detection,
    payload: { type: 'model', unit: payload.unit, literal: payload.literal, family: payload.family, needsVision: false, envOverride: payload.envOverride },
  } as OpenAiDetection;
  return planOpenAiModel(openaiDetection, openaiDetection.payload as Extract<OpenAiDetection['payload'], { type: 'model' }>, context);
}

function planHelper(detection: VercelDetection, payload: Payload<'helper'>, context: PlanContext): PlannedFields {
  const portable = payload.family === 'chat';
  if (payload.model.provider.pkg === 'azure' || payload.routing.to === 'azure') {
    return {
      readiness: 'manual',
      message: text.azureHelperCall(payload.rule.name, payload.family),
      reason: text.azureCall(),
      action: t('Replace the Azure provider first (see its finding); this call then moves with it.', '请先替换 Azure 服务商（见其发现项），此调用随之迁移。'),
      docs: text.DOCS.azure,
    };
  }
  // A provider already routed to a catalogue provider is linted against that provider.
  const routedTo = payload.routing.to === 'provider' ? findProvider(payload.routing.provider) : undefined;
  if (payload.routing.to !== 'openai' && !routedTo) return { readiness: 'info' };
  const target: Target | undefined = routedTo ? { provider: routedTo, regionId: '', baseURL: '', modelOverrides: {} } : context.target;
  if (!target) return { readiness: portable && !payload.builtinTools.length ? 'auto' : 'review' };
  const { provider } = target;
  // Routed 2.x providers still call /responses through a direct call: lint that family then.
  const family: ApiFamily = routedTo && payload.model.kind === 'language' && payload.versions.openai !== undefined && payload.versions.openai >= 2 ? 'responses' : payload.family;
  const issues = helperIssues(detection, payload, provider, target, family, !!routedTo, context.vectorColumns);
  const manual = issues.some((i) => i.level === 'manual');
  const ordered = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'manual' ? -1 : 1));
  const mapping = detection.model && isOpenAiModelId(detection.model) && !routedTo ? mapModel(detection.model, provider, target.modelOverrides) : undefined;
  const familyName = text.familyText(family);
  const options = payload.facts.object;
  // The dialect rules' value fixes on options spelt as the wire parameter (temperature), at review level.
  const review = family === 'chat' && options && !payload.blocked ? sameNameDialectEdits(payload.facts.view, provider.id, mapping?.target ?? detection.model, options, SAME_NAME_OPTIONS) : [];
  return {
    readiness: manual ? 'manual' : issues.length || review.length ? 'review' : 'auto',
    ...(ordered.length
      ? {
          reason: joined(ordered.map((i) => i.message)),
          action: payload.blocked
            ? text.providerNotMigrated(payload.blocked)
            : manual
            ? t(`This ${familyName.en} call cannot move to ${provider.name.en} as is: keep it on another provider or rework it.`, `此${familyName.zh}调用无法直接迁移到 ${provider.name.zh}：请保留在其他服务商或改写。`)
            : review.length
            ? t('Check the points above before you ship; apply --include-review makes the suggested edits.', '上线前请核对以上各点；apply --include-review 会执行建议的修改。')
            : t('Check the points above before you ship.', '上线前请核对以上各点。'),
          docs: ordered[0].docs ?? provider.docs.openaiCompatibility,
        }
      : {}),
    ...(mapping?.target ? { targetModel: mapping.target } : {}),
    ...(review.length && options ? { fix: { ...described('adjust request options for the provider (dialect rules)', '按服务商调整请求选项（方言规则）'), safety: 'review', edits: fileEdits(options.unit, review) } as Fix } : {}),
  };
}

function helperIssues(detection: VercelDetection, payload: Payload<'helper'>, provider: Provider, target: Target, family: ApiFamily, routed: boolean, vectorColumns?: PlanContext['vectorColumns']): Issue[] {
  const issues: Issue[] = [];
  if (payload.blocked) issues.push({ level: 'manual', message: text.providerNotMigrated(payload.blocked), docs: text.DOCS.settings });
  const familyIssue = checkFamily(provider, family);
  if (familyIssue) issues.push(familyIssue);
  const mapping = detection.model && isOpenAiModelId(detection.model) && !routed ? mapModel(detection.model, provider, target.modelOverrides) : undefined;
  const previousDimensions = detection.model ? findOpenAiModel(detection.model)?.embeddingDimensions : undefined;
  if (!familyIssue || familyIssue.level !== 'manual') {
    // The SDK writes "JSON" into the prompt itself in JSON mode: the word check does not apply.
    let facts = payload.jsonInstructionInjected ? { ...payload.facts, promptText: '' } : payload.facts;
    // The wire view holds chat completions parameters (vercel-ai/wire.ts): a Responses call sends others.
    if (family !== 'chat') facts = { ...facts, view: UNKNOWN };
    issues.push(
      ...lintRequest(facts, provider, {
        family,
        flavour: payload.rule.stream ? 'stream' : 'create',
        ...(mapping?.target ? { targetModel: mapping.target } : {}),
        ...(previousDimensions ? { previousDimensions } : {}),
        vectorColumns,
      }),
    );
  }
  if (payload.builtinTools.length) {
    issues.push({
      level: 'manual',
      message: t(
        `OpenAI built-in tools (${payload.builtinTools.join(', ')}) run only at OpenAI.`,
        `OpenAI 内置工具（${payload.builtinTools.join('、')}）仅在 OpenAI 上运行。`,
      ),
      docs: text.DOCS.tools,
    });
  }
  const embeddingModel = mapping?.target ? provider.embeddingModels.find((m) => m.id === mapping.target) : undefined;
  if (payload.rule.name === 'embedMany' && payload.facts.inputDynamic && typeof embeddingModel?.maxBatch === 'number' && embeddingModel.maxBatch < 2048) {
    issues.push({
      level: 'review',
      message: t(
        "The AI SDK splits embedMany values by the OpenAI model's limit (2048 per request), not by the provider's.",
        'AI SDK 按 OpenAI 模型的上限（每次 2048 条）而非服务商的上限拆分 embedMany 的输入。',
      ),
      docs: text.DOCS.provider,
    });
  }
  if (mapping && !mapping.target && !provider.keepUnmappedModels) {
    issues.push(noModelIssue(provider, detection.model));
  }
  issues.push(...modelSourceIssues(provider, { dynamic: payload.modelDynamic, envs: payload.modelEnv, literals: payload.modelLiterals.length }));
  return issues;
}
