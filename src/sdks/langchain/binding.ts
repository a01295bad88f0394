/**
 * Which evaluated values belong to LangChain.js's OpenAI integration: the packages
 * (`@langchain/openai` and the old `langchain/{chat_models,embeddings,llms}/openai` entry points)
 * and the classes they export. `new OpenAI()` from these packages is LangChain's own text-completion
 * class, never the `openai` SDK client: binding is by import, never by name.
 */
import type { ModuleValue, SdkValue, Value } from '../../analysis/values.js';

/** The old `langchain` entry points (≤ 0.1/0.2) that re-export or implement the OpenAI classes. */
const LEGACY_PATHS = /^langchain\/(chat_models|embeddings|llms|tools)\/(openai|openai_chat|dalle)(\.js)?$/;

export function isLangChainSpecifier(specifier: string): boolean {
  return specifier === '@langchain/openai' || specifier === 'npm:@langchain/openai' || LEGACY_PATHS.test(specifier);
}

/** Whether the import is one of the old `langchain/...` paths (which know `openAIApiKey`/`modelName` only). */
export function isLegacySpecifier(specifier: string): boolean {
  return LEGACY_PATHS.test(specifier);
}

/** What a class talks to: the family of the OpenAI API it calls. */
export type ClassKind = 'chat' | 'llm' | 'embeddings' | 'dalle' | 'responses' | 'azure';

export interface LcClass {
  name: string;
  kind: ClassKind;
  /** What the underlying API call is, for the capability lint and the cost estimate. */
  family: 'chat' | 'completions' | 'embeddings' | 'images' | 'responses';
  /** LangChain's default model when the options name none (langchain-openai source). */
  defaultModel: string;
}

/*
 * Defaults from libs/langchain-openai: ChatOpenAI `model = "gpt-3.5-turbo"` (unchanged through
 * 1.x), OpenAI `model = "gpt-3.5-turbo-instruct"`, OpenAIEmbeddings `model = "text-embedding-ada-002"`,
 * DallEAPIWrapper `modelName = "dall-e-3"`.
 */
const CLASSES: Record<string, LcClass> = {
  ChatOpenAI: { name: 'ChatOpenAI', kind: 'chat', family: 'chat', defaultModel: 'gpt-3.5-turbo' },
  ChatOpenAICompletions: { name: 'ChatOpenAICompletions', kind: 'chat', family: 'chat', defaultModel: 'gpt-3.5-turbo' },
  ChatOpenAIResponses: { name: 'ChatOpenAIResponses', kind: 'responses', family: 'responses', defaultModel: 'gpt-3.5-turbo' },
  // langchain 0.0.x: an LLM over the chat endpoint.
  OpenAIChat: { name: 'OpenAIChat', kind: 'chat', family: 'chat', defaultModel: 'gpt-3.5-turbo' },
  OpenAI: { name: 'OpenAI', kind: 'llm', family: 'completions', defaultModel: 'gpt-3.5-turbo-instruct' },
  OpenAIEmbeddings: { name: 'OpenAIEmbeddings', kind: 'embeddings', family: 'embeddings', defaultModel: 'text-embedding-ada-002' },
  DallEAPIWrapper: { name: 'DallEAPIWrapper', kind: 'dalle', family: 'images', defaultModel: 'dall-e-3' },
  AzureChatOpenAI: { name: 'AzureChatOpenAI', kind: 'azure', family: 'chat', defaultModel: 'gpt-3.5-turbo' },
  AzureOpenAI: { name: 'AzureOpenAI', kind: 'azure', family: 'completions', defaultModel: 'gpt-3.5-turbo-instruct' },
  AzureOpenAIEmbeddings: { name: 'AzureOpenAIEmbeddings', kind: 'azure', family: 'embeddings', defaultModel: 'text-embedding-ada-002' },
  AzureDallEAPIWrapper: { name: 'AzureDallEAPIWrapper', kind: 'azure', family: 'images', defaultModel: 'dall-e-3' },
};

/** The LangChain class a module value stands for: `import { ChatOpenAI }`, `lc.ChatOpenAI`, `require(...).ChatOpenAI`. */
export function classOf(module: ModuleValue): LcClass | undefined {
  if (!isLangChainSpecifier(module.specifier) || module.via === 'type') return undefined;
  const path = module.path.filter((segment) => segment !== 'default');
  if (path.length !== 1) return undefined;
  return Object.hasOwn(CLASSES, path[0]) ? CLASSES[path[0]] : undefined;
}

/** Also accepts type-only bindings: `(llm: ChatOpenAI) => llm.invoke(...)`. */
export function classOfType(module: ModuleValue): LcClass | undefined {
  return classOf(module.via === 'type' ? { ...module, via: 'import' } : module);
}

export interface LcInstance {
  value: SdkValue;
  cls: LcClass;
}

/** The LangChain model instances a value may be (a union may hold several). */
export function lcInstances(value: Value): LcInstance[] {
  const options = value.t === 'union' ? value.options : [value];
  const found: LcInstance[] = [];
  for (const option of options) {
    if (option.t !== 'sdk') continue;
    const cls = classOfType(option.module);
    if (cls) found.push({ value: option, cls });
  }
  return found;
}
