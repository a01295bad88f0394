/**
 * The installed AI SDK versions of the scanned project, read from the nearest package.json up from
 * a file (the first one that names `@ai-sdk/openai` or `ai`). They decide what `openai('id')` calls:
 * chat completions up to `@ai-sdk/openai` 1.x (AI SDK 4), the Responses API from 2.0 (AI SDK 5) on.
 * https://ai-sdk.dev/docs/migration-guides/migration-guide-5-0
 */
import path from 'node:path';
import type { Workspace } from '../../analysis/workspace.js';

export interface SdkVersions {
  /** Major version of `@ai-sdk/openai`, read or inferred from `ai`; undefined when unknown. */
  openai?: number;
  /** Major version of `ai`. */
  ai?: number;
  /** `@ai-sdk/openai-compatible` is a dependency. */
  openaiCompatible: boolean;
  /** The package.json the versions come from (posix, relative to the root). */
  source?: string;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** `^1.3.22` → 1, `~2.0.0` → 2, `>=5` → 5, `workspace:^1.0.0` → 1; `latest`, `*`, `catalog:` → unknown. */
export function majorOf(spec: unknown): number | undefined {
  if (typeof spec !== 'string') return undefined;
  const bare = spec.replace(/^(workspace|npm):/, '');
  // An alias (`npm:@ai-sdk/openai@^1.0.0`) names the version after its last '@'.
  const at = bare.lastIndexOf('@');
  const version = at > 0 ? bare.slice(at + 1) : bare;
  const match = /^\s*(?:[\^~]|[<>]=?|=|v)*\s*(\d+)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** AI SDK 3 shipped `@ai-sdk/openai` 0.x, AI SDK 4 1.x, AI SDK 5 2.x, AI SDK 6 3.x. */
function openaiMajorFromAi(ai: number | undefined): number | undefined {
  return ai !== undefined && ai >= 3 ? ai - 3 : undefined;
}

const cache = new WeakMap<Workspace, Map<string, SdkVersions>>();

function read(workspace: Workspace, dir: string): SdkVersions | undefined {
  const file = dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`;
  const text = workspace.text(file);
  if (text === undefined) return undefined;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const deps: Record<string, unknown> = {};
  for (const field of DEPENDENCY_FIELDS) {
    const value = json[field];
    if (value && typeof value === 'object') Object.assign(deps, value);
  }
  if (!('@ai-sdk/openai' in deps) && !('ai' in deps) && !('@ai-sdk/azure' in deps)) return undefined;
  const ai = majorOf(deps.ai);
  const openai = majorOf(deps['@ai-sdk/openai']) ?? openaiMajorFromAi(ai);
  return {
    ...(openai !== undefined ? { openai } : {}),
    ...(ai !== undefined ? { ai } : {}),
    openaiCompatible: '@ai-sdk/openai-compatible' in deps,
    source: file,
  };
}

export function versionsFor(workspace: Workspace, file: string): SdkVersions {
  let perWorkspace = cache.get(workspace);
  if (!perWorkspace) {
    perWorkspace = new Map();
    cache.set(workspace, perWorkspace);
  }
  const start = path.posix.dirname(file);
  const cached = perWorkspace.get(start);
  if (cached) return cached;
  let found: SdkVersions = { openaiCompatible: false };
  for (let dir = start; ; dir = path.posix.dirname(dir)) {
    const versions = read(workspace, dir);
    if (versions) {
      found = versions;
      break;
    }
    if (dir === '.' || dir === '/' || dir === '') break;
  }
  perWorkspace.set(start, found);
  return found;
}

/**
 * Whether `openai('id')` / `openai.languageModel('id')` reach the Responses API: yes from 2.0 on;
 * unknown versions are treated as current, since `.chat('id')` is right for every major.
 */
export function directCallIsResponses(versions: SdkVersions): boolean {
  return versions.openai === undefined || versions.openai >= 2;
}

/** Streaming chat calls send `stream_options` from 2.0 on (before, only in `compatibility: 'strict'`). */
export function alwaysSendsStreamOptions(versions: SdkVersions): boolean {
  return versions.openai === undefined || versions.openai >= 2;
}

export function versionText(versions: SdkVersions): string {
  return versions.openai !== undefined ? `@ai-sdk/openai ${versions.openai}.x` : 'an unknown @ai-sdk/openai version';
}
