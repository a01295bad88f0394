// Rewrites README.md's provider table from the built catalogue (run through `npm run docs:providers`).
import { readFileSync, writeFileSync } from 'node:fs';
import { listProviders } from '../dist/catalogue/index.js';
import { providerTable, withProviderTable } from '../dist/catalogue/readme-table.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withProviderTable(before, providerTable(listProviders()));
writeFileSync(path, after);
console.log(after === before ? 'README.md provider table already up to date' : 'README.md provider table updated');
