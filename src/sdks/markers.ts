/**
 * Each SDK module's text markers: a file reaches the parser only when one matches. Kept apart from
 * the modules so discover can use them without loading the TypeScript parser.
 */
import { SWEEP_MARKER } from '../sweep/indicators.js';

const OPENAI_MARKER = /openai|\.chat\.completions\.|\.embeddings\.create|\.responses\.create/i;

export const MARKERS = {
  // An OpenAI client pointed at an Azure URL constant from another file, and calls through an Azure
  // client built elsewhere, name no Azure at all: every file the openai module reads is a candidate.
  azure: new RegExp(`azure|${OPENAI_MARKER.source}`, 'i'),
  env: /OPENAI/i,
  http: /api\.openai\.com|openai|chat\/completions|\/embeddings|\/moderations|\/images\/generations|\/audio\/(transcriptions|translations|speech)|\/responses\b/i,
  // OpenAI's LangChain classes, not LangChain itself: in a LangChain repository every file imports
  // @langchain/core, and a chain's .invoke() reaches OpenAI only through a model made elsewhere.
  langchain: /@langchain\/(openai|azure-openai)|\blangchain\/[\w/]*openai|\b(Azure)?(ChatOpenAI|OpenAIEmbeddings|OpenAI)\b|DallEAPIWrapper/,
  openai: OPENAI_MARKER,
  'openai-v3': /OpenAIApi|openai-edge|\bnew\s+Configuration\b|\.create(ChatCompletion|Completion|Embedding|Image|Moderation|Transcription|Translation)\b/,
  'vercel-ai': /@ai-sdk\/(openai|azure)|\bfrom\s*['"]ai(\/rsc)?['"]|\brequire\(\s*['"]ai['"]\s*\)|OpenAIStream|StreamingTextResponse/,
  wrapper: /chatgpt|ChatGPT\w*API|llamaindex|@azure\/openai|openai-api/,
} as const satisfies Record<string, RegExp>;

/** The sweep's indicators make a file a candidate too: a model id alone is OpenAI usage. */
export const ALL_MARKERS: RegExp[] = [...Object.values(MARKERS), SWEEP_MARKER];
