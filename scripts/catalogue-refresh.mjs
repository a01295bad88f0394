#!/usr/bin/env node
// npm run catalogue:refresh [-- --from <model-bank folder>] [--json]
// Compares the built catalogue with LobeHub's model-bank package and prints proposals; edits nothing.
// Exit 0: nothing to review; 1: proposals to review; 2: no upstream package found.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listProviders } from '../dist/catalogue/index.js';
import { compareWithUpstream, readModelBank, renderProposals } from '../dist/catalogue/refresh.js';

const args = process.argv.slice(2);
const at = args.indexOf('--from');
const from = at >= 0 ? args[at + 1] : path.resolve('node_modules/model-bank');
if (!existsSync(path.join(from, 'package.json'))) {
  console.error(`no model-bank package at ${from}: run \`npm install --no-save model-bank\` (it comes from the npm registry), or pass --from <folder>`);
  process.exit(2);
}
const { version, models } = await readModelBank(from);
const proposals = compareWithUpstream(listProviders(), models);
if (args.includes('--json')) console.log(JSON.stringify({ upstream: `model-bank@${version}`, proposals }, null, 2));
else console.log(renderProposals(proposals, `model-bank@${version}`));
process.exit(proposals.some((p) => p.kind !== 'kept') ? 1 : 0);
