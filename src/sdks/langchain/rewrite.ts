/**
 * Plans for the `langchain` module: for a target provider, each model construction gets the
 * provider's endpoint (`configuration.baseURL`), key and model id with minimal edits; calls are
 * linted against what the provider serves (structured output, tools, streaming, embeddings).
 */
import { ts } from '../../analysis/ts.js';
import { nodeRange, type Unit } from '../../analysis/unit.js';
import { findOpenAiModel, findProvider, isOpenAiModelId, mapModel } from '../../catalogue/index.js';
import type { Provider } from '../../catalogue/schema.js';
import type { FileEdit, Fix, Readiness } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { appendProperties, columnOf, fileEdits, formatObject, lineIndent, removeListElements, replaceNode } from '../../edits/object-literal.js';
import { quoteString, type TextStyle } from '../../edits/style.js';
import { checkFamily, type Issue, lintRequest, modelSourceIssues, noModelIssue } from '../shared/capability.js';
import { emptyFacts, type RequestFacts } from '../shared/request.js';
import { baseUrlExpression, envRead, isOpenAiEnvName, providerKeyEnv, renameEnvRead, type EnvStyle } from '../shared/env.js';
import type { OpenAiDetection } from '../openai/detect.js';
import { planModel as planOpenAiModel } from '../openai/rewrite.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import { familyOf, initializerOf, modelOf, type CallFacts, type LcClientFacts, type LcDetection, type LcPayload, type PropertyRef } from './detect.js';
import { DOCS, docsFor } from './messages.js';
import { callWireView, SAME_NAME_OPTIONS } from './wire.js';
import { sameNameDialectEdits } from '../shared/wire-view.js';
import { UNKNOWN } from '../../dialects/types.js';

/** LangChain's default `batchSize` for OpenAIEmbeddings (embeddings.ts). */
const DEFAULT_BATCH_SIZE = 512;

export function planLangChain(detection: LcDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'import':
      return { readiness: 'info' };
    case 'client':
      return planClient(payload.client, context);
    case 'model':
      return planModelSite(detection, payload, context);
    case 'call':
      return planCall(detection, payload, context);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Request facts                                                                               */
/* ------------------------------------------------------------------------------------------ */


const STRUCTURED_FORMAT: Record<string, RequestFacts['responseFormat']> = { jsonSchema: 'json_schema', jsonMode: 'json_object' };

/** The request LangChain builds: constructor options, `modelKwargs`, then what the call adds. */
function requestOf(client: LcClientFacts | undefined, call: CallFacts | undefined): RequestFacts {
  const facts = emptyFacts();
  const options = client?.options;
  const kwargs = options?.kwargs;
  const callOptions = call?.options;
  const streaming = call?.stream ? true : options?.streaming ?? false;
  facts.stream = streaming;
  // langchain-openai ≥ 0.2 adds stream_options.include_usage to every streamed request unless
  // streamUsage is false; the old langchain/... classes never did.
  facts.streamOptions =
    streaming === true && (client ? !client.legacy && client.options.streamUsage : true) ? true : Boolean(callOptions?.streamOptions || kwargs?.streamOptions);
  facts.tools = Boolean(call?.tools || callOptions?.tools || kwargs?.tools);
  const structured = call?.structured;
  facts.toolChoice = callOptions?.toolChoice ?? kwargs?.toolChoice ?? (structured?.method === 'functionCalling' ? 'function' : undefined);
  facts.parallelToolCalls = Boolean(callOptions?.parallelToolCalls || kwargs?.parallelToolCalls);
  facts.responseFormat = structured
    ? (STRUCTURED_FORMAT[structured.method ?? 'jsonSchema'] ?? (structured.method === 'unknown' ? 'json_schema' : undefined))
    : (callOptions?.responseFormat ?? kwargs?.responseFormat);
  facts.n = options?.n ?? kwargs?.n;
  facts.logprobs = Boolean(options?.logprobs || kwargs?.logprobs);
  facts.seed = Boolean(kwargs?.seed || callOptions?.seed);
  facts.logitBias = Boolean(options?.logitBias || kwargs?.logitBias);
  facts.temperature = options?.temperature ?? kwargs?.temperature;
  facts.maxTokens = options?.maxTokens;
  facts.reasoningEffort = Boolean(options?.reasoning || kwargs?.reasoningEffort);
  facts.images = call?.images ?? false;
  // OpenAI-only constructor options are reported (and removed) once, at the construction.
  facts.openaiOnly = call ? [...(callOptions?.openaiOnly ?? [])] : [...(options?.openaiOnly.map((r) => r.property) ?? []), ...(kwargs?.openaiOnly ?? [])];
  facts.dimensions = options?.dimensions;
  facts.inputCount = call?.inputCount;
  facts.promptText = call?.promptText ?? '';
  if (options) facts.view = callWireView(options.view, callOptions?.view);
  return facts;
}

/* ------------------------------------------------------------------------------------------ */
/* Issues shared by constructions and calls                                                    */
/* ------------------------------------------------------------------------------------------ */

interface Assessment {
  issues: Issue[];
  targetModel?: string;
  /** The family or the model cannot move: nothing is rewritten. */
  blocked: boolean;
}

function assess(client: LcClientFacts | undefined, call: CallFacts | undefined, family: string, model: string | undefined, provider: Provider, target: Target, routed: boolean, vectorColumns?: PlanContext['vectorColumns']): Assessment {
  const issues: Issue[] = [];
  const familyIssue = checkFamily(provider, family as Parameters<typeof checkFamily>[1]);
  if (familyIssue) issues.push(familyIssue);
  const mapping = model && isOpenAiModelId(model) && !routed ? mapModel(model, provider, target.modelOverrides) : undefined;
  const targetModel = mapping?.target;
  const previousDimensions = model ? findOpenAiModel(model)?.embeddingDimensions : undefined;
  let blocked = familyIssue?.level === 'manual';
  if (!blocked) {
    const facts = requestOf(client, call);
    // The wire view holds chat completions parameters (wire.ts): other families send others.
    if (family !== 'chat') facts.view = UNKNOWN;
    const linted = lintRequest(facts, provider, {
      family: family as Parameters<typeof checkFamily>[1],
      ...(targetModel ? { targetModel } : {}),
      ...(previousDimensions ? { previousDimensions } : {}),
      vectorColumns,
    });
    for (const issue of linted) {
      // The stream_options LangChain adds by itself can be switched off: say how.
      if (issue.feature === 'streamOptions' && facts.streamOptions) {
        issues.push({
          ...issue,
          message: t(
            `LangChain adds stream_options: { include_usage: true } to streamed requests. ${issue.message.en} Pass streamUsage: false if ${provider.name.en} rejects it.`,
            `LangChain 会在流式请求中加入 stream_options: { include_usage: true }。${issue.message.zh} 若 ${provider.name.zh} 拒绝该参数，请设置 streamUsage: false。`,
          ),
        });
      } else {
        issues.push(issue);
      }
    }
  }
  if (!blocked && mapping && !mapping.target && !provider.keepUnmappedModels && family !== 'other') {
    blocked = true;
    issues.push(noModelIssue(provider, model));
  }
  if (client && !routed) {
    issues.push(...modelSourceIssues(provider, { dynamic: client.model.dynamic, envs: client.model.env, literals: client.model.literals.length }));
    if (client.cls.kind === 'llm' && model && !/instruct|davinci|babbage/.test(model)) {
      issues.push({
        level: 'review',
        message: t(
          `LangChain's OpenAI class sends /completions requests; for the chat model '${model}' use ChatOpenAI, which chains and agents accept as well.`,
          `LangChain 的 OpenAI 类发送 /completions 请求；对话模型 '${model}' 请改用 ChatOpenAI（链和智能体同样接受）。`,
        ),
        docs: DOCS.chat,
      });
    }
  }
  const batch = client && targetModel ? batchIssue(client, provider, targetModel) : undefined;
  if (batch && (!call || call.inputDynamic || (call.inputCount ?? 0) > 1)) issues.push(batch.issue);
  return { issues, ...(targetModel ? { targetModel } : {}), blocked };
}

/** embedDocuments sends `batchSize` texts per request (512 by default); providers take far fewer. */
function batchIssue(client: LcClientFacts, provider: Provider, targetModel: string): { issue: Issue; maxBatch: number } | undefined {
  if (client.cls.family !== 'embeddings') return undefined;
  const model = provider.embeddingModels.find((m) => m.id === targetModel);
  if (!model || typeof model.maxBatch !== 'number') return undefined;
  const configured = client.options.batchSize;
  const size = configured ? configured.value : DEFAULT_BATCH_SIZE;
  if (size !== undefined && size <= model.maxBatch) return undefined;
  const what = size === undefined ? `as many as ${configured!.ref.property.getText()} says` : configured ? `up to ${size}` : `up to ${DEFAULT_BATCH_SIZE} (the default batchSize)`;
  const whatZh = size === undefined ? `${configured!.ref.property.getText()} 指定的数量` : configured ? `最多 ${size} 条` : `最多 ${DEFAULT_BATCH_SIZE} 条（batchSize 默认值）`;
  return {
    maxBatch: model.maxBatch,
    issue: {
      level: 'review',
      feature: 'embeddings',
      message: t(
        `${model.id} takes at most ${model.maxBatch} inputs per request; embedDocuments (and every vector store fed by this model) sends ${what} texts per request: set batchSize: ${model.maxBatch}.`,
        `${model.id} 每次最多 ${model.maxBatch} 条输入；embedDocuments（以及使用该模型的向量库）每次请求发送${whatZh}文本，请设置 batchSize: ${model.maxBatch}。`,
      ),
      docs: model.price.source,
    },
  };
}

function ordered(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'manual' ? -1 : 1));
}

function joined(issues: Issue[]): Localized {
  return t(issues.map((i) => i.message.en).join(' '), issues.map((i) => i.message.zh).join(' '));
}

function readinessOf(issues: Issue[], reviewEdits: boolean): Readiness {
  if (issues.some((i) => i.level === 'manual')) return 'manual';
  return issues.length || reviewEdits ? 'review' : 'auto';
}

/* ------------------------------------------------------------------------------------------ */
/* Constructions                                                                               */
/* ------------------------------------------------------------------------------------------ */

function planClient(client: LcClientFacts, context: PlanContext): PlannedFields {
  const target = context.target;
  const { cls } = client;
  if (client.routing.to !== 'openai' && client.routing.to !== 'azure' && cls.kind !== 'azure') {
    if (target && client.routing.to === 'provider' && client.routing.provider === target.provider.id) {
      return { readiness: 'info', message: t(`LangChain ${cls.name} already points at ${target.provider.name.en}`, `LangChain ${cls.name} 已指向 ${target.provider.name.zh}`) };
    }
    return { readiness: 'info' };
  }
  if (cls.kind === 'azure' || client.routing.to === 'azure') return planAzure(client, target);
  if (cls.kind === 'dalle') return planDallE(client, target);
  if (!target) {
    return {
      readiness: cls.kind === 'llm' ? 'review' : 'auto',
      action: t('apply sets configuration.baseURL, the key and the model for the chosen provider.', 'apply 会为所选服务商设置 configuration.baseURL、密钥和模型。'),
      docs: docsFor(cls),
    };
  }
  const { provider } = target;
  const model = modelOf(client);
  const assessment = assess(client, undefined, familyOf(client), model, provider, target, false, context.vectorColumns);
  const manual = assessment.issues.some((i) => i.level === 'manual');
  const issues = ordered(assessment.issues);
  if (assessment.blocked) {
    return {
      readiness: 'manual',
      reason: joined(issues),
      action: t(
        `This LangChain ${cls.name} cannot move to ${provider.name.en} as is: keep it on another provider, or pick a model with --model-map. It is left unchanged.`,
        `此 LangChain ${cls.name} 无法直接迁移到 ${provider.name.zh}：请保留在其他服务商，或用 --model-map 指定模型。代码保持不变。`,
      ),
      docs: issues[0]?.docs ?? docsFor(cls),
    };
  }
  const insertModel = !client.model.ref && model === cls.defaultModel && assessment.targetModel && assessment.targetModel !== model ? assessment.targetModel : undefined;
  const planned = clientEdits(client, target, context, insertModel, assessment);
  // The dialect rules' value fixes on options spelt as the wire parameter (temperature), at review level.
  if (client.fields.kind === 'literal' && familyOf(client) === 'chat') {
    const fields = client.fields.object;
    planned.review.push(...fileEdits(fields.unit, sameNameDialectEdits(client.options.view, provider.id, assessment.targetModel ?? model, fields, SAME_NAME_OPTIONS)));
  }
  // LangChain's text-completion class: the /completions endpoint is unverified at every provider.
  const safety = cls.kind === 'llm' ? 'review' : 'safe';
  const fix: Fix | undefined = planned.edits.length
    ? {
        ...described(
          `point ${cls.name} at ${provider.name.en} (${target.baseURL})${insertModel ? ` with ${insertModel}` : ''}`,
          `把 ${cls.name} 指向${provider.name.zh}（${target.baseURL}）${insertModel ? `，模型 ${insertModel}` : ''}`,
        ),
        safety,
        edits: planned.edits,
      }
    : undefined;
  const suggestions: Fix[] = planned.review.length ? [{ ...described('adjust the model options for the provider (OpenAI-only options out, key, batch size, dialect rules)', '按服务商调整模型选项（去掉 OpenAI 专有选项、key、批大小、方言规则）'), safety: 'review', edits: planned.review }] : [];
  const notes = [...planned.notes];
  if (insertModel) {
    notes.unshift(
      t(
        `No model is set, so LangChain would use its default ${model}: ${insertModel} is written explicitly.`,
        `未设置模型，LangChain 会使用默认的 ${model}：改写会显式写入 ${insertModel}。`,
      ),
    );
  }
  const actionParts = [
    ...notes,
    ...(issues.length || suggestions.length || fix?.safety === 'review'
      ? [t('Check the points above before you ship; apply --include-review makes the suggested edits.', '上线前请核对以上各点；apply --include-review 会执行建议的修改。')]
      : // A key under the project's own name (LLM_API_KEY) keeps it; the note above says what to set.
        client.key.kind === 'env' && client.key.env && !isOpenAiEnvName(client.key.env.name)
        ? []
        : [t(`Set ${providerKeyEnv(provider, client.key.env?.name)} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${providerKeyEnv(provider, client.key.env?.name)}。`)]),
  ];
  const action = t(actionParts.map((p) => p.en).join(' '), actionParts.map((p) => p.zh).join(' '));
  return {
    readiness: manual ? 'manual' : cls.kind === 'llm' ? 'review' : readinessOf(issues, suggestions.length > 0),
    message: t(`LangChain ${cls.name} → ${provider.name.en}`, `LangChain ${cls.name} → ${provider.name.zh}`),
    ...(issues.length ? { reason: joined(issues) } : {}),
    action,
    docs: issues[0]?.docs ?? provider.docs.openaiCompatibility,
    ...(assessment.targetModel ? { targetModel: assessment.targetModel } : {}),
    fix,
    suggestions,
  };
}

function planAzure(client: LcClientFacts, target: Target | undefined): PlannedFields {
  const { cls } = client;
  const plain = cls.family === 'chat' ? 'ChatOpenAI' : cls.family === 'embeddings' ? 'OpenAIEmbeddings' : cls.family === 'images' ? 'DallEAPIWrapper' : 'OpenAI';
  const name = target?.provider.name ?? { en: 'the provider', zh: '目标服务商' };
  const options = client.azureOptions.length ? client.azureOptions.join(', ') : 'the azureOpenAIApi* options';
  const optionsZh = client.azureOptions.length ? client.azureOptions.join('、') : 'azureOpenAIApi* 选项';
  const what =
    cls.kind === 'azure'
      ? t(`Replace new ${cls.name}({...}) with new ${plain}({ model, apiKey, configuration: { baseURL } }) for ${name.en}`, `将 new ${cls.name}({...}) 改为面向 ${name.zh} 的 new ${plain}({ model, apiKey, configuration: { baseURL } })`)
      : t(`Point this ${cls.name} at ${name.en} with model, apiKey and configuration.baseURL`, `为此 ${cls.name} 设置面向 ${name.zh} 的 model、apiKey 和 configuration.baseURL`);
  return {
    readiness: 'manual',
    action: t(
      `${what.en}: drop ${options} and use one of ${name.en}'s model ids instead of the Azure deployment name. banjia does not rewrite it, because a deployment name does not say which model it serves.`,
      `${what.zh}：删除 ${optionsZh}，并用 ${name.zh} 的模型名代替 Azure 部署名。banjia 不自动改写，因为部署名无法说明其对应的模型。`,
    ),
    docs: target?.provider.docs.openaiCompatibility ?? DOCS.azure,
  };
}

function planDallE(client: LcClientFacts, target: Target | undefined): PlannedFields {
  if (!target) return { readiness: 'review', docs: DOCS.dalle };
  const { provider } = target;
  const family = checkFamily(provider, 'images');
  const manual = family?.level === 'manual';
  return {
    readiness: manual ? 'manual' : 'review',
    ...(family ? { reason: family.message } : {}),
    action: manual
      ? t(
          `Image generation cannot move to ${provider.name.en}: keep DallEAPIWrapper on OpenAI or replace it with a tool that calls another image service.`,
          `图像生成无法迁移到 ${provider.name.zh}：请将 DallEAPIWrapper 保留在 OpenAI，或改用调用其他图像服务的工具。`,
        )
      : t(
          `DallEAPIWrapper sends OpenAI's images.generate request (model, size, style, quality): check that ${provider.name.en} accepts it, then set baseUrl, apiKey and model by hand.`,
          `DallEAPIWrapper 发送 OpenAI 的 images.generate 请求（model、size、style、quality）：请确认 ${provider.name.zh} 支持后，手动设置 baseUrl、apiKey 和 model。`,
        ),
    docs: family?.docs ?? DOCS.dalle,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Construction edits                                                                          */
/* ------------------------------------------------------------------------------------------ */

interface ClientEdits {
  edits: FileEdit[];
  review: FileEdit[];
  notes: Localized[];
}


/** Removes properties, grouped by the object literal they belong to. */
function removeProperties(refs: Array<{ object: PropertyRef['object']; property: ts.ObjectLiteralElementLike }>): FileEdit[] {
  const byObject = new Map<ts.Node, { object: PropertyRef['object']; properties: ts.Node[] }>();
  for (const ref of refs) {
    const slot = byObject.get(ref.object.node) ?? { object: ref.object, properties: [] };
    slot.properties.push(ref.property);
    byObject.set(ref.object.node, slot);
  }
  return [...byObject.values()].flatMap(({ object, properties }) => fileEdits(object.unit, removeListElements(object.unit, properties, object.node.properties, object.node)));
}

/** Replaces a property's value (a shorthand `{ baseURL }` becomes `baseURL: …`). */
function replaceValue(ref: PropertyRef, value: string): FileEdit[] {
  const unit = ref.object.unit;
  const property = ref.property;
  if (ts.isPropertyAssignment(property)) return fileEdits(unit, [replaceNode(unit, property.initializer, value)]);
  return fileEdits(unit, [replaceNode(unit, property, `${ref.name}: ${value}`)]);
}

/**
 * With no key option to follow, the file's own env habit: a Vite/Nuxt module that reads
 * `import.meta.env.VITE_…` and never `process.env` gets the same style and public prefix.
 */
function fileEnv(client: LcClientFacts): { style: EnvStyle; name?: string } | undefined {
  const unit = client.fields.kind === 'literal' ? client.fields.object.unit : client.unit;
  const text = unit.sf.text;
  if (!/import\.meta\.env\./.test(text) || /\bprocess\.env\b/.test(text)) return undefined;
  const names = [...text.matchAll(/import\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  return { style: 'import.meta.env', name: names.find((n) => /OPENAI/i.test(n)) ?? names[0] };
}

export function clientEdits(client: LcClientFacts, target: Target, context: PlanContext, insertModel: string | undefined, assessment: Assessment): ClientEdits {
  const { provider } = target;
  const out: ClientEdits = { edits: [], review: [], notes: [] };
  const key = client.key;
  const inferred = key.env ? undefined : fileEnv(client);
  const previousKeyEnv = key.env?.name ?? inferred?.name;
  const envStyle: EnvStyle = key.env?.style ?? inferred?.style ?? 'process.env';
  const keyName = client.legacy ? 'openAIApiKey' : 'apiKey';
  const modelName = client.legacy ? 'modelName' : 'model';
  const styleOf = (unit: Unit): TextStyle => context.style(unit.path);
  const keyExpr = (unit: Unit) => envRead(envStyle, providerKeyEnv(provider, previousKeyEnv), styleOf(unit));
  const baseExpr = (unit: Unit) => baseUrlExpression(provider, target.baseURL, envStyle, styleOf(unit), previousKeyEnv);
  const batch = assessment.targetModel ? batchIssue(client, provider, assessment.targetModel) : undefined;

  if (client.fields.kind === 'none') {
    const unit = client.unit;
    const node = client.node;
    const style = styleOf(unit);
    const entries = [
      ...(insertModel ? [`${modelName}: ${quoteString(insertModel, style)}`] : []),
      `${keyName}: ${keyExpr(unit)}`,
      `configuration: { baseURL: ${baseExpr(unit)} }`,
      // Dialect rule dashscope-embedding-batch: without options there is no object to suggest a
      // batchSize in, so the new one carries it. It keeps behaviour: embedDocuments chunks the texts
      // by batchSize and concatenates the vectors in order (langchain-openai embeddings.ts).
      ...(batch ? [`batchSize: ${batch.maxBatch}`] : []),
    ];
    const objectText = formatObject(entries, style, lineIndent(unit, node), columnOf(unit, nodeRange(unit, node).start) + client.cls.name.length + 5);
    const end = nodeRange(unit, node).end;
    if (!node.arguments) {
      out.edits.push(...fileEdits(unit, [{ start: end, end, text: `(${objectText})` }]));
    } else {
      const open = unit.text.indexOf('(', nodeRange(unit, node.expression).end);
      out.edits.push(...fileEdits(unit, [{ start: open + 1, end: open + 1, text: objectText }]));
    }
    return out;
  }
  if (client.fields.kind !== 'literal') return out;
  const fields = client.fields.object;

  // Properties that go: safe drops (organization, project) and review removals (OpenAI-only options).
  const dropped = new Set<ts.Node>(client.drop.map((r) => r.property));
  const reviewRemovals: PropertyRef[] = [...client.options.openaiOnly];
  const kwargs = client.options.kwargs;
  const removed = new Set<ts.Node>([...dropped, ...reviewRemovals.map((r) => r.property), ...(kwargs?.openaiOnly ?? [])]);

  // Entries to append, per object literal, in the order they are added.
  const appends = new Map<ts.ObjectLiteralExpression, { object: PropertyRef['object']; entries: string[] }>();
  const addTo = (object: PropertyRef['object'], entry: string) => {
    let slot = appends.get(object.node);
    if (!slot) {
      slot = { object, entries: [] };
      appends.set(object.node, slot);
    }
    slot.entries.push(entry);
  };

  out.edits.push(...removeProperties(client.drop));

  if (insertModel) addTo(fields, `${modelName}: ${quoteString(insertModel, styleOf(fields.unit))}`);

  // Key: keep the user's access style, swap only what names OpenAI.
  if (key.kind === 'absent') {
    addTo(fields, `${keyName}: ${keyExpr(fields.unit)}`);
  } else if (key.kind === 'env' && key.env) {
    const env = key.env;
    if (isOpenAiEnvName(env.name)) {
      const name = providerKeyEnv(provider, env.name);
      const unit = env.origin.unit;
      const edit = renameEnvRead(unit, env.nameNode, name);
      out.edits.push(...fileEdits(unit, [edit]));
    } else {
      out.notes.push(t(`The key comes from ${env.name}: set it to your ${provider.name.en} key.`, `密钥来自 ${env.name}：请将其设为 ${provider.name.zh} 的密钥。`));
    }
  } else if (key.kind === 'literal' && key.ref) {
    out.edits.push(...replaceValue(key.ref, keyExpr(key.ref.object.unit)));
    out.notes.push(t('A key was hard-coded here: it is replaced by an env read; revoke the old key.', '此处硬编码了密钥：已改为读取环境变量，请吊销旧密钥。'));
  } else if (key.ref) {
    const init = initializerOf(key.ref.property);
    const shown = init ? init.getText(key.ref.object.unit.sf) : key.ref.name;
    out.review.push(...replaceValue(key.ref, keyExpr(key.ref.object.unit)));
    out.notes.push(
      t(`The key comes from ${shown}: make it hold your ${provider.name.en} key, or accept the suggested env read.`, `密钥来自 ${shown}：请确保其为 ${provider.name.zh} 的密钥，或接受建议改为读取环境变量。`),
    );
  } else {
    out.notes.push(t(`The key may come from a spread option: make sure it is your ${provider.name.en} key.`, `密钥可能来自展开的选项：请确保其为 ${provider.name.zh} 的密钥。`));
  }

  // Endpoint: replace an OpenAI value in place (baseURL, or the v0.0.x basePath), or add one.
  const configuration = client.configuration.slot;
  if (client.baseRefs.length) {
    for (const ref of client.baseRefs) out.edits.push(...replaceValue(ref, baseExpr(ref.object.unit)));
  } else if (client.cls.kind === 'dalle') {
    addTo(fields, `baseUrl: ${baseExpr(fields.unit)}`);
  } else if (configuration.kind === 'literal') {
    addTo(configuration.object, `baseURL: ${baseExpr(configuration.object.unit)}`);
  } else if (client.legacyConfig.kind === 'literal') {
    addTo(client.legacyConfig.object, `baseURL: ${baseExpr(client.legacyConfig.object.unit)}`);
  } else {
    addTo(fields, `configuration: { baseURL: ${baseExpr(fields.unit)} }`);
  }

  for (const { object, entries } of appends.values()) {
    const unit = object.unit;
    const style = styleOf(unit);
    const kept = object.node.properties.filter((p) => !removed.has(p));
    let anchor = kept[kept.length - 1];
    if (!anchor) {
      // Only review removals remain: keep them (no removal offered) and append after them.
      const reviewOnly = object.node.properties.filter((p) => !dropped.has(p));
      anchor = reviewOnly[reviewOnly.length - 1];
      if (anchor) for (const p of reviewOnly) removed.delete(p);
    }
    if (anchor) {
      out.edits.push(...fileEdits(unit, appendProperties(unit, object.node, anchor, entries, style)));
    } else {
      // Every property goes: write the object afresh, in place.
      const range = nodeRange(unit, object.node);
      out.edits = out.edits.filter((e) => e.file !== unit.path || e.end <= range.start || e.start >= range.end);
      out.edits.push(...fileEdits(unit, [replaceNode(unit, object.node, formatObject(entries, style, lineIndent(unit, object.node), columnOf(unit, range.start)))]));
    }
  }

  // Review: OpenAI-only options out (still in `removed`, i.e. not needed as an anchor).
  out.review.push(...removeProperties(reviewRemovals.filter((ref) => removed.has(ref.property))));
  if (kwargs?.object) {
    const object = kwargs.object;
    out.review.push(...removeProperties(kwargs.openaiOnly.filter((p) => removed.has(p)).map((property) => ({ object, property }))));
  }

  // Review: embedDocuments batches within the provider's limit.
  if (batch) {
    const configured = client.options.batchSize;
    if (configured && ts.isPropertyAssignment(configured.ref.property)) {
      out.review.push(...replaceValue(configured.ref, String(batch.maxBatch)));
    } else if (!configured) {
      const first = fields.node.properties.find((p) => !removed.has(p) && !ts.isSpreadAssignment(p)) ?? fields.node.properties.find((p) => !removed.has(p));
      if (first) {
        const unit = fields.unit;
        const start = nodeRange(unit, first).start;
        const multiline = unit.text.slice(nodeRange(unit, fields.node).start, nodeRange(unit, fields.node).end).includes('\n');
        const eol = styleOf(unit).eol;
        const separator = multiline ? `,${eol}${lineIndent(unit, first)}` : ', ';
        out.review.push(...fileEdits(unit, [{ start, end: start, text: `batchSize: ${batch.maxBatch}${separator}` }]));
      } else {
        out.notes.push(t(`Add batchSize: ${batch.maxBatch} to the options.`, `请在选项中加入 batchSize: ${batch.maxBatch}。`));
      }
    }
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Model ids and calls                                                                         */
/* ------------------------------------------------------------------------------------------ */

function planModelSite(detection: LcDetection, payload: Extract<LcPayload, { type: 'model' }>, context: PlanContext): PlannedFields {
  const planned = planOpenAiModel(detection as unknown as OpenAiDetection, payload, context);
  if (payload.cls.kind !== 'llm' || !planned.fix) return planned;
  // LangChain's OpenAI LLM goes to /completions: its model swap is only made on request.
  return {
    ...planned,
    readiness: 'review',
    severity: 'warning',
    action: t(
      "LangChain's OpenAI class calls /completions, which the provider does not document: prefer ChatOpenAI; apply --include-review swaps the id.",
      'LangChain 的 OpenAI 类调用 /completions，服务商未说明支持：建议改用 ChatOpenAI；apply --include-review 会替换模型名。',
    ),
    fix: { ...planned.fix, safety: 'review' },
  };
}

function planCall(detection: LcDetection, payload: Extract<LcPayload, { type: 'call' }>, context: PlanContext): PlannedFields {
  const { client, cls } = payload;
  // A call through a model already routed to a catalogue provider is linted against that provider.
  const routedTo = payload.routed && client?.routing.to === 'provider' ? findProvider(client.routing.provider) : undefined;
  if (payload.routed && !routedTo) return { readiness: 'info' };
  if (cls.kind === 'azure' || client?.routing.to === 'azure') {
    return {
      readiness: 'manual',
      action: t('This call goes through an Azure OpenAI model: rework the construction first (see its finding).', '此调用使用 Azure OpenAI 模型：请先改写其构造（见对应的发现）。'),
      docs: DOCS.azure,
    };
  }
  const target: Target | undefined = routedTo ? { provider: routedTo, regionId: '', baseURL: '', modelOverrides: {} } : context.target;
  const family = client ? familyOf(client) : cls.family;
  if (!target) {
    const portable = family === 'chat' && !payload.facts.structured && !payload.facts.tools;
    return { readiness: portable ? 'auto' : 'review' };
  }
  const { provider } = target;
  const assessment = assess(client, payload.facts, family, detection.model, provider, target, payload.routed, context.vectorColumns);
  const issues = ordered(assessment.issues);
  const structured = payload.facts.structured;
  if (structured && !routedTo) {
    const jsonSchema = provider.features.jsonSchema.support;
    const tools = provider.features.tools.support;
    if (structured.method === undefined && jsonSchema !== 'yes' && tools === 'yes') {
      issues.push({
        level: 'review',
        message: t(
          `With no method, LangChain asks ${provider.name.en}'s model for json_schema output; pass { method: 'functionCalling' } to use tools, which ${provider.name.en} supports.`,
          `未指定 method 时，LangChain 会向 ${provider.name.zh} 的模型请求 json_schema 输出；传入 { method: 'functionCalling' } 可改用 ${provider.name.zh} 支持的工具调用。`,
        ),
        docs: DOCS.structuredOutput,
      });
    } else if (structured.method === 'unknown') {
      issues.push({
        level: 'review',
        message: t('The structured-output method is chosen at run time: check it against the provider.', '结构化输出的 method 在运行时决定：请对照服务商的支持情况检查。'),
        docs: DOCS.structuredOutput,
      });
    }
  }
  const manual = issues.some((i) => i.level === 'manual');
  const readiness = readinessOf(issues, false);
  return {
    readiness,
    ...(issues.length
      ? {
          reason: joined(issues),
          action: manual
            ? t(`This ${cls.name}.${payload.method} call cannot move to ${provider.name.en} as is: keep it on another provider or rework it.`, `此 ${cls.name}.${payload.method} 调用无法直接迁移到 ${provider.name.zh}：请保留在其他服务商或改写。`)
            : t('Check the points above before you ship; the model construction carries the edits.', '上线前请核对以上各点；相关修改位于模型的构造处。'),
          docs: issues[0].docs ?? provider.docs.openaiCompatibility,
        }
      : {}),
    ...(assessment.targetModel ? { targetModel: assessment.targetModel } : {}),
  };
}
