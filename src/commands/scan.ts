/** `migrate scan [path]`: find every OpenAI use and say what moves, per provider or for one. */
import { analyze, type AnalyzeOptions, type Analysis, type Progress } from './analyze.js';

export type ScanOptions = Omit<AnalyzeOptions, 'readiness' | 'includeReview'> & { progress?: Progress };

export async function scan(options: ScanOptions): Promise<Analysis> {
  return analyze({ ...options, readiness: !options.provider }, 'scan');
}
