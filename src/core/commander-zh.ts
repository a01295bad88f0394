/**
 * commander's own usage errors (unknown option, bad choice, missing argument…) in Chinese for
 * --lang zh. The patterns are commander 14's messages; one that does not match stays as it is.
 */
const RULES: Array<[RegExp, string]> = [
  [/^error: unknown option '([^']+)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '([^']+)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '([^']+)'/, "错误：缺少必需的参数 '$1'"],
  [/^error: option '([^']+)' argument missing/, "错误：选项 '$1' 缺少参数值"],
  [/^error: required option '([^']+)' not specified/, "错误：未指定必需的选项 '$1'"],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\./, "错误：选项 '$1' 的参数 '$2' 无效。"],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']+)'\./, "错误：参数 '$2' 的值 '$1' 无效。"],
  [/^error: too many arguments for '([^']+)'\. Expected (\d+) arguments? but got (\d+)\./, "错误：'$1' 的参数过多：应为 $2 个，实际 $3 个。"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多：应为 $1 个，实际 $2 个。'],
  [/^error: (.+) cannot be used with (.+)$/m, '错误：$1 不能与 $2 同时使用'],
  [/ Allowed choices are (.+)\./, '可选值：$1。'],
  [/\(Did you mean one of (.+)\?\)/, '（您是否想用以下之一：$1？）'],
  [/\(Did you mean (.+)\?\)/, '（您是否想用 $1？）'],
];

export function commanderErrorZh(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
