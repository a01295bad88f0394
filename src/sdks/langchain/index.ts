/**
 * SDK module `langchain`: LangChain.js's OpenAI integration — `@langchain/openai` (`ChatOpenAI`,
 * `OpenAIEmbeddings`, LangChain's own `OpenAI` LLM, the Azure classes, `DallEAPIWrapper`) and the old
 * `langchain/chat_models/openai`, `langchain/embeddings/openai`, `langchain/llms/openai` paths.
 * Detects imports, model constructions, the model ids that feed them and the calls made on the
 * models; rewrites `configuration.baseURL`, the key and the model id for the target provider.
 * Its text marker also matches the model methods (`.invoke(`, `.embedQuery(`, …): a file that only
 * calls a model imported from elsewhere must reach the parser too.
 * Upstream: https://github.com/langchain-ai/langchainjs/tree/main/libs/langchain-openai,
 * https://js.langchain.com/docs/integrations/chat/openai/
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectLangChain, finishLangChain, SDK, type LcDetection } from './detect.js';
import { planLangChain } from './rewrite.js';

export const langchainSdk: SdkModule = {
  id: SDK,
  title: 'LangChain.js OpenAI integration (@langchain/openai, langchain/*/openai)',
  docs: 'https://js.langchain.com/docs/integrations/chat/openai/',
  markers: MARKERS.langchain,
  detect: (unit, context) => detectLangChain(unit, context),
  finish: (context) => finishLangChain(context),
  plan: (detection, context) => planLangChain(detection as LcDetection, context),
};
