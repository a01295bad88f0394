import { describe, expect, it } from 'vitest';
import { compareSites, detectProject, type ExpectedSite } from '../helpers/detect.js';

const env = (ruleId: string, line: number, column: number, file?: string): ExpectedSite => ({ ruleId, line, column, ...(file ? { file } : {}) });
const onlyEnv = <T extends { ruleId: string }>(sites: T[]) => sites.filter((s) => s.ruleId.startsWith('env/'));

describe('env detection', () => {
  it('finds OpenAI env reads in every spelling, and names that feed a client', () => {
    const { sites } = detectProject({
      'a.ts': `import OpenAI from 'openai';
const k = process.env.OPENAI_API_KEY;
const b = process.env['OPENAI_BASE_URL'];
const v = import.meta.env.VITE_OPENAI_API_KEY;
const { OPENAI_MODEL } = process.env;
const d = Deno.env.get('AZURE_OPENAI_ENDPOINT');
const custom = process.env.LLM_KEY;
new OpenAI({ apiKey: custom });
const port = process.env.PORT;
`,
    });
    expect(compareSites(onlyEnv(sites), [env('env/read', 2, 11), env('env/read', 3, 11), env('env/read', 4, 11), env('env/read', 5, 9), env('env/read', 6, 11), env('env/read', 7, 16)], 'a.ts')).toEqual({
      missing: [],
      noisy: [],
    });
  });

  it('reads dotenv and docker-compose files line by line', () => {
    const { sites } = detectProject({
      '.env.example': 'PORT=1\nOPENAI_API_KEY=sk-x\n# OPENAI_ORG_ID=commented out\nexport OPENAI_BASE_URL=https://api.openai.com/v1\n',
      'docker-compose.yml': 'services:\n  web:\n    environment:\n      - OPENAI_API_KEY=${OPENAI_API_KEY}\n      - PORT=80\n  worker:\n    environment:\n      OPENAI_MODEL: gpt-4o\n',
    });
    expect(
      compareSites(
        onlyEnv(sites),
        [env('env/envFile', 2, 1, '.env.example'), env('env/envFile', 4, 1, '.env.example'), env('env/compose', 4, 7, 'docker-compose.yml'), env('env/compose', 8, 7, 'docker-compose.yml')],
        '.env.example',
      ),
    ).toEqual({ missing: [], noisy: [] });
  });

  it('negative: other variables, text that mentions the name, a local `process`', () => {
    const { sites } = detectProject({
      'a.ts': `const doc = 'process.env.OPENAI_API_KEY';
// process.env.OPENAI_API_KEY
function f(process: { env: Record<string, string> }) { return process.env.OPENAI_API_KEY; }
export const x = [doc, f, process.env.ANTHROPIC_API_KEY];
`,
    });
    expect(onlyEnv(sites)).toEqual([]);
  });
});

describe('env variable roles', () => {
  it('tells a network proxy from an endpoint', async () => {
    const { roleOf } = await import('../../src/sdks/env/detect.js');
    expect(roleOf('OPENAI_PROXY')).toBe('proxy');
    expect(roleOf('OPENAI_PROXY_URL')).toBe('proxy');
    expect(roleOf('OPENAI_API_HOST')).toBe('baseURL');
    expect(roleOf('OPENAI_BASE_URL')).toBe('baseURL');
    expect(roleOf('OPENAI_API_KEY')).toBe('key');
  });
});
