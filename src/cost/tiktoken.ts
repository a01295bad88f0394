/**
 * OpenAI token counts with OpenAI's own encodings (js-tiktoken, MIT, the ranks ship inside the
 * package: nothing is downloaded). The ranks take about a second to load, so each encoding is loaded
 * on first use and kept; a scan without literal prompt text never loads them.
 */
import { createRequire } from 'node:module';
import type { OpenAiEncoding } from './tokens.js';

const require = createRequire(import.meta.url);

interface Encoder {
  encode(text: string): number[];
}

const encoders = new Map<OpenAiEncoding, Encoder>();

function encoder(encoding: OpenAiEncoding): Encoder {
  let found = encoders.get(encoding);
  if (!found) {
    // The CommonJS builds load synchronously, so the static estimate can stay a plain function.
    const { Tiktoken } = require('js-tiktoken/lite') as { Tiktoken: new (ranks: unknown) => Encoder };
    const ranks = require(`js-tiktoken/ranks/${encoding}`) as { default?: unknown };
    found = new Tiktoken(ranks.default ?? ranks);
    encoders.set(encoding, found);
  }
  return found;
}

export function countOpenAiTokens(text: string, encoding: OpenAiEncoding): number {
  return text ? encoder(encoding).encode(text).length : 0;
}
