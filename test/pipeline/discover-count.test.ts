import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/pipeline/discover.js';
import { ALL_MARKERS } from '../../src/sdks/markers.js';
import { REPO } from '../helpers/cli.js';

describe('the summary counts', () => {
  it('never says more files mention OpenAI than were listed (settings files count on both sides)', async () => {
    const result = await discover(path.join(REPO, 'fixtures', 'demo-app'), { markers: ALL_MARKERS });
    expect(result.candidates.some((c) => c.kind === 'config')).toBe(true);
    expect(result.candidates.length).toBeLessThanOrEqual(result.listed);
  });
});
