/**
 * The dialect rules speak Chinese under `--lang zh`: every rule has its text in Chinese, and a
 * finding that carries a rule shows that text, not the English one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/commands/analyze.js';
import { DIALECT_RULES } from '../../src/dialects/rules.js';
import { RULES_ZH } from '../../src/dialects/rules-zh.js';

const HAN = /[\u4e00-\u9fff]/;

describe('dialect rules in Chinese', () => {
  it('every rule has a Chinese text for what breaks and for the fix, and no entry names a rule that does not exist', () => {
    const ids = DIALECT_RULES.map((r) => r.id);
    const missing = ids.filter((id) => !RULES_ZH[id] || !HAN.test(RULES_ZH[id].breaks) || !HAN.test(RULES_ZH[id].fix));
    expect(missing).toEqual([]);
    expect(Object.keys(RULES_ZH).filter((id) => !ids.includes(id))).toEqual([]);
    const caveats = DIALECT_RULES.filter((r) => r.unverified && !HAN.test(RULES_ZH[r.id]?.unverified ?? '')).map((r) => r.id);
    expect(caveats).toEqual([]);
  });

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'banjia-dialects-zh-'));
    writeFileSync(
      path.join(dir, 'calls.ts'),
      `import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const r = c.chat.completions.create({ model: 'gpt-4o', messages: [], n: 2 });\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a finding carrying a rule has the rule's Chinese text in its zh reason", async () => {
    const { planned } = await analyze({ path: dir, provider: 'deepseek' }, 'scan');
    const call = planned.findings.find((f) => f.kind === 'call' && f.line === 3)!;
    expect(call.reason).toContain('dialect rule deepseek-n');
    expect(call.zh?.reason).toContain(RULES_ZH['deepseek-n']!.breaks);
    expect(call.zh?.reason).toContain('方言规则 deepseek-n');
    expect(call.zh?.reason).not.toContain(DIALECT_RULES.find((r) => r.id === 'deepseek-n')!.breaks);
  });
});
