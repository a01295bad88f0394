import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('langchain', 16);

import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';

describe('langchain advice', () => {
  it('tells a key kept under the project’s own variable what to hold, and nothing about a variable the code never reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-lc-key-'));
    cpSync(path.resolve(__dirname, '../../fixtures/langchain/spread-base'), dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      if (file.includes('.output.')) rmSync(path.join(dir, file));
      else renameSync(path.join(dir, file), path.join(dir, file.replace('.input.', '.')));
    }
    const { planned } = await analyze({ path: dir, provider: 'qwen' }, 'scan');
    const clients = planned.findings.filter((f) => f.sdk === 'langchain' && f.kind === 'client');
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) {
      expect(client.action).toContain('LLM_API_KEY');
      expect(client.action).not.toContain('DASHSCOPE_API_KEY');
    }
  });
});
