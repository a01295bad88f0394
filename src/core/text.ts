/** Every message a person reads exists in English and Chinese; machine formats use English. */
export interface Localized {
  en: string;
  zh: string;
}

export type Lang = keyof Localized;

export function t(en: string, zh: string): Localized {
  return { en, zh };
}

export function pick(text: Localized | undefined, lang: Lang): string | undefined {
  return text ? text[lang] : undefined;
}
