/**
 * A usage file's errors in Chinese, for --lang zh. The parser says where (a line, a JSON path) and
 * what; this says the what in Chinese and keeps the where, the file's own values and JSON keys.
 * A message no rule matches stays English (the CLI still says "用量文件有误" before it).
 */
const RULES: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  [/\bline (\d+)(?=[:\s)])/g, '第 $1 行'],
  [/\bdocument (\d+) \(第 (\d+) 行\)/g, '第 $1 个文档（第 $2 行）'],
  [/^cannot read usage file (.+?): /, '无法读取用量文件 $1：'],
  [/^(.+) is not UTF-8 text \(it holds zero bytes; UTF-16 perhaps\)$/, '$1 不是 UTF-8 文本（含有零字节，可能是 UTF-16）'],
  [/the usage file is empty/, '用量文件为空'],
  [/a quoted field is never closed/, '带引号的字段没有闭合'],
  [/unexpected (.+) after a closing quote \(a quote inside a quoted field must be doubled: ""\)/, '闭合引号后出现意外的 $1（带引号字段内的引号须写成两个：""）'],
  [/unknown format: 第 1 行 is not a CSV header \((.*)\); expected the OpenAI Usage API JSON, a dashboard CSV export, or a CSV\/JSON of model,input_tokens,output_tokens/,
    '未知格式：第 1 行不是 CSV 表头（$1）；应为 OpenAI Usage API 的 JSON、控制台导出的 CSV，或含 model,input_tokens,output_tokens 的 CSV/JSON'],
  [/missing model column \(one of: (.+)\); header: (.*)$/, '缺少模型列（可用列名：$1）；表头：$2'],
  [/missing input token column \(one of: (.+)\); header: (.*)$/, '缺少输入 token 列（可用列名：$1）；表头：$2'],
  [/(\d+) fields but the header has (\d+) \(an unquoted comma inside a value\?\)/, '有 $1 个字段，但表头有 $2 个（值中有未加引号的逗号？）'],
  [/(\S+) \((\d+)\) exceeds (\S+) \((\d+)\); input tokens include the cached ones/, '$1（$2）大于 $3（$4）；输入 token 已包含缓存命中的部分'],
  [/(\d+) exceeds (\S+) (\d+); (?:input_tokens|input tokens) include the cached ones/, '$1 大于 $2 $3；输入 token 已包含缓存命中的部分'],
  [/expected a JSON object or array, found (.+)$/, '应为 JSON 对象或数组，实际为 $1'],
  [/the JSON document starting here is not closed \(truncated file\?\)/, '从此处开始的 JSON 文档没有闭合（文件被截断？）'],
  [/invalid JSON: /, 'JSON 无效：'],
  [/the JSON array is empty/, 'JSON 数组为空'],
  [/unknown format: expected Usage API pages \((.+)\) or objects with model, input_tokens and output_tokens/, '未知格式：应为 Usage API 页面（$1）或含 model、input_tokens 和 output_tokens 的对象'],
  [
    /unknown format: a JSON (array|object) that is neither a Usage API page \((.+)\) nor a usage row \(keys: (.*)\)$/,
    (_, kind, page, keys) => `未知格式：该 JSON ${kind === 'array' ? '数组' : '对象'}既不是 Usage API 页面（${page}）也不是用量行（键：${keys}）`,
  ],
  [/expected an array of buckets/, '应为 bucket 数组'],
  [/expected a bucket object/, '应为 bucket 对象'],
  [/expected an array$/, '应为数组'],
  [/expected a result object/, '应为 result 对象'],
  [/expected a string or null/, '应为字符串或 null'],
  [/expected an object with model, input_tokens and output_tokens/, '应为含 model、input_tokens 和 output_tokens 的对象'],
  [/missing model \(one of: (.+)\)/, '缺少模型（可用键名：$1）'],
  [/missing input_tokens \(one of: (.+)\)/, '缺少 input_tokens（可用键名：$1）'],
  [/expected a string, got (.+)$/, '应为字符串，实际为 $1'],
  [/: missing$/, '：缺失'],
  [/(\S+) is not a finite number/, '$1 不是有限数'],
  [/(\S+) is not a number/, '$1 不是数字'],
  [/(\S+) is negative/, '$1 是负数'],
  [/(\S+) is neither unix seconds nor an ISO date\/time/, '$1 既不是 Unix 秒数也不是 ISO 日期时间'],
  [/(\S+) is not a time/, '$1 不是时间'],
];

export function usageErrorZh(message: string): string {
  return RULES.reduce((out, [pattern, replacement]) => (typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement)), message);
}

/** The hint the reader gets with "not UTF-8". */
export function usageHintZh(hint: string | undefined): string | undefined {
  return hint === 'save it as CSV UTF-8 or JSON' ? '请另存为 CSV UTF-8 或 JSON' : hint;
}
