#!/usr/bin/env node
// The published entry point: runs the compiled CLI (npm ci builds it through the prepare script).
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
