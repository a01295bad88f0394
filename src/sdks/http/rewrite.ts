/**
 * Plans for the `http` module. Safe edits: the origin and `/v1` prefix of an OpenAI URL replaced by
 * the provider's base URL in the literal that holds them (a base constant where it is declared,
 * the rest of the path kept), an OpenAI key env read in the Authorization header renamed to the
 * provider's variable, a hard-coded key replaced by an env read, model ids mapped. Review edits:
 * OpenAI-only body fields out, `max_completion_tokens` renamed, `stream_options` added where usage
 * is read from a stream. Requests the provider cannot serve are manual and keep their URL.
 */
import type { HelperPayload } from './helpers.js';
import { ts } from '../../analysis/ts.js';
import { nodeRange, type Unit } from '../../analysis/unit.js';
import { findOpenAiModel, isOpenAiModelId, mapModel } from '../../catalogue/index.js';
import type { Provider } from '../../catalogue/schema.js';
import type { FileEdit, Fix, TextEdit } from '../../core/types.js';
import { described, t, type Localized } from '../../core/text.js';
import { appendProperties, removeListElements, replaceNode } from '../../edits/object-literal.js';
import { checkFamily, checkFeature, embeddingDimensionsEdits, type Issue, lintRequest, modelSourceIssues, noModelIssue, requestDialectEdits } from '../shared/capability.js';
import { envRead, isOpenAiEnvName, providerKeyEnv, publicPrefix, renameEnvRead, spelledEnvName, type EnvStyle } from '../shared/env.js';
import type { OpenAiDetection } from '../openai/detect.js';
import { planModel as planOpenAiModel } from '../openai/rewrite.js';
import { familyText } from '../openai/messages.js';
import type { PlanContext, PlannedFields, Target } from '../types.js';
import type { EndpointInfo, HttpDetection, HttpPayload, InstanceInfo, KeyFacts, RequestInfo } from './detect.js';
import { splitBase, urlEdits, type OpenAiUrl, type TextPiece } from './url.js';
import { DOCS, urlProblem, urlProblemAction } from './messages.js';
import { firedRules } from '../../dialects/scan.js';
import { rulesMessage } from '../../dialects/rules-zh.js';
import { unguardedSseParses } from '../../dialects/sse-lines.js';
import { indexKeyedToolCalls } from '../../dialects/sse-tool-index.js';

type Payload<K extends HttpPayload['type']> = Extract<HttpPayload, { type: K }>;

export function planHttp(detection: HttpDetection, context: PlanContext): PlannedFields {
  const payload = detection.payload;
  switch (payload.type) {
    case 'request':
      return planRequest(detection, payload.request, context);
    case 'routedRequest':
      return planRouted(payload.destination.env.name, payload.destination.rest, context);
    case 'routedInstance':
      return planRouted(payload.instance.destination.to === 'configurable' ? payload.instance.destination.env.name : '', '', context);
    case 'instance':
      return planInstance(payload.instance, context);
    case 'endpoint':
      return planEndpoint(payload.endpoint, context);
    case 'model':
      return planModelSite(detection, payload, context);
    case 'authHeader':
      return planAuthHeader(payload, context);
    case 'sse':
      return planSse(payload, context);
    case 'helper':
      return planHelper(payload.helper, context);
    case 'requestUrl':
      return { readiness: 'info' };
  }
}

/**
 * Requests through the project's own code: reported for review with what to change, never edited
 * (the URL is assembled in places the edit cannot see whole). A call of a function that sends one
 * is information; the request is where the change is.
 */
function planHelper(helper: HelperPayload, context: PlanContext): PlannedFields {
  if (helper.type === 'wrapperCall' || helper.type === 'localImport') return { readiness: 'info' };
  if (helper.type === 'localClient') {
    return {
      readiness: 'review',
      action: t(`Change the client's base URL (where it is defined or configured) to ${context.target?.baseURL ?? 'the provider’s'} and its key.`, `把该客户端的基础地址（定义或配置处）改为 ${context.target?.baseURL ?? '服务商的地址'}，并更换密钥。`),
    };
  }
  const target = context.target;
  const rule = helper.type === 'paramRequest' ? undefined : helper.rule;
  if (rule && target) {
    const issue = checkFamily(target.provider, rule.family);
    if (issue?.level === 'manual') return { readiness: 'manual', action: issue.message, ...(issue.docs ? { docs: issue.docs } : {}) };
  }
  if (helper.type === 'wireRequest' && helper.path.includes('dashboard/billing')) {
    return {
      readiness: 'manual',
      action: t('OpenAI’s billing dashboard has no counterpart at the providers: remove it or use the provider’s console.', 'OpenAI 的账单接口在服务商处没有对应接口：请删除，或改用服务商控制台。'),
    };
  }
  const base = target ? target.baseURL : undefined;
  return {
    readiness: 'review',
    action: base
      ? t(`Send it to ${base} (the provider's base already holds its version prefix) with the ${target!.provider.name.en} key.`, `改为发往 ${base}（服务商的基础地址已包含版本前缀），并使用 ${target!.provider.name.zh} 的密钥。`)
      : t('Point it at the provider’s base URL and key.', '改为指向服务商的基础地址和密钥。'),
    docs: DOCS.api,
  };
}

function contains(outer: { unit: Unit; node: ts.Node }, inner: { unit: Unit; node: ts.Node }): boolean {
  return outer.unit === inner.unit && inner.node.pos >= outer.node.pos && inner.node.end <= outer.node.end;
}

function join(parts: Localized[]): Localized {
  return t(parts.map((p) => p.en).join(' '), parts.map((p) => p.zh).join(' '));
}

// ---------------------------------------------------------------------------------------------
// Whether a request can move

interface Movability {
  ok: boolean;
  /** Why not, or what else to know, in order: manual first. */
  issues: Issue[];
}

function urlIssue(url: OpenAiUrl, target: Target): Issue | undefined {
  const result = urlEdits(url, target.baseURL);
  if (result.ok) return undefined;
  const base = splitBase(target.baseURL);
  return {
    level: 'manual',
    message: join([urlProblem(result.reason, url.host.value, base.origin, base.path, result.detail), urlProblemAction(base.origin, base.path)]),
    docs: target.provider.docs.openaiCompatibility,
  };
}

/** Family and URL checks: a request whose API the provider lacks, or whose URL cannot be mapped, stays. */
function movability(request: RequestInfo, target: Target): Movability {
  const { provider } = target;
  const issues: Issue[] = [];
  const rule = request.rule;
  if (rule) {
    const family = checkFamily(provider, rule.family);
    if (family) issues.push(family);
    if (rule.stored) {
      issues.push({
        level: 'manual',
        message: t('Stored completions (retrieve/list/update/delete) exist only at OpenAI.', '存储的补全（retrieve/list/update/delete）仅 OpenAI 提供。'),
        docs: provider.docs.openaiCompatibility,
      });
    }
  } else {
    issues.push({
      level: 'review',
      message: t(
        `The path is decided at run time (${request.display}): ${provider.name.en} serves chat completions and only part of the rest of OpenAI's API; make sure every path sent here exists there.`,
        `路径在运行时决定（${request.display}）：${provider.name.zh} 提供对话补全，但只支持 OpenAI 其余接口的一部分；请确认这里转发的每个路径在服务商处都存在。`,
      ),
      docs: provider.docs.openaiCompatibility,
    });
  }
  for (const url of request.urls) {
    const issue = urlIssue(url, target);
    if (issue) issues.push(issue);
  }
  return { ok: !issues.some((i) => i.level === 'manual'), issues };
}

// ---------------------------------------------------------------------------------------------
// Keys

/** Renames of OpenAI key variables read in the Authorization header, and notes for the rest. */
function keyPlan(key: KeyFacts, provider: Provider): { edits: FileEdit[]; notes: Localized[]; review: Issue[] } {
  const out = { edits: [] as FileEdit[], notes: [] as Localized[], review: [] as Issue[] };
  switch (key.kind) {
    case 'env':
      for (const env of key.envs) {
        const node = env.nameNode;
        const spelled = spelledEnvName(node);
        if (isOpenAiEnvName(env.name) && spelled === env.name) {
          const name = providerKeyEnv(provider, env.name);
          const edit = renameEnvRead(env.origin.unit, node, name);
          out.edits.push({ ...edit, file: env.origin.unit.path });
        } else if (isOpenAiEnvName(env.name)) {
          out.notes.push(t(`Read the key from ${providerKeyEnv(provider, env.name)} instead of ${env.name}.`, `改为从 ${providerKeyEnv(provider, env.name)} 读取密钥，而不是 ${env.name}。`));
        } else {
          out.notes.push(t(`The key comes from ${env.name}: set it to your ${provider.name.en} key.`, `密钥来自 ${env.name}：请将其设为 ${provider.name.zh} 的密钥。`));
        }
      }
      break;
    case 'literal':
      out.notes.push(t('The key is written in the code: see the http/authHeader finding.', '密钥写在代码中：见 http/authHeader 提示。'));
      break;
    case 'other': {
      const source = key.site ? key.site.expr.getText(key.site.unit.sf) : t('the headers', '请求头').en;
      out.review.push({
        level: 'review',
        message: t(
          `The key comes from ${source} at run time: make sure it holds a ${provider.name.en} key (${providerKeyEnv(provider)}).`,
          `密钥在运行时来自 ${source}：请确保其为 ${provider.name.zh} 的密钥（${providerKeyEnv(provider)}）。`,
        ),
        docs: provider.docs.openaiCompatibility,
      });
      break;
    }
    case 'absent':
      out.notes.push(
        t(
          `No Authorization header is set here: wherever it is added, send Bearer <${providerKeyEnv(provider)}>.`,
          `此处未设置 Authorization 请求头：无论在何处添加，请改为发送 Bearer <${providerKeyEnv(provider)}>。`,
        ),
      );
      break;
  }
  return out;
}

/** The provider key variable the code will read after the move (prefix kept), for the action text. */
function keyEnvName(key: KeyFacts, provider: Provider): string {
  const openai = key.envs.find((e) => isOpenAiEnvName(e.name));
  return providerKeyEnv(provider, openai?.name);
}

/** A key in a variable with a bundler's public prefix ends up in the browser bundle. */
function browserNote(key: KeyFacts): Localized | undefined {
  const exposed = key.envs.find((e) => publicPrefix(e.name));
  return exposed
    ? t(
        `${exposed.name} is bundled into client code, so every visitor can read the key; call the provider from a server instead.`,
        `${exposed.name} 会被打包进前端代码，任何访问者都能读到密钥；请改为在服务端调用服务商。`,
      )
    : undefined;
}

function setKeyAction(key: KeyFacts, provider: Provider): Localized {
  const name = keyEnvName(key, provider);
  return t(`Set ${name} in every environment that runs this code.`, `在运行此代码的每个环境中设置 ${name}。`);
}

// ---------------------------------------------------------------------------------------------
// Requests

function reviewEdits(request: RequestInfo, provider: Provider, context: PlanContext, targetModel?: string, previousDimensions?: number): TextEdit[] {
  const { facts } = request;
  const object = facts.object;
  if (!object) return [];
  const edits: TextEdit[] = [];
  edits.push(...removeListElements(object.unit, facts.openaiOnly, object.node.properties));
  // Dialect fixes (output-token field per provider, developer role); a quoted key stays quoted.
  if (request.rule?.family) edits.push(...requestDialectEdits(facts, provider, request.rule.family, targetModel));
  // The stored vectors' size kept where the new embedding model offers it.
  if (request.rule?.family === 'embeddings') edits.push(...embeddingDimensionsEdits(facts, provider, targetModel, previousDimensions, context.style(object.unit.path)));
  if (facts.stream === true && facts.usageRead && !facts.streamOptions && provider.features.streamOptions.support === 'yes' && request.rule?.family === 'chat') {
    const removed = new Set<ts.Node>(facts.openaiOnly);
    const kept = object.node.properties.filter((p) => !removed.has(p));
    const anchor = kept[kept.length - 1];
    if (anchor) edits.push(...appendProperties(object.unit, object.node, anchor, ['stream_options: { include_usage: true }'], context.style(object.unit.path)));
  }
  return edits;
}

function planRequest(detection: HttpDetection, request: RequestInfo, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) {
    const portable = request.rule?.family === 'chat' && !request.rule.stored;
    return {
      readiness: portable ? 'auto' : 'review',
      action: t("apply points the URL at the provider's base URL and the key at its env variable.", 'apply 会把地址改为服务商的基础地址，并把密钥改为服务商的环境变量。'),
      docs: DOCS.api,
    };
  }
  const { provider } = target;
  const move = movability(request, target);
  const issues = [...move.issues];
  const rule = request.rule;
  const model = detection.model;
  const mapping = model && isOpenAiModelId(model) ? mapModel(model, provider, target.modelOverrides) : undefined;
  const previousDimensions = model ? findOpenAiModel(model)?.embeddingDimensions : undefined;
  if (rule && move.ok) {
    issues.push(
      ...lintRequest(request.facts, provider, {
        family: rule.family,
        flavour: 'create',
        ...(mapping?.target ? { targetModel: mapping.target } : {}),
        ...(previousDimensions ? { previousDimensions } : {}),
        vectorColumns: context.vectorColumns,
      }),
    );
  }
  if (mapping && !mapping.target && rule && rule.family !== 'other' && !provider.keepUnmappedModels && move.ok) {
    issues.push(noModelIssue(provider, model));
  }
  if (move.ok) issues.push(...modelSourceIssues(provider, { dynamic: request.modelDynamic, envs: request.modelEnv, literals: request.models.length }));
  const manual = issues.some((i) => i.level === 'manual');
  const notes: Localized[] = [];
  const safe: FileEdit[] = [];
  let review: FileEdit[] = [];
  let movesUrl = false;
  if (!manual) {
    // The URL literals written in this call move with it; constants and client bases move with their own findings.
    for (const url of request.urls) {
      if (!contains(request, url.host)) continue;
      const result = urlEdits(url, target.baseURL);
      if (result.ok) safe.push(...result.edits);
      movesUrl ||= result.ok;
    }
    const key = keyPlan(request.key, provider);
    if (request.key.from === 'request') safe.push(...key.edits);
    if (request.key.from === 'request' || request.key.kind === 'absent') {
      notes.push(...key.notes);
      issues.push(...key.review);
      const browser = browserNote(request.key);
      if (browser) notes.push(browser);
    }
    const objectUnit = request.facts.object?.unit;
    if (objectUnit) review = reviewEdits(request, provider, context, mapping?.target, previousDimensions).map((e) => ({ ...e, file: objectUnit.path }));
  }
  const readiness = manual ? 'manual' : issues.length || review.length ? 'review' : 'auto';
  const ordered = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'manual' ? -1 : 1));
  const family = rule ? familyText(rule.family) : t('OpenAI API', 'OpenAI 接口');
  const action = manual
    ? t(
        `This ${family.en} request cannot move to ${provider.name.en} as is: keep it on another provider or rework it. Its own URL is not rewritten, but a base URL it shares with requests that move now points at ${provider.name.en}: give it a base of its own.`,
        `此${family.zh}请求无法直接迁移到 ${provider.name.zh}：请保留在其他服务商或改写。其自身地址不会被改写，但若与可迁移的请求共用基础地址，该地址已指向 ${provider.name.zh}：请为它单独设置基础地址。`,
      )
    : ordered.length
      ? join([t('Check the points above before you ship; apply --include-review makes the suggested edits.', '上线前请核对以上各点；apply --include-review 会执行建议的修改。'), ...notes])
      : join([setKeyAction(request.key, provider), ...notes]);
  return {
    readiness,
    ...(ordered.length ? { reason: join(ordered.map((i) => i.message)) } : {}),
    action,
    docs: ordered[0]?.docs ?? provider.docs.openaiCompatibility,
    ...(mapping?.target ? { targetModel: mapping.target } : {}),
    ...(safe.length
      ? {
          fix: {
            ...(movesUrl
              ? described(`send the request to ${provider.name.en} (${target.baseURL})`, `把请求发往${provider.name.zh}（${target.baseURL}）`)
              : described(`send the ${provider.name.en} key (${keyEnvName(request.key, provider)})`, `发送${provider.name.zh}的 key（${keyEnvName(request.key, provider)}）`)),
            safety: 'safe',
            edits: safe,
          } as Fix,
        }
      : {}),
    ...(review.length
      ? { suggestions: [{ ...described('adjust request fields for the provider (OpenAI-only ones out, max_tokens, stream_options)', '按服务商调整请求字段（去掉 OpenAI 专有字段、max_tokens、stream_options）'), safety: 'review', edits: review } as Fix] }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Endpoint literals and client bases

interface UrlMove {
  edits: FileEdit[];
  issues: Issue[];
  notes: Localized[];
  /** False when no request through these URLs can move. */
  moves: boolean;
}

/**
 * The edits for a set of URL uses that share literals: only uses whose request can move count;
 * a base none of whose requests can move stays as it is.
 */
function moveUrls(uses: Array<{ url: OpenAiUrl; request: RequestInfo | undefined }>, target: Target): UrlMove {
  const { provider } = target;
  const out: UrlMove = { edits: [], issues: [], notes: [], moves: true };
  const forceOrigin = uses.some((u) => u.url.shape.originOnly);
  const stuck: RequestInfo[] = [];
  const moving = uses.filter((use) => {
    if (!use.request) return true;
    const ok = movability(use.request, target).ok;
    if (!ok && !stuck.includes(use.request)) stuck.push(use.request);
    return ok;
  });
  if (!moving.length) {
    out.moves = false;
    const families = [...new Set(stuck.map((r) => (r.rule ? familyText(r.rule.family).en : 'OpenAI API')))];
    out.issues.push({
      level: 'manual',
      message: t(
        `No request through this URL can move to ${provider.name.en} (${families.join(', ')}); it is left unchanged.`,
        `经由该地址的请求都无法迁移到 ${provider.name.zh}（${families.join('、')}），地址保持不变。`,
      ),
      docs: provider.docs.openaiCompatibility,
    });
    return out;
  }
  const seen = new Map<string, string>();
  for (const use of moving) {
    const result = urlEdits(use.url, target.baseURL, forceOrigin);
    if (!result.ok) {
      const issue = urlIssue(use.url, target);
      if (issue && !out.issues.some((i) => i.message.en === issue.message.en)) out.issues.push(issue);
      continue;
    }
    for (const edit of result.edits) {
      const key = `${edit.file}:${edit.start}:${edit.end}`;
      const previous = seen.get(key);
      if (previous === undefined) {
        seen.set(key, edit.text);
        out.edits.push(edit);
      } else if (previous !== edit.text) {
        out.issues.push({ level: 'manual', message: t('This URL is joined with paths that need different rewrites; edit it by hand.', '该地址与需要不同改写方式的路径拼接，请手动修改。') });
      }
    }
  }
  if (out.issues.some((i) => i.level === 'manual')) {
    out.edits = [];
    out.moves = false;
    return out;
  }
  for (const request of stuck) {
    const where = `${request.unit.path}:${request.unit.text.slice(0, nodeRange(request.unit, request.node).start).split('\n').length}`;
    const family = request.rule ? familyText(request.rule.family) : t('OpenAI API', 'OpenAI 接口');
    out.notes.push(
      t(
        `The ${family.en} request at ${where} also uses this URL and cannot move: give it its own OpenAI URL or drop it.`,
        `${where} 处的${family.zh}请求也使用该地址且无法迁移：请为其单独保留 OpenAI 地址或移除。`,
      ),
    );
  }
  return out;
}

/** The literal's text after the edits that fall inside it, to say what an overriding variable should hold. */
function rewrittenValue(piece: TextPiece, edits: FileEdit[]): string {
  const { start, end } = nodeRange(piece.unit, piece.node);
  let text = piece.unit.text.slice(start, end);
  const inside = edits.filter((e) => e.file === piece.unit.path && e.start >= start && e.end <= end).sort((a, b) => b.start - a.start);
  for (const edit of inside) text = text.slice(0, edit.start - start) + edit.text + text.slice(edit.end - start);
  return text.slice(1, ts.isTemplateHead(piece.node) || ts.isTemplateMiddle(piece.node) ? -2 : -1);
}

function planEndpoint(endpoint: EndpointInfo, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) {
    return {
      readiness: 'auto',
      action: t("apply replaces the host and /v1 prefix with the provider's base URL.", 'apply 会把主机和 /v1 前缀替换为服务商的基础地址。'),
      docs: DOCS.api,
    };
  }
  const { provider } = target;
  const move = moveUrls(endpoint.uses, target);
  if (!move.moves) {
    return {
      readiness: 'manual',
      reason: join(move.issues.map((i) => i.message)),
      action: t('Keep these requests on OpenAI (or another provider that serves them), or rework them.', '请将这些请求保留在 OpenAI（或其他支持的服务商），或改写。'),
      docs: move.issues[0]?.docs ?? provider.docs.openaiCompatibility,
    };
  }
  const notes = [...move.notes];
  if (endpoint.overrides.length) {
    const value = rewrittenValue(endpoint.piece, move.edits);
    const names = endpoint.overrides.map((e) => e.name).join(', ');
    notes.push(t(`${names} overrides this URL where it is set: set it to ${value} there.`, `设置了 ${names} 的环境会覆盖该地址：请将其设为 ${value}。`));
  }
  if (endpoint.proxy) {
    notes.push(t('Keep changeOrigin: true so the provider sees its own host name.', '请保留 changeOrigin: true，使服务商收到自己的主机名。'));
  }
  return {
    readiness: 'auto',
    severity: notes.length ? 'warning' : 'info',
    message: t(`OpenAI API URL → ${provider.name.en} (${target.baseURL})`, `OpenAI 接口地址 → ${provider.name.zh}（${target.baseURL}）`),
    ...(notes.length ? { action: join(notes) } : {}),
    docs: endpoint.proxy ? DOCS.viteProxy : provider.docs.openaiCompatibility,
    ...(move.edits.length ? { fix: { ...described(`use ${provider.name.en}'s base URL ${target.baseURL}`, `使用${provider.name.zh}的 base URL ${target.baseURL}`), safety: 'safe', edits: move.edits } as Fix } : {}),
  };
}

function planInstance(instance: InstanceInfo, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) {
    return {
      readiness: 'auto',
      action: t("apply points the client's base URL at the provider and its key at the provider's env variable.", 'apply 会把客户端的基础地址改为服务商地址，并把密钥改为服务商的环境变量。'),
      docs: DOCS.api,
    };
  }
  if (instance.destination.to !== 'openai') return { readiness: 'info' };
  const { provider } = target;
  const owned = instance.destination.urls.filter((url) => contains(instance, url.host));
  const uses = owned.flatMap((url): Array<{ url: OpenAiUrl; request: RequestInfo | undefined }> => {
    const through = instance.requests.filter((r) => r.urls.some((u) => u.host === url.host));
    return through.length ? through.map((request) => ({ url: request.urls.find((u) => u.host === url.host)!, request })) : [{ url, request: undefined }];
  });
  // Requests through the client decide whether its key moves too.
  const requestsMove = !instance.requests.length || instance.requests.some((r) => movability(r, target).ok);
  const move = owned.length ? moveUrls(uses, target) : { edits: [], issues: [], notes: [], moves: requestsMove };
  if (!move.moves) {
    return {
      readiness: 'manual',
      reason: join(move.issues.length ? move.issues.map((i) => i.message) : [t(`No request of this client can move to ${provider.name.en}.`, `该客户端的请求都无法迁移到 ${provider.name.zh}。`)]),
      action: t('Keep this client on OpenAI (or another provider that serves its requests), or rework them.', '请将该客户端保留在 OpenAI（或其他支持的服务商），或改写其请求。'),
      docs: move.issues[0]?.docs ?? provider.docs.openaiCompatibility,
    };
  }
  const key = keyPlan(instance.key, provider);
  const edits = [...move.edits, ...key.edits];
  const notes = [...move.notes, ...key.notes];
  const browser = browserNote(instance.key);
  if (browser) notes.push(browser);
  const reviewIssues = key.review;
  return {
    readiness: reviewIssues.length ? 'review' : 'auto',
    severity: reviewIssues.length || notes.length ? 'warning' : 'info',
    message: t(`HTTP client → ${provider.name.en}`, `HTTP 客户端 → ${provider.name.zh}`),
    ...(reviewIssues.length ? { reason: join(reviewIssues.map((i) => i.message)) } : {}),
    action: join([setKeyAction(instance.key, provider), ...notes]),
    docs: provider.docs.openaiCompatibility,
    ...(edits.length ? { fix: { ...described(`point the client at ${provider.name.en} (${target.baseURL})`, `把客户端指向${provider.name.zh}（${target.baseURL}）`), safety: 'safe', edits } as Fix } : {}),
  };
}

function planRouted(env: string, rest: string, context: PlanContext): PlannedFields {
  const target = context.target;
  if (!target) return { readiness: 'info' };
  const { provider } = target;
  const base = splitBase(target.baseURL);
  const withV1 = /^\/v1(\/|$)/.test(rest);
  const value = !withV1 ? target.baseURL : base.path.endsWith('/v1') ? base.origin + base.path.slice(0, -3) : undefined;
  const action = value
    ? t(`To use ${provider.name.en}, set ${env} to ${value} and send your ${provider.name.en} key.`, `如需使用 ${provider.name.zh}，请将 ${env} 设为 ${value}，并使用 ${provider.name.zh} 的密钥。`)
    : t(
        `To use ${provider.name.en}, set ${env} to ${base.origin} and change the /v1 after it to ${base.path || '/'}.`,
        `如需使用 ${provider.name.zh}，请将 ${env} 设为 ${base.origin}，并把其后的 /v1 改为 ${base.path || '/'}。`,
      );
  return { readiness: 'info', action, docs: provider.docs.openaiCompatibility };
}

// ---------------------------------------------------------------------------------------------
// Models, keys, SSE

function planModelSite(detection: HttpDetection, payload: Payload<'model'>, context: PlanContext): PlannedFields {
  const target = context.target;
  if (target && !movability(payload.request, target).ok) {
    return { readiness: 'info', action: t('The request stays as it is, and so does its model.', '该请求保持不变，其模型名也不变。') };
  }
  const { site, request } = payload;
  const openaiDetection = {
    ...detection,
    payload: {
      type: 'model',
      unit: site.unit,
      literal: site.literal,
      family: request.rule?.family ?? 'other',
      needsVision: request.facts.images,
      envOverride: request.modelEnv,
    },
  } as OpenAiDetection;
  return planOpenAiModel(openaiDetection, openaiDetection.payload as Extract<OpenAiDetection['payload'], { type: 'model' }>, context);
}

function planAuthHeader(payload: Payload<'authHeader'>, context: PlanContext): PlannedFields {
  const target = context.target;
  const piece = payload.key.literal!.piece;
  if (!target) {
    return {
      readiness: 'review',
      action: t('Move the key into an environment variable and revoke it.', '请把密钥移到环境变量中，并吊销该密钥。'),
      docs: DOCS.auth,
    };
  }
  const { provider } = target;
  const owners = payload.request ? [payload.request] : (payload.instance?.requests ?? []);
  if (owners.length && !owners.some((r) => movability(r, target).ok)) {
    return {
      readiness: 'info',
      severity: 'warning',
      action: t('The request stays on OpenAI; still, move the key into an environment variable and revoke it.', '该请求保留在 OpenAI；但仍请把密钥移到环境变量中，并吊销该密钥。'),
      docs: DOCS.auth,
    };
  }
  const unit = piece.unit;
  const browserVite = /import\.meta\.env\.VITE_/.test(unit.text);
  const style: EnvStyle = browserVite ? 'import.meta.env' : 'process.env';
  const name = providerKeyEnv(provider, browserVite ? 'VITE_' : undefined);
  const read = envRead(style, name, context.style(unit.path));
  const literal = piece.node;
  const edits: FileEdit[] = [];
  if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) {
    const { prefix } = payload.key.literal!;
    const keyText = piece.value.slice(prefix.length).trim();
    const suffix = piece.value.slice(piece.value.indexOf(keyText) + keyText.length);
    const text = prefix || suffix ? `\`${prefix.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\${${read}}${suffix.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\`` : read;
    edits.push({ ...replaceNode(unit, literal, text), file: unit.path });
  }
  const revoke = t(`Set ${name} where this runs, and revoke the key that was in the code.`, `请在运行环境中设置 ${name}，并吊销原先写在代码里的密钥。`);
  if (!edits.length) {
    return { readiness: 'review', severity: 'warning', action: join([t('Replace the key with an env read by hand.', '请手动把密钥改为读取环境变量。'), revoke]), docs: DOCS.auth };
  }
  return {
    readiness: 'auto',
    severity: 'warning',
    message: t(`hard-coded key → ${read}`, `写死的密钥 → ${read}`),
    action: revoke,
    docs: provider.docs.openaiCompatibility,
    fix: { ...described(`read the ${provider.name.en} key from ${name}`, `从 ${name} 读取${provider.name.zh}的 key`), safety: 'safe', edits },
  };
}

function planSse(payload: Payload<'sse'>, context: PlanContext): PlannedFields {
  const target = context.target;
  const notes: Localized[] = [];
  const { sse, request } = payload;
  if (!sse.done && !sse.library) {
    notes.push(
      t(
        'No [DONE] check was found near this request: the stream ends with `data: [DONE]`, which is not JSON.',
        '在该请求附近未找到 [DONE] 判断：流以 `data: [DONE]` 结束，它不是 JSON。',
      ),
    );
  }
  // A parser seen to throw on comment lines, where the provider documents them: a finding of its own.
  const unguarded = target ? unguardedSseParses(request.unit, request.node) : [];
  const rules = target && unguarded.length ? firedRules({ view: {}, api: 'chat', providerId: target.provider.id, model: undefined, sseCommentLines: true }) : [];
  if (!rules.length) {
    notes.push(
      t(
        'Skip lines that are not `data:` lines: SSE comments (`: keep-alive`) and blank lines may arrive while the model is busy.',
        '请跳过非 `data:` 开头的行：在模型繁忙时可能收到 SSE 注释行（`: keep-alive`）和空行。',
      ),
    );
  }
  if (target) {
    const { provider } = target;
    if (request.facts.streamOptions || request.facts.usageRead) {
      const issue = checkFeature(provider, 'streamOptions');
      notes.push(
        issue
          ? issue.message
          : t(
              `With stream_options.include_usage, ${provider.name.en} sends usage in a last chunk whose choices list is empty: read choices[0] with a guard.`,
              `设置 stream_options.include_usage 后，${provider.name.zh} 会在最后一个 choices 为空的分块中返回 usage：读取 choices[0] 前请先判断。`,
            ),
      );
    }
  }
  // Tool calls gathered by the delta's index, where the model sends one OpenAI's numbering does not have.
  const keyed = target ? indexKeyedToolCalls(request.unit, request.node) : [];
  const literalModel = request.facts.model?.value.t === 'string' ? request.facts.model.value.value : undefined;
  const model = target && literalModel && isOpenAiModelId(literalModel) ? mapModel(literalModel, target.provider, target.modelOverrides)?.target : literalModel;
  const indexRules = target && keyed.length ? firedRules({ view: {}, api: 'chat', providerId: target.provider.id, model, toolCallIndexKeyed: true }) : [];
  const reasons: Localized[] = [];
  if (rules.length) {
    const lines = unguarded.map((p) => p.line).join(', ');
    const found = rulesMessage(rules);
    reasons.push(t(`The stream parser at line ${lines} JSON.parses every line without skipping comment lines. ${found.en}`, `第 ${lines} 行的流解析器对每一行都调用 JSON.parse，未跳过注释行。${found.zh}`));
  }
  if (indexRules.length) {
    const lines = keyed.map((p) => p.line).join(', ');
    const found = rulesMessage(indexRules);
    reasons.push(t(`The stream parser at line ${lines} gathers tool calls by the delta's index. ${found.en}`, `第 ${lines} 行的流解析器按增量的 index 收集工具调用。${found.zh}`));
  }
  if (reasons.length) {
    return {
      readiness: 'review',
      severity: 'warning',
      reason: join(reasons),
      ...(notes.length ? { action: join(notes) } : {}),
      docs: [...rules, ...indexRules][0].evidence[0].url,
    };
  }
  return { readiness: 'info', action: join(notes), docs: DOCS.streaming };
}
