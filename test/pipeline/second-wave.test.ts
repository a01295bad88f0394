/**
 * The second wave: files with no OpenAI marker that import a module making a client are analysed
 * too. Their import specifiers are taken during the first read, so that only those files are read
 * again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, secondWave } from '../../src/pipeline/discover.js';
import { ALL_MARKERS } from '../../src/sdks/markers.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-second-wave-');

const FILES = {
  'src/lib/ai.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI();\n`,
  'src/app/summarise.ts': `import { client } from '../lib/ai';\nexport const go = () => client.models.list();\n`,
  'src/app/aliased.ts': `import { client } from '@/lib/ai';\nexport const go = () => client.files.list();\n`,
  'src/app/other.ts': `import { readFile } from 'node:fs/promises';\nimport { z } from 'zod';\nimport { helper } from './helper';\nexport const x = readFile;\n`,
  'src/app/helper.ts': `export const helper = 1;\n`,
};

describe('second wave', () => {
  it('keeps, for each file passed over, only the specifiers that can name a project module', async () => {
    const root = project(FILES);
    const read = await discover(root, { markers: ALL_MARKERS });
    const importsOf = (file: string) => read.otherImports?.[read.others.indexOf(file)];
    expect(importsOf('src/app/other.ts')).toEqual(['./helper']);
    expect(importsOf('src/app/summarise.ts')).toEqual(['../lib/ai']);
    expect(importsOf('src/app/aliased.ts')).toEqual(['@/lib/ai']);
  });

  it('finds the files that import the client maker (relative and aliased), and reads no other file again', async () => {
    const root = project(FILES);
    const read = await discover(root, { markers: ALL_MARKERS });
    // Changed after the first read to import the maker: were it read again, it would be found.
    writeFileSync(path.join(root, 'src/app/other.ts'), `import { client } from '../lib/ai';\nexport const x = client;\n`);
    expect(secondWave(root, read).map((f) => f.path).sort()).toEqual(['src/app/aliased.ts', 'src/app/summarise.ts']);
  });

  it('still works without the recorded specifiers (reads the files again)', async () => {
    const root = project(FILES);
    const read = await discover(root, { markers: ALL_MARKERS });
    expect(secondWave(root, { candidates: read.candidates, others: read.others }).map((f) => f.path).sort()).toEqual(['src/app/aliased.ts', 'src/app/summarise.ts']);
  });
});
