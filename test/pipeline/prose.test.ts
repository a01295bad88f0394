import { describe, expect, it } from 'vitest';
import { codeText, mentionsOnlyInProse } from '../../src/pipeline/prose.js';
import { ALL_MARKERS } from '../../src/sdks/markers.js';
import { detectProject } from '../helpers/detect.js';

const onlyProse = (file: string, text: string) => mentionsOnlyInProse(file, text, ALL_MARKERS);

describe('files that name OpenAI only in prose', () => {
  it('blanks comments, prose strings and object keys, keeping code and bare identifiers', () => {
    const text = `// uses OpenAI\nconst t = { azure_openai: "Your OpenAI key", id: 'openai' };\n`;
    const code = codeText(text)!;
    expect(code).toHaveLength(text.length);
    expect(code).not.toMatch(/OpenAI|azure_openai/);
    expect(code).toContain(`'openai'`);
  });

  it('treats a translation table as prose, and any code use as code', () => {
    const table = `export default {\n  providers: {\n    azure_openai: { title: "OpenAI (Azure) API key" },\n    openai: { hint: "Get an OpenAI key" },\n  },\n};\n`;
    expect(onlyProse('locales/en/common.js', table)).toBe(true);
    for (const code of [
      `import OpenAI from 'openai';\nconst hint = "Get an OpenAI key";\n`,
      `const url = "https://api.openai.com/v1/chat/completions";\n`,
      `const key = process.env.OPENAI_API_KEY;\n`,
      `const model = 'gpt-4o';\n`,
      `const client = cond ? azure : openai;\n`,
      `export const env = createEnv({ server: { OPENAI_API_KEY: z.string() } });\n`,
      `await client.chat.completions.create({ messages: [] });\n`,
    ]) {
      expect(onlyProse('a.ts', code), code).toBe(false);
    }
  });

  it('keeps the file when the scanner could be misled', () => {
    // A regular expression holding a quote, then code: the quote must not open a "string".
    expect(onlyProse('a.ts', `const re = /'/; const c = new OpenAI({ apiKey: 'k' }); const s = "x y";\n`)).toBe(false);
    // JSX text with an apostrophe is an unterminated string to the plain scanner: unsure, so kept.
    expect(onlyProse('a.js', `const A = () => <p>Don't use OpenAI</p>;\n`)).toBe(false);
    expect(onlyProse('a.tsx', `const A = () => <p>Use OpenAI</p>;\n`)).toBe(false);
    // Templates are never blanked.
    expect(onlyProse('a.ts', 'const s = `Use OpenAI ${name}`;\n')).toBe(false);
    // A JSDoc type in JavaScript is a type annotation.
    expect(onlyProse('a.js', `/** @param {import("openai").OpenAI} client */\nfunction f(client) {}\n`)).toBe(false);
    expect(onlyProse('a.ts', `/** Talks to OpenAI. */\nfunction f() {}\n`)).toBe(true);
  });

  it('still reports the mentions of a prose-only file, as mentions', () => {
    const result = detectProject(
      {
        'locales/en.js': `export default { title: "Use gpt-4o from OpenAI" };\n`,
        'src/chat.ts': `import OpenAI from 'openai';\nexport const c = new OpenAI();\n`,
      },
      { sweep: true },
    );
    const locale = [...result.kinds].filter(([site]) => site.includes(' locales/en.js:'));
    expect(locale.map(([, kind]) => kind)).toEqual(['mention']);
    expect(result.sites.some((s) => s.file === 'src/chat.ts' && s.ruleId.startsWith('openai/'))).toBe(true);
  });
});
