import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('env', 6);

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';

describe('real env files', () => {
  it('are written only with --include-env-files, even when review-level edits are included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'banjia-env-real-'));
    writeFileSync(path.join(dir, '.env.local'), 'OPENAI_API_KEY=sk-real\n');
    writeFileSync(path.join(dir, '.env.example'), 'OPENAI_API_KEY=\n');
    // The env files get the provider's variables because this client will read them.
    writeFileSync(path.join(dir, 'ai.ts'), "import OpenAI from 'openai';\nexport const ai = new OpenAI();\n");
    const changed = async (options: { includeReview?: boolean; includeEnvFiles?: boolean }) =>
      (await analyze({ path: dir, provider: 'qwen', ...options }, 'apply')).planned.filePlans.map((p) => p.path).sort();
    expect(await changed({ includeReview: true })).toEqual(['.env.example', 'ai.ts']);
    expect(await changed({ includeEnvFiles: true })).toEqual(['.env.example', '.env.local', 'ai.ts']);
  });
});
