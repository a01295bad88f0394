/**
 * Whether the migrated code reads an environment variable, asked before an example env file gets
 * (or keeps) a line for it: dotenv-safe requires every variable the example lists.
 *
 * A name spelled anywhere in code counts as read — a guess that keeps lines rather than lose them —
 * except a name that is only an alias: t3-env and similar schemas map their own key to a variable
 * (`runtimeEnv: { OPENAI_API_KEY: process.env.DASHSCOPE_API_KEY }`). Once that mapping reads another
 * variable, the key is read from the environment only where the code reads it from there directly.
 */
const ENV_OBJECT = String.raw`(?:process\.env|import\.meta\.env|Bun\.env)`;

export function variableReader(codeTexts: string[]): (name: string) => boolean {
  return (name) => {
    const spelled = new RegExp(`\\b${name}\\b`);
    const texts = codeTexts.filter((text) => spelled.test(text));
    if (!texts.length) return false;
    const mappedElsewhere = new RegExp(`\\b${name}['"]?\\s*:\\s*${ENV_OBJECT}(?:\\.|\\[\\s*['"\`])(?!${name}\\b)[A-Z_][A-Z0-9_]*`);
    if (!texts.some((text) => mappedElsewhere.test(text))) return true;
    const direct = new RegExp(
      [
        `${ENV_OBJECT}\\.${name}\\b`,
        `${ENV_OBJECT}\\[\\s*['"\`]${name}['"\`]\\s*\\]`,
        `Deno\\.env\\.get\\(\\s*['"\`]${name}['"\`]`,
        // const { NAME } = process.env
        `\\{[^{}]*\\b${name}\\b[^{}]*\\}\\s*=\\s*${ENV_OBJECT}\\b`,
      ].join('|'),
    );
    return texts.some((text) => direct.test(text));
  };
}
