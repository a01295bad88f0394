// `npm run eval`: scores detection on the labelled projects under fixtures/eval (see its README.md).
import { fileURLToPath } from 'node:url';
import { renderScore, scoreAll } from '../dist/eval/score.js';

const root = fileURLToPath(new URL('../fixtures/eval', import.meta.url));
const score = await scoreAll(root);
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
else process.stdout.write(renderScore(score));
process.exitCode = score.recall >= 0.97 && score.noisy === 0 ? 0 : 1;
