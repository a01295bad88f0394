/** A few lines of source around a finding with a caret line under the reported range. */
import type { ChalkInstance } from 'chalk';
import type { Location } from '../core/types.js';

/** Longer source lines are cut to a window around the reported column (a minified file or a one-line JSON fixture printed whole was hundreds of kilobytes). */
const MAX_LINE = 160;
/** How much of the line before the reported column the window keeps. */
const LEAD = 60;

export function codeFrame(text: string, location: Location, chalk: ChalkInstance, context = 1): string[] {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, location.line - context);
  const last = Math.min(lines.length, location.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === location.line ? chalk.red('>') : ' ';
    const full = lines[n - 1].replace(/^\uFEFF/, '');
    const start = location.column - 1;
    // The reported line's window starts a little before the column; context lines show their start.
    const from = n === location.line && full.length > MAX_LINE ? Math.max(0, Math.min(start - LEAD, full.length - MAX_LINE)) : 0;
    const cut = windowOf(full, from);
    out.push(`${marker} ${chalk.dim(`${String(n).padStart(width)} |`)} ${cut.text}`);
    if (n === location.line) {
      const end = location.endLine === location.line ? location.endColumn - 1 : full.length;
      const visibleEnd = Math.min(end, from + MAX_LINE, full.length);
      const leading = (cut.prefix + full.slice(from, start)).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} ${chalk.dim('|')} ${leading}${chalk.red('^'.repeat(Math.max(1, visibleEnd - start)))}`);
    }
  }
  return out;
}

/** `MAX_LINE` characters of a line from `from`, with an ellipsis on each side that was cut. */
function windowOf(line: string, from: number): { text: string; prefix: string } {
  if (line.length <= MAX_LINE) return { text: line, prefix: '' };
  const prefix = from > 0 ? '…' : '';
  const suffix = from + MAX_LINE < line.length ? '…' : '';
  return { text: `${prefix}${line.slice(from, from + MAX_LINE)}${suffix}`, prefix };
}
