/** What git says about the tree apply is about to touch. banjia never needs git; it only asks. */
import { execFileSync } from 'node:child_process';

export type TreeState = { repo: false } | { repo: true; dirty: string[] };

export function treeState(root: string): TreeState {
  try {
    const out = execFileSync('git', ['-C', root, 'status', '--porcelain', '-z', '--untracked-files=all', '--', '.'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const dirty = out
      .split('\0')
      .filter(Boolean)
      .map((entry) => entry.slice(3))
      .filter((file) => file && !file.startsWith('.migrate/') && !file.includes('/.migrate/'));
    return { repo: true, dirty };
  } catch {
    return { repo: false };
  }
}
