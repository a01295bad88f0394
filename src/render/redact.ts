/**
 * Keys never leave through a report: reports are posted as PR comments and kept as CI artefacts.
 * One function for every format a person or a bot reads (text and its code frames, markdown, json,
 * github, sarif, the diffs they embed); `--format diff` alone keeps the bytes, since it must apply.
 *
 * Redacted: `sk-…` keys (OpenAI, DashScope, DeepSeek, Moonshot…), and the value of any
 * `NAME=value` whose name is or ends in _KEY, _TOKEN, _SECRET or _PASSWORD (env files, shell, code),
 * unless the value only refers to another variable (`$X`, `${X}`, `process.env.X`).
 */
// Not inside a word (`task-sk-…`); but after a JSON escape (`\nsk-…`, `\tsk-…` in a JSON string) it starts a line.
const SK_KEY = /(?<!(?<!\\)[\w-])sk-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_]{16,}/g;

// A comparison (`KEY === ""`) is not an assignment. Quotes may be JSON-escaped (\"), and the value stops before a backslash or an ANSI escape so that
// the JSON string or colours around it survive.
const ASSIGNMENT = /(\b(?:[A-Za-z0-9_]*_)?(?:KEY|TOKEN|SECRET|PASSWORD)[ \t]*=(?!=)[ \t]*(?:\\?["'`])?)(?!\$|process\.env|import\.meta\.env|os\.environ|\*\*\*)([^\s"'`\\\x1b]+)/gm;

export const REDACTED = '***';

export function redactSecrets(text: string): string {
  return text.replace(SK_KEY, `sk-${REDACTED}`).replace(ASSIGNMENT, (_, name: string) => `${name}${REDACTED}`);
}
