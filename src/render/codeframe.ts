/** A few lines of source around a finding with a caret line under the reported range. */
import type { ChalkInstance } from 'chalk';
import type { Location } from '../core/types.js';

export function codeFrame(text: string, location: Location, chalk: ChalkInstance, context = 1): string[] {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, location.line - context);
  const last = Math.min(lines.length, location.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === location.line ? chalk.red('>') : ' ';
    const content = lines[n - 1].replace(/^\uFEFF/, '');
    out.push(`${marker} ${chalk.dim(`${String(n).padStart(width)} |`)} ${content}`);
    if (n === location.line) {
      const start = location.column - 1;
      const end = location.endLine === location.line ? location.endColumn - 1 : content.length;
      const leading = content.slice(0, start).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} ${chalk.dim('|')} ${leading}${chalk.red('^'.repeat(Math.max(1, Math.min(end, content.length) - start)))}`);
    }
  }
  return out;
}
