#!/usr/bin/env node
// The `banjia` bin: the same CLI as `migrate`, for projects where `migrate` means something else.
// The code cache goes in first (see migrate.js).
import { enableCompileCache } from '../dist/compile-cache.js';

enableCompileCache();
const { run } = await import('../dist/cli.js');
const { binFromPath, ranThroughNpx } = await import('../dist/core/bin.js');
process.exitCode = await run(process.argv.slice(2), undefined, binFromPath(process.argv[1], 'banjia'), ranThroughNpx(process.argv[1]));
