// `npm run eval:real [-- --json] [-- --tree <name>]`: detection on public repositories labelled by a
// reviewer (../shared/realworld, read in place). Exit 1 under the bar; skips when the set is absent.
import { fileURLToPath } from 'node:url';
import { hasRealworld, realworldRoot, renderRealScore, scoreRealworld } from '../dist/eval/real.js';

const project = fileURLToPath(new URL('..', import.meta.url));
const root = realworldRoot(project);
if (!hasRealworld(root)) {
  process.stdout.write(`eval:real skipped: no labelled set at ${root} (set BANJIA_REALWORLD to its folder)\n`);
  process.exit(0);
}
const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (a === '--tree' ? [args[i + 1]] : []));
const score = await scoreRealworld(root, only);
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
else process.stdout.write(renderRealScore(score));
process.exitCode = score.recall >= 0.95 && score.noisy === 0 ? 0 : 1;
