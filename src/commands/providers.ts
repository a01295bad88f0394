/** `migrate providers [id]`: the catalogue, as a list or one provider in full. */
import { findProvider, listProviders, providerIds } from '../catalogue/index.js';
import type { Provider } from '../catalogue/schema.js';
import { UsageError } from '../core/errors.js';

export function providers(id?: string): Provider[] {
  if (!id) return listProviders();
  const provider = findProvider(id);
  if (!provider) throw new UsageError(`unknown provider '${id}'`, `known providers: ${providerIds().join(', ')}`).inChinese(`未知的服务商 '${id}'`, `已知服务商：${providerIds().join(', ')}`);
  return [provider];
}
