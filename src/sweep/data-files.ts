/**
 * Data sets kept as JSON: a model list fetched from an API, a test run's results, a catalogue
 * dumped by a script. They hold OpenAI's model ids as records, not as settings an app reads to
 * pick its model: a settings file names a model or a few, while a dump lists dozens, each id
 * often twice (`id` and `name`). Reporting every record buries the few real sites, and mapping
 * them would rewrite history (what a model answered in a past test run), so such a file is
 * reported once, as a mention that counts its ids, and is never edited.
 */
import { settingsSyntax } from './settings-block.js';

/** Distinct OpenAI model ids from which a JSON file is a list of records rather than settings. */
export const DATA_MIN_IDS = 12;

/** Where scripts and test runs write their output: `results/`, `tool-test-results.json`, `dump-2024.json`. */
const OUTPUT_PATH = /(^|[/_.-])(results?|dumps?)([/_.-])/i;

/** Whether a settings-syntax file with these model ids is a data set (see the module comment). */
export function isDataSet(file: string, ids: readonly string[]): boolean {
  if (settingsSyntax(file) !== 'json' || !ids.length) return false;
  return new Set(ids).size >= DATA_MIN_IDS || OUTPUT_PATH.test(file);
}
