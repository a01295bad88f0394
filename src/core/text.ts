/** Every message a person reads exists in English and Chinese; machine formats use English. */
export interface Localized {
  en: string;
  zh: string;
}

export type Lang = keyof Localized;

export function t(en: string, zh: string): Localized {
  return { en, zh };
}

/** A fix's description: English for every format, Chinese for `--lang zh` text (machine formats leave it out). */
export function described(en: string, zh: string): { description: string; zh: string } {
  return { description: en, zh };
}

export function pick(text: Localized | undefined, lang: Lang): string | undefined {
  return text ? text[lang] : undefined;
}

/** Line starts per text, computed once and kept for the last ~2,000 texts (each file is read once), so that many questions about the lines of one big file are not each a scan from its top. */
const lineStartsCache = new Map<string, number[]>();

export function lineStarts(text: string): number[] {
  let starts = lineStartsCache.get(text);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    if (lineStartsCache.size > 2000) lineStartsCache.clear();
    lineStartsCache.set(text, starts);
  }
  return starts;
}

/** The module specifiers a text imports, re-exports or requires (a regular expression, no parse). */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\brequire\(|\bimport\()\s*['"]([^'"\n]+)['"]/g)].map((match) => match[1]!);
}
