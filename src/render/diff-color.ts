import { Chalk } from 'chalk';

/** Colours a unified diff for a terminal; the text itself is unchanged. */
export function colorDiff(diff: string, color: boolean): string {
  if (!color) return diff;
  const chalk = new Chalk({ level: 1 });
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff --git')) return chalk.bold(line);
      if (line.startsWith('@@')) return chalk.cyan(line);
      if (line.startsWith('+')) return chalk.green(line);
      if (line.startsWith('-')) return chalk.red(line);
      return line;
    })
    .join('\n');
}
