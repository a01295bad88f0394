/**
 * OpenAI token counts with OpenAI's own encodings (gpt-tokenizer, MIT, the ranks ship inside the
 * package: nothing is downloaded). Each encoding loads on first use and is kept; a scan without
 * literal prompt text never loads one. gpt-tokenizer counts exactly as tiktoken does and holds its
 * ranks in a fraction of js-tiktoken's memory (measured: +73 MB peak and 18 MB kept for o200k_base,
 * against +160 MB and 70 MB), the largest single item of a scan's peak RSS before.
 */
import { createRequire } from 'node:module';
import type { OpenAiEncoding } from './tokens.js';

const require = createRequire(import.meta.url);

interface Encoder {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number;
}

/** `<|endoftext|>` in a prompt is text the user sends, counted as text, never an error. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

const encoders = new Map<OpenAiEncoding, Encoder>();

function encoder(encoding: OpenAiEncoding): Encoder {
  let found = encoders.get(encoding);
  if (!found) {
    // The CommonJS builds load synchronously, so the static estimate can stay a plain function.
    found = require(`gpt-tokenizer/encoding/${encoding}`) as Encoder;
    encoders.set(encoding, found);
  }
  return found;
}

export function countOpenAiTokens(text: string, encoding: OpenAiEncoding): number {
  return text ? encoder(encoding).countTokens(text, AS_TEXT) : 0;
}
