/**
 * Which evaluated values belong to the official `openai` package: the module, the client class
 * (under every import style), client instances and their resources.
 */
import { possibleStrings, type ModuleValue, type SdkValue, type Value } from '../../analysis/values.js';

export function isOpenAiSpecifier(specifier: string): boolean {
  return specifier === 'openai' || specifier.startsWith('openai/') || specifier === 'npm:openai' || specifier === 'jsr:@openai/openai';
}

export type OpenAiClass = 'OpenAI' | 'AzureOpenAI';

/**
 * The client class a module value stands for, if any:
 * `import OpenAI from 'openai'` → ['default']; `import { OpenAI }` → ['OpenAI'];
 * `OpenAI.OpenAI`; CJS `require('openai')` → [] (v4: module.exports is the class; v5+: a callable
 * that constructs the client); `(await import('openai')).default`.
 */
export function clientClassOf(module: ModuleValue): OpenAiClass | undefined {
  if (module.specifier !== 'openai' && module.specifier !== 'npm:openai' && module.specifier !== 'jsr:@openai/openai') return undefined;
  const path = module.path.filter((segment) => segment !== 'default');
  if (path.length === 0) {
    // An ESM namespace object is not constructible; CJS require and default imports are.
    return module.via === 'require' || module.path.length > 0 ? 'OpenAI' : undefined;
  }
  if (path.length === 1 && (path[0] === 'OpenAI' || path[0] === 'AzureOpenAI')) return path[0];
  if (path.length === 2 && path[0] === 'OpenAI' && (path[1] === 'OpenAI' || path[1] === 'AzureOpenAI')) return path[1];
  return undefined;
}

/**
 * A value that is an `openai` client (or a member path from one). A union counts when one of its
 * options is: a field declared `client: OpenAI` and assigned `new OpenAI(…)` in the constructor
 * evaluates to both, and the construction (which knows the options) is preferred to the type.
 */
export function asOpenAiClient(value: Value): (SdkValue & { clientClass: OpenAiClass }) | undefined {
  if (value.t === 'union') {
    const clients = value.options.map(asOpenAiClient).filter((c): c is SdkValue & { clientClass: OpenAiClass } => c !== undefined);
    return clients.find((c) => c.op === 'new' || c.op === 'call') ?? clients[0];
  }
  if (value.t !== 'sdk') return undefined;
  const clientClass = clientClassOf(value.module);
  return clientClass ? { ...value, clientClass } : undefined;
}

export function isOpenAiClassValue(value: Value): value is ModuleValue {
  return value.t === 'module' && clientClassOf(value) !== undefined;
}

/** Names only the legacy v3 package exports: imports binding only these belong to the openai-v3 module. */
export function isV3Name(name: string): boolean {
  return (
    name === 'Configuration' ||
    name === 'OpenAIApi' ||
    name === 'ConfigurationParameters' ||
    /^Create\w*(Request|Response)\w*$/.test(name) ||
    /^ChatCompletion(Request|Response)Message/.test(name) ||
    name === 'ChatCompletionFunctions'
  );
}

/** Azure endpoints: `https://<resource>.openai.azure.com/...`, `*.cognitiveservices.azure.com`. */
export function isAzureUrl(url: string): boolean {
  return /^https?:\/\/[^/]*\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)(\/|$)/i.test(url.trim());
}

/**
 * A base URL value that names Azure: an Azure host literal, or a template/concatenation built from
 * an Azure host, an `AZURE_*` env read, or Azure's `/openai/deployments/` path.
 */
export function isAzureValue(value: Value): boolean {
  const { strings, envs, others } = possibleStrings(value);
  if (strings.some((s) => isAzureUrl(s.value) || /\/openai\/deployments\//.test(s.value))) return true;
  if (envs.some((e) => /AZURE/i.test(e.name))) return true;
  return others.some((part) => {
    if (part.t === 'template' || part.t === 'concat') return part.parts.some((p) => isAzureValue(p));
    return false;
  });
}
