/**
 * Each SDK module's text markers: a file reaches the parser only when one matches. Kept apart from
 * the modules so discover can use them without loading the TypeScript parser.
 */
export const MARKERS = {
  azure: /azure/i,
  env: /OPENAI/i,
  openai: /openai|\.chat\.completions\.|\.embeddings\.create|\.responses\.create/i,
} as const satisfies Record<string, RegExp>;

export const ALL_MARKERS: RegExp[] = Object.values(MARKERS);
