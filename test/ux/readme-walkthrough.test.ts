/**
 * Issue 14: README's walk-through shows what the CLI prints today. Each fenced block of the section
 * that starts with `$ npx migrate …` is run and compared line for line. Normalised, and only these:
 * the clone's absolute path (shown as ~/banjia), OpenAI's shutdown notices (their day count changes
 * daily), trailing spaces (editors strip them). A line `…` in the README stands for lines left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const README = readFileSync(path.join(REPO, 'README.md'), 'utf8');

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "## ${title}"`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks that start with a command: [command args, shown output lines]. */
function transcripts(text: string): Array<{ args: string[]; shown: string[] }> {
  const blocks = [...text.matchAll(/\n```\n(\$ npx migrate [^\n]+)\n([\s\S]*?)\n```\n/g)];
  return blocks.map((m) => ({ args: m[1].replace(/^\$ npx migrate /, '').split(/\s+/), shown: m[2].split('\n') }));
}

const NOTICE = /^(⚠|✖) (\S+ shuts down on \d{4}-\d\d-\d\d \(in \d+ days?\)|\S+ was shut down by OpenAI on|The provider catalogue was checked on)/;

function normalise(lines: string[]): string[] {
  const out = lines.map((l) => l.split(REPO).join('~/banjia').trimEnd()).filter((l) => !NOTICE.test(l));
  // Dropping the notices leaves two blank lines where they were: one, as when there are none.
  return out.filter((l, i) => !(l === '' && out[i - 1] === ''));
}

/** The printed lines match the shown ones, where each `…` line stands for any lines (none included). */
function expectShown(printed: string[], shown: string[], label: string) {
  const parts: string[][] = [[]];
  for (const line of shown) (line === '…' ? parts.push([]) : parts[parts.length - 1].push(line));
  if (parts.length === 1) {
    expect(printed, label).toEqual(parts[0]);
    return;
  }
  expect(printed.slice(0, parts[0].length), `${label}: the first lines`).toEqual(parts[0]);
  const last = parts[parts.length - 1];
  expect(printed.slice(printed.length - last.length), `${label}: the last lines`).toEqual(last);
  let at = parts[0].length;
  for (const middle of parts.slice(1, -1)) {
    const found = printed.findIndex((_, i) => i >= at && middle.every((l, j) => printed[i + j] === l));
    expect(found, `${label}: ${JSON.stringify(middle[0])} … in order`).toBeGreaterThanOrEqual(0);
    at = found + middle.length;
  }
  expect(at, `${label}: the parts overlap`).toBeLessThanOrEqual(printed.length - last.length);
}

describe("README's walk-through is what the CLI prints", () => {
  const blocks = transcripts(section('Walk-through: a real-shaped project'));

  it('has the summary-first report without and with a provider', () => {
    expect(blocks.map((b) => b.args.join(' '))).toEqual(['scan fixtures/demo-app', 'scan fixtures/demo-app --provider deepseek']);
    for (const block of blocks) {
      // Summary first: right after the header (and the notices, normalised away).
      expect(normalise(block.shown).slice(0, 3)).toEqual([expect.stringMatching(/^banjia scan: ~\/banjia\/fixtures\/demo-app/), '', 'Summary']);
    }
    expect(blocks[1].shown.join('\n')).toMatch(/✖ Cannot move \(\d+ findings?\)/);
    expect(blocks[1].shown.join('\n')).toMatch(/⚠ Needs review \(\d+ findings?\)/);
  });

  for (const block of blocks) {
    it(`npx migrate ${block.args.join(' ')}`, () => {
      const result = runCli(block.args);
      expect(result.stderr).toBe('');
      expectShown(normalise(result.stdout.replace(/\n$/, '').split('\n')), normalise(block.shown), block.args.join(' '));
    });
  }
});
