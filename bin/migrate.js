#!/usr/bin/env node
// The published entry point: runs the compiled CLI (npm ci builds it through the prepare script).
// The code cache goes in first, so that the TypeScript compiler, loaded later and only when a scan
// has candidates, is not compiled from scratch on every run. The name the user ran (migrate or
// banjia, from process.argv[1]) is the one the hints name.
import { enableCompileCache } from '../dist/compile-cache.js';

enableCompileCache();
const { run } = await import('../dist/cli.js');
const { binFromPath, ranThroughNpx } = await import('../dist/core/bin.js');
process.exitCode = await run(process.argv.slice(2), undefined, binFromPath(process.argv[1], 'migrate'), ranThroughNpx(process.argv[1]));
