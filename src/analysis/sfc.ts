/**
 * `<script>` blocks of Vue and Svelte single-file components, with their offsets in the file so
 * that findings and edits point at the file on disk. Many Chinese chat apps are Vue.
 */
export interface ScriptBlock {
  offset: number;
  text: string;
  lang: string | undefined;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

export function isComponentFile(path: string): boolean {
  return /\.(vue|svelte)$/i.test(path);
}

export function scriptBlocks(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  for (const match of text.matchAll(SCRIPT)) {
    const attributes = match[1];
    // A script with src= has no inline code; JSON and template scripts are not JavaScript.
    if (/\bsrc\s*=/.test(attributes)) continue;
    const type = /\btype\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
    if (type && !/(java|ecma|type)script|module/i.test(type)) continue;
    const lang = /\blang\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
    const openTagLength = match[0].indexOf('>') + 1;
    blocks.push({ offset: (match.index ?? 0) + openTagLength, text: match[2], lang });
  }
  return blocks;
}
