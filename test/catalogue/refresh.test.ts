import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalogue/index.js';
import { compareWithUpstream, readModelBank, renderProposals } from '../../src/catalogue/refresh.js';
import { FIXTURES } from '../helpers/fixtures.js';

// A hand-written fixture in model-bank's shape; nothing is downloaded.
const FIXTURE = path.join(FIXTURES, 'catalogue', 'model-bank');

describe('catalogue:refresh on a fixture of the upstream format', () => {
  it('reads chat cards with context, output, prices (first band of a banded price) and skips other types', async () => {
    const { version, models } = await readModelBank(FIXTURE);
    expect(version).toBe('0.0.0-fixture');
    expect(models.map((m) => `${m.provider}/${m.id}`)).toEqual(['deepseek/deepseek-v4-pro', 'deepseek/deepseek-flash', 'deepseek/deepseek-v5-preview', 'zhipu/glm-5.3', 'zhipu/glm-4.6v']);
    expect(models.find((m) => m.id === 'glm-4.6v')).toMatchObject({ input: 1, output: 3, banded: true });
    expect(models.find((m) => m.id === 'deepseek-v4-pro')).toMatchObject({ contextWindow: 1048576, maxOutput: 393216, input: 4.5, output: 13.5, cachedInput: 0.15 });
  });

  it('proposes, never applies: the provider page wins, aggregator facts are flagged, new and absent models are listed', async () => {
    const providers = listProviders();
    const before = JSON.stringify(providers);
    const { models } = await readModelBank(FIXTURE);
    const proposals = compareWithUpstream(providers, models);
    // DeepSeek's own page says 1 / 4; the fixture's 1.5 / 4.5 is kept out.
    expect(proposals.filter((p) => p.model === 'deepseek-flash').map((p) => [p.kind, p.field, p.ours, p.upstream])).toEqual([
      ['kept', 'input', 1, 1.5],
      ['kept', 'output', 4, 4.5],
    ]);
    // glm-5.3's price cites model-bank: a changed upstream price is proposed for review.
    expect(proposals.find((p) => p.model === 'glm-5.3')).toMatchObject({ kind: 'changed', field: 'input', ours: 8, upstream: 6 });
    expect(proposals.find((p) => p.model === 'deepseek-v5-preview')).toMatchObject({ kind: 'new', provider: 'deepseek' });
    expect(proposals.some((p) => p.kind === 'absent' && p.model === 'glm-5.2')).toBe(true);
    // Identical facts (deepseek-v4-pro, glm-4.6v's first band) produce nothing; the retired ids are not "absent".
    expect(proposals.some((p) => p.model === 'deepseek-v4-pro' || p.model === 'glm-4.6v' || p.model === 'deepseek-chat')).toBe(false);
    expect(JSON.stringify(listProviders())).toBe(before);
    const report = renderProposals(proposals, 'model-bank@0.0.0-fixture');
    expect(report).toMatch(/^# Catalogue refresh against model-bank@0\.0\.0-fixture\n\n1 changed upstream, 2 kept \(provider page wins\), 1 new upstream, 13 absent upstream\./);
  });
});
