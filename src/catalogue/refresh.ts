/**
 * `npm run catalogue:refresh`: compares the catalogue with a maintained dataset from the npm
 * registry and prints what changed upstream as proposals for a reviewer. It never edits the data
 * files: a price read on a provider's own page wins over any aggregator, and only a person can tell
 * whether an upstream change is a real repricing or the aggregator's mistake.
 *
 * Upstream: LobeHub's `model-bank` (dist/aiModels/<provider>.mjs, arrays of model cards with
 * contextWindowTokens, maxOutput, pricing.units, releasedAt). LiteLLM's price map has USD list
 * prices for five of the thirteen providers and is imported by `--prices` instead; the npm package
 * named models.dev is an empty placeholder (0.0.0), so it is not a source here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChatModel, ProviderData } from './schema.js';

/** model-bank's file name for each of our providers. */
export const MODEL_BANK_FILES: Record<string, string> = {
  baichuan: 'baichuan', deepseek: 'deepseek', doubao: 'volcengine', hunyuan: 'hunyuan', minimax: 'minimax', moonshot: 'moonshot',
  qianfan: 'wenxin', qwen: 'qwen', siliconflow: 'siliconcloud', spark: 'spark', stepfun: 'stepfun', yi: 'zeroone', zhipu: 'zhipu',
};

export interface UpstreamModel {
  provider: string;
  id: string;
  contextWindow?: number;
  maxOutput?: number;
  currency?: string;
  input?: number;
  output?: number;
  cachedInput?: number;
  /** The price has bands (by prompt length): the numbers are the first band's. */
  banded: boolean;
  released?: string;
}

interface Card {
  id: string;
  type?: string;
  contextWindowTokens?: number;
  maxOutput?: number;
  releasedAt?: string;
  deploymentName?: string;
  config?: { deploymentName?: string };
  pricing?: { currency?: string; units?: Array<{ name: string; rate?: number; tiers?: Array<{ rate: number }>; lookup?: { prices: Record<string, number> } }> };
}

function unitRate(card: Card, name: string): { rate?: number; banded: boolean } {
  const unit = card.pricing?.units?.find((u) => u.name === name);
  if (!unit) return { banded: false };
  if (typeof unit.rate === 'number') return { rate: unit.rate, banded: false };
  const first = unit.tiers?.[0]?.rate ?? (unit.lookup ? Object.values(unit.lookup.prices)[0] : undefined);
  return { rate: first, banded: first !== undefined };
}

/** Reads the chat models of our providers from an installed model-bank package folder. */
export async function readModelBank(packageDir: string): Promise<{ version: string; models: UpstreamModel[] }> {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const models: UpstreamModel[] = [];
  for (const [provider, file] of Object.entries(MODEL_BANK_FILES)) {
    const modulePath = path.join(packageDir, 'dist', 'aiModels', `${file}.mjs`);
    if (!existsSync(modulePath)) continue;
    const mod = (await import(pathToFileURL(modulePath).href)) as { default?: Card[]; allModels?: Card[] };
    for (const card of mod.default ?? mod.allModels ?? []) {
      if (card.type && card.type !== 'chat') continue;
      const input = unitRate(card, 'textInput');
      const output = unitRate(card, 'textOutput');
      const cached = unitRate(card, 'textInput_cacheRead');
      models.push({
        provider,
        // Ark and others call the model by its deployment name; that is the id code sends.
        id: card.config?.deploymentName ?? card.id,
        ...(card.contextWindowTokens ? { contextWindow: card.contextWindowTokens } : {}),
        ...(card.maxOutput ? { maxOutput: card.maxOutput } : {}),
        ...(card.pricing?.currency ? { currency: card.pricing.currency } : {}),
        ...(input.rate !== undefined ? { input: input.rate } : {}),
        ...(output.rate !== undefined ? { output: output.rate } : {}),
        ...(cached.rate !== undefined ? { cachedInput: cached.rate } : {}),
        banded: input.banded || output.banded,
        ...(card.releasedAt ? { released: card.releasedAt } : {}),
      });
    }
  }
  return { version: pkg.version, models };
}

export type ProposalKind = 'changed' | 'kept' | 'new' | 'absent';

export interface Proposal {
  kind: ProposalKind;
  provider: string;
  model: string;
  field?: 'contextWindow' | 'maxOutput' | 'input' | 'output' | 'cachedInput';
  ours?: number | string | null;
  upstream?: number | string | null;
  /** Why: which source wins, or what the reviewer should check. */
  note: string;
}

// Sources that are aggregators or gateways, not the provider's own page.
const AGGREGATORS = /^https:\/\/(www\.npmjs\.com|github\.com|vercel\.com|docs\.apiyi\.com|unpkg\.com)\//;

/** Upstream against our data: each disagreement, each upstream model we lack, each active model upstream lacks. */
export function compareWithUpstream(providers: ProviderData[], upstream: UpstreamModel[]): Proposal[] {
  const proposals: Proposal[] = [];
  for (const provider of providers) {
    const theirs = upstream.filter((m) => m.provider === provider.id);
    if (theirs.length === 0) continue;
    const byId = new Map(theirs.map((m) => [m.id, m]));
    for (const ours of provider.chatModels) {
      const up = byId.get(ours.id);
      if (!up) {
        if (ours.status === 'active') proposals.push({ kind: 'absent', provider: provider.id, model: ours.id, note: 'not in the upstream list: check the provider’s page for a retirement' });
        continue;
      }
      compareModel(provider.id, ours, up, proposals);
    }
    const known = new Set(provider.chatModels.map((m) => m.id));
    for (const up of theirs) {
      if (known.has(up.id)) continue;
      proposals.push({
        kind: 'new',
        provider: provider.id,
        model: up.id,
        note: `upstream lists it (context ${up.contextWindow ?? '?'}, ${up.currency ?? '?'} ${up.input ?? '?'} / ${up.output ?? '?'}${up.released ? `, released ${up.released}` : ''}); add it to providers/${provider.id}.ts after checking the provider’s page`,
      });
    }
  }
  return proposals;
}

function compareModel(provider: string, ours: ChatModel, up: UpstreamModel, out: Proposal[]): void {
  const fields: Array<[Proposal['field'], number | 'unknown' | null | undefined, number | undefined, string]> = [
    ['contextWindow', ours.contextWindow, up.contextWindow, ours.limits?.source ?? ''],
    ['maxOutput', ours.maxOutput, up.maxOutput, ours.limits?.source ?? ''],
  ];
  // Prices compare only in the same currency and only when upstream has no bands we cannot see.
  if (!ours.price.unlisted && up.currency === ours.price.currency) {
    fields.push(['input', ours.price.input, up.input, ours.price.source], ['output', ours.price.output, up.output, ours.price.source], ['cachedInput', ours.price.cachedInput, up.cachedInput, ours.price.source]);
  }
  for (const [field, mine, theirs, source] of fields) {
    if (theirs === undefined || mine === theirs) continue;
    const providerPage = source !== '' && !AGGREGATORS.test(source);
    out.push({
      kind: providerPage ? 'kept' : 'changed',
      provider,
      model: ours.id,
      field,
      ours: mine ?? null,
      upstream: theirs,
      note: providerPage
        ? `ours comes from the provider’s page (${source}); it wins`
        : `ours cites ${source || 'nothing'}; update it if the provider’s page agrees with upstream${up.banded ? ' (upstream price has bands: first band shown)' : ''}`,
    });
  }
}

export function renderProposals(proposals: Proposal[], upstream: string): string {
  const lines = [`# Catalogue refresh against ${upstream}`, ''];
  const counts = (k: ProposalKind) => proposals.filter((p) => p.kind === k).length;
  lines.push(`${counts('changed')} changed upstream, ${counts('kept')} kept (provider page wins), ${counts('new')} new upstream, ${counts('absent')} absent upstream.`, '');
  for (const kind of ['changed', 'kept', 'new', 'absent'] as const) {
    const list = proposals.filter((p) => p.kind === kind);
    if (!list.length) continue;
    lines.push(`## ${kind}`, '');
    for (const p of list) lines.push(`- ${p.provider}/${p.model}${p.field ? ` ${p.field}: ${p.ours} → ${p.upstream}` : ''} — ${p.note}`);
    lines.push('');
  }
  return lines.join('\n');
}
