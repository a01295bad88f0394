/**
 * One plan per client (issue 11): the findings of a client — its construction, the calls made
 * through it, the model ids they send — are decided together, so a client is never half moved:
 * - move: its calls can move; its edits stand together;
 * - keep: none of its calls can move (images, moderation, Assistants…): nothing of it is edited, it
 *   stays on OpenAI with its key, and a finding says why;
 * - split: some calls move, some cannot: the moving calls go to a second client made for the
 *   provider beside the first (when the code is plain enough to do it with minimal edits), the
 *   others stay on the untouched OpenAI client; otherwise nothing is edited and a finding says how;
 * - routed: already sent elsewhere; nothing to do;
 * - configurable: a variable or condition chooses the endpoint and OpenAI is one choice: only OpenAI's
 *   URL (or the unset default, for review) becomes the provider's.
 * Then the variables follow the decisions: a key variable read by a moved client and by no client
 * kept on OpenAI is renamed wherever it is checked (guards move with the key); one that a kept
 * client still reads is left alone.
 */
import { ts } from '../analysis/ts.js';
import { resolveName } from '../analysis/scope.js';
import { nodeRange, type Unit } from '../analysis/unit.js';
import { skipOuter } from '../analysis/values.js';
import type { Finding, FileEdit } from '../core/types.js';
import { described, t, type Localized } from '../core/text.js';
import { formatObject, lineIndent } from '../edits/object-literal.js';
import { baseUrlExpression, envRead, providerKeyEnv } from '../sdks/shared/env.js';
import type { Detection, PlanContext, SdkModule, Target } from '../sdks/types.js';
import type { Handoff } from '../sdks/openai/handed.js';
import type { Routing } from '../sdks/openai/detect.js';
import { openAiByDefault } from '../sdks/shared/routing.js';

export interface Pair {
  sdk: SdkModule;
  detection: Detection;
  finding: Finding;
  /** Under `migrate-ignore-next-line`: not reported, but it stays as written. */
  ignored?: boolean;
}

/** `configurable`: it moves, but the deployment chooses its endpoint, so its edits are for review. */
export type Decision = 'move' | 'keep' | 'split' | 'routed' | 'configurable';

export interface ClientRecord {
  node: ts.Node;
  client: Pair | undefined;
  calls: Pair[];
  models: Pair[];
  /** Pieces that configure the client and carry its edits (a v3 `Configuration`). */
  parts: Pair[];
  decision: Decision;
}

export function clientRecords(pairs: Pair[]): ClientRecord[] {
  const byNode = new Map<ts.Node, ClientRecord>();
  const recordOf = (node: ts.Node) => {
    let record = byNode.get(node);
    if (!record) byNode.set(node, (record = { node, client: undefined, calls: [], models: [], parts: [], decision: 'move' }));
    return record;
  };
  for (const pair of pairs) {
    const link = pair.detection.client;
    if (!link) continue;
    const record = recordOf(link.node);
    if (link.role === 'client') record.client = pair;
    else if (link.role === 'call') record.calls.push(pair);
    else if (link.role === 'part') record.parts.push(pair);
    else record.models.push(pair);
  }
  for (const record of byNode.values()) record.decision = decide(record);
  return [...byNode.values()].filter((r) => r.client);
}

function decide(record: ClientRecord): Decision {
  if (record.client?.finding.kind === 'routed') return 'routed';
  // A call OpenAI itself has shut down (v3's createEdit, createFineTune) fails everywhere: it pins nothing.
  const calls = record.calls.filter((c) => c.finding.kind === 'call' && !(c.detection.payload as { spec?: { retired?: string } }).spec?.retired);
  const manual = calls.filter((c) => c.finding.readiness === 'manual');
  if (!calls.length || !manual.length) return record.client && (isConfigurable(record.client) || routingOf(record.client)?.chosen) ? 'configurable' : 'move';
  return manual.length === calls.length ? 'keep' : 'split';
}

function routingOf(pair: Pair): (Routing & { chosen?: boolean }) | undefined {
  return (pair.detection.payload as { client?: { routing?: Routing } }).client?.routing;
}

/** Its endpoint is unset by default (OpenAI's) and set by the deployment: its edits are for review. */
export function isConfigurable(pair: Pair): boolean {
  return openAiByDefault(routingOf(pair));
}

/** A safe fix becomes a suggestion for review. */
function demote(finding: Finding): void {
  if (!finding.fix) return;
  finding.suggestions = [{ ...finding.fix, safety: 'review' }, ...(finding.suggestions ?? [])];
  delete finding.fix;
  if (finding.readiness === 'auto' || finding.readiness === 'info') finding.readiness = 'review';
  if (finding.severity === 'info') finding.severity = 'warning';
}

export function strip(finding: Finding): void {
  delete finding.fix;
  delete finding.suggestions;
}

export function setText(finding: Finding, message: Localized, action?: Localized): void {
  finding.message = message.en;
  if (action) finding.action = action.en;
  finding.zh = { message: message.zh, reason: finding.zh?.reason ?? finding.reason, ...(action ? { action: action.zh } : finding.zh?.action ? { action: finding.zh.action } : {}) };
}

function callList(calls: Pair[]): string {
  const names = [...new Set(calls.map((c) => c.finding.usage?.call ?? c.finding.ruleId))];
  return names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '');
}

/** Applies the decisions to the findings: what a client that stays or splits may not edit is dropped. */
export function enforceDecisions(records: ClientRecord[], target: Target, context: PlanContext): void {
  const provider = target.provider;
  for (const record of records) {
    const client = record.client!;
    client.finding.decision = record.decision;
    if (record.decision === 'keep') {
      for (const pair of [client, ...record.parts, ...record.calls, ...record.models]) strip(pair.finding);
      for (const model of record.models) model.finding.readiness = 'info';
      client.finding.readiness = 'manual';
      client.finding.severity = 'error';
      client.finding.reason = 'Moving it would break every call it makes: the provider serves none of them. It works only where OpenAI can be reached.';
      client.finding.zh = { ...(client.finding.zh ?? { message: '', reason: '' }), reason: '迁移它会使其所有调用失效：服务商一个都不支持。它只能在可访问 OpenAI 的地方工作。' };
      setText(
        client.finding,
        t(`OpenAI client kept on OpenAI: none of its calls can move to ${provider.name.en} (${callList(record.calls)})`, `OpenAI 客户端保留在 OpenAI：其调用都无法迁移到 ${provider.name.zh}（${callList(record.calls)}）`),
        t(
          'Nothing of this client was edited, so the feature keeps working on OpenAI with its key. Move it to another provider that offers it, or remove it.',
          '此客户端未做任何修改，功能仍在 OpenAI 上以原密钥运行。可迁移到提供该功能的其他服务商，或移除。',
        ),
      );
      continue;
    }
    if (record.decision === 'configurable' && isConfigurable(client)) {
      // Where the deployment sets the endpoint, the calls may still reach OpenAI: their model ids move for review.
      for (const pair of [...record.calls, ...record.models]) demote(pair.finding);
      continue;
    }
    if (record.decision !== 'split') continue;
    const moving = record.calls.filter((c) => c.finding.readiness !== 'manual' && c.finding.kind === 'call');
    const staying = record.calls.filter((c) => c.finding.readiness === 'manual');
    const split = splitEdits(record, moving, staying, target, context);
    const stayingCalls = new Set(staying.map((c) => callNode(c)));
    for (const pair of staying) strip(pair.finding);
    for (const model of record.models) {
      const feeds = model.detection.client?.calls ?? [];
      const feedsStaying = !split || model.detection.client?.others?.length || feeds.some((call) => stayingCalls.has(call));
      if (feedsStaying) {
        strip(model.finding);
        model.finding.readiness = 'info';
      }
    }
    strip(client.finding);
    for (const part of record.parts) strip(part.finding);
    if (!split) {
      for (const pair of moving) strip(pair.finding);
      client.finding.readiness = 'manual';
      client.finding.severity = 'error';
      setText(
        client.finding,
        t(`OpenAI client needs a split: ${callList(moving)} can move to ${provider.name.en}, ${callList(staying)} cannot`, `OpenAI 客户端需要拆分：${callList(moving)} 可迁移到 ${provider.name.zh}，${callList(staying)} 不能`),
        t(
          `Nothing of this client was edited. Make a second client for ${provider.name.en} (baseURL ${target.baseURL}, key ${providerKeyEnv(provider)}) and send the calls that can move through it; keep the others on this one.`,
          `此客户端未做任何修改。请为 ${provider.name.zh} 新建一个客户端（baseURL ${target.baseURL}，密钥 ${providerKeyEnv(provider)}），让可迁移的调用经由它发送，其余调用保留在原客户端。`,
        ),
      );
      continue;
    }
    client.finding.readiness = 'review';
    client.finding.severity = 'warning';
    client.finding.fix = { ...described(`make a second client for ${provider.name.en} and send ${callList(moving)} through it`, `为${provider.name.zh}新建第二个客户端，并经由它发送 ${callList(moving)}`), safety: 'safe', edits: split };
    setText(
      client.finding,
      t(`OpenAI client split: ${callList(moving)} move to a new ${provider.name.en} client, ${callList(staying)} stay on OpenAI`, `OpenAI 客户端拆分：${callList(moving)} 迁移到新的 ${provider.name.zh} 客户端，${callList(staying)} 保留在 OpenAI`),
      t(`Keep the OpenAI key for the calls that stay; set ${providerKeyEnv(provider)} for the new client.`, `为保留的调用继续配置 OpenAI 密钥；为新客户端设置 ${providerKeyEnv(provider)}。`),
    );
  }
}

function handoffsOf(pair: Pair): Handoff[] {
  return (pair.detection.payload as { handoffs?: Handoff[] }).handoffs ?? [];
}

function callNode(pair: Pair): ts.Node | undefined {
  return (pair.detection.payload as { node?: ts.Node }).node;
}

/**
 * The split as minimal edits, for the plain case: the client is `[export] const name = new OpenAI(…)`
 * and every call that moves is `name.…(…)`, in its file or in a file that imports `name` by name,
 * or is made inside a class or function the client is handed to (`new Summarizer(name)`), where
 * the argument names the new client instead (unless a call that stays is handed the same argument).
 * A second declaration for the provider is added after the first; the calls that move name it —
 * in another file by importing it under the old local name (`import { openaiQwen as openai }`)
 * when every call of that file moves, else by importing it beside the old one. Undefined when the
 * code is not that plain.
 */
function splitEdits(record: ClientRecord, moving: Pair[], staying: Pair[], target: Target, context: PlanContext): FileEdit[] | undefined {
  const construction = record.node;
  if (!ts.isNewExpression(construction)) return undefined;
  const declaration = construction.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || skipOuter(declaration.initializer!) !== construction) return undefined;
  const list = declaration.parent;
  const statement = list?.parent;
  if (!list || !ts.isVariableDeclarationList(list) || !statement || !ts.isVariableStatement(statement) || list.declarations.length !== 1) return undefined;
  const unit = (record.client!.detection.payload as { client?: { unit: Unit } }).client?.unit;
  if (!unit) return undefined;
  const name = declaration.name.text;
  const fresh = `${name}${capitalize(target.provider.id)}`;
  const exported = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const edits: FileEdit[] = [];
  // Calls in other files, by the import specifier that binds the client there.
  const imported = new Map<ts.ImportSpecifier, { unit: Unit; roots: ts.Identifier[] }>();
  // A client handed to a class or function that a staying call also uses cannot be split by its argument.
  const stayingHandoffs = new Set(staying.flatMap((pair) => handoffsOf(pair).map((h) => h.node)));
  const sites: Array<{ unit: Unit; root: ts.Expression }> = [];
  for (const pair of moving) {
    const call = callNode(pair);
    const callUnit = (pair.detection.payload as { unit?: Unit }).unit;
    if (!call || !ts.isCallExpression(call) || !callUnit) return undefined;
    const handoffs = handoffsOf(pair);
    if (handoffs.some((h) => stayingHandoffs.has(h.node))) return undefined;
    if (handoffs.length) {
      // `new Summarizer(openai)`: the argument that hands the client in is what names the new one.
      for (const handoff of handoffs) sites.push({ unit: handoff.unit, root: handoff.node });
      continue;
    }
    let root: ts.Expression = call.expression;
    while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
    sites.push({ unit: callUnit, root });
  }
  for (const { unit: callUnit, root } of sites) {
    if (!ts.isIdentifier(root)) return undefined;
    const bound = resolveName(root);
    if (bound?.node === declaration && callUnit.path === unit.path) {
      // Two calls handed the client through one argument edit it once.
      if (!edits.some((e) => e.file === unit.path && e.start === nodeRange(unit, root).start)) edits.push({ file: unit.path, ...nodeRange(unit, root), text: fresh });
      continue;
    }
    const specifier = bound?.kind === 'import' ? importSpecifierOf(bound.local) : undefined;
    if (!specifier || !exported || (specifier.propertyName ?? specifier.name).text !== name) return undefined;
    const from = bound!.kind === 'import' ? bound!.specifier : '';
    if (context.workspace.resolveModule(callUnit.path, from) !== unit.path) return undefined;
    const entry = imported.get(specifier) ?? { unit: callUnit, roots: [] };
    if (!entry.roots.includes(root)) entry.roots.push(root);
    imported.set(specifier, entry);
  }
  for (const [specifier, { unit: other, roots }] of imported) {
    const local = specifier.name.text;
    // Every use of the binding in that file that is a moving call's root: import the new client under the old name.
    if (usesOf(other, specifier.name).every((use) => roots.includes(use))) {
      const target = specifier.propertyName ?? specifier.name;
      edits.push({ file: other.path, ...nodeRange(other, target), text: specifier.propertyName ? fresh : `${fresh} as ${local}` });
    } else {
      edits.push({ file: other.path, start: nodeRange(other, specifier).end, end: nodeRange(other, specifier).end, text: `, ${fresh}` });
      for (const root of roots) edits.push({ file: other.path, ...nodeRange(other, root), text: fresh });
    }
  }
  const style = context.style(unit.path);
  const keyName = providerKeyEnv(target.provider);
  // The new client keeps the first one's other options (timeout, retries, fetch, headers…).
  const original = construction.arguments?.[0] && skipOuter(construction.arguments[0]);
  const kept = original && ts.isObjectLiteralExpression(original)
    ? original.properties.filter((p) => !(p.name && ts.isIdentifier(p.name) && OPENAI_OWN_OPTIONS.has(p.name.text))).map((p) => p.getText(unit.sf))
    : [];
  const options = formatObject(
    [`apiKey: ${envRead('process.env', keyName, style)}`, `baseURL: ${baseUrlExpression(target.provider, target.baseURL, 'process.env', style)}`, ...kept],
    style,
    lineIndent(unit, statement),
    0,
  );
  const kind = list.flags & ts.NodeFlags.Const ? 'const' : 'let';
  const callee = construction.expression.getText(unit.sf);
  const semi = style.semicolons ? ';' : '';
  const end = nodeRange(unit, statement).end;
  const text = `${style.eol}${lineIndent(unit, statement)}${exported ? 'export ' : ''}${kind} ${fresh} = new ${callee}(${options})${semi}`;
  return [{ file: unit.path, start: end, end, text }, ...edits];
}

/** Options that name OpenAI's account or endpoint: the provider's client does not take them over. */
const OPENAI_OWN_OPTIONS = new Set(['apiKey', 'baseURL', 'organization', 'project', 'dataResidency', 'provider', 'workloadIdentity', 'credential', 'adminAPIKey', 'webhookSecret']);

function importSpecifierOf(local: ts.Identifier): ts.ImportSpecifier | undefined {
  return ts.isImportSpecifier(local.parent) ? local.parent : undefined;
}

/** The identifiers of a file that refer to an import's local name (the import itself excluded). */
function usesOf(unit: Unit, local: ts.Identifier): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== local && node.text === local.text && resolveName(node)?.kind === 'import') found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return found;
}

function capitalize(id: string): string {
  return id
    .split(/[^a-z0-9]/i)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A call whose client could not be traced (a parameter typed `OpenAI`, a client handed around) may
 * go through a client that stays on OpenAI. When one does, its model ids and request edits are left
 * for a person: moving them would send a provider's model to OpenAI.
 */
export function holdUntraced(pairs: Pair[], records: ClientRecord[]): void {
  const staying = records.some((r) => r.decision === 'keep' || r.decision === 'split');
  if (!staying) return;
  for (const { detection, finding } of pairs) {
    const type = (detection.payload as { type?: string }).type;
    // The sweep's model ids in data are untraced by nature: they may feed the client that stays.
    const untraced = (detection.sdk === 'openai' && !detection.client && (type === 'model' || type === 'call')) || (detection.sdk === 'sweep' && type === 'model');
    if (!untraced || finding.kind === 'routed') continue;
    if (!finding.fix && !finding.suggestions) continue;
    strip(finding);
    if (finding.readiness === 'auto' || finding.readiness === 'info') finding.readiness = 'review';
    finding.severity = finding.readiness === 'manual' ? 'error' : 'warning';
    finding.action = 'Its client could not be traced, and a client of this project stays on OpenAI: change this only if the call goes through a client that moved.';
    finding.zh = { message: finding.zh?.message ?? finding.message, reason: finding.zh?.reason ?? finding.reason, action: '无法追踪此调用所用的客户端，而项目中有客户端保留在 OpenAI：仅当此调用经由已迁移的客户端时才修改。' };
  }
}
