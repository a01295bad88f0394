/**
 * The dialect rules' text in Chinese, by rule id: what breaks and the fix, as `--lang zh` shows
 * them. Quoted server messages stay as the provider sends them. Kept beside rules.ts rather than in
 * it so that the facts (conditions, evidence) read in one place; a test requires one entry per rule.
 */
import { t, type Localized } from '../core/text.js';
import type { DialectRule } from './types.js';

export const RULES_ZH: Record<string, { breaks: string; fix: string; unverified?: string }> = {
  'deepseek-max-tokens': {
    breaks: 'DeepSeek 会静默忽略 max_completion_tokens：输出上限不生效，按服务端默认值生成。',
    fix: '用 max_tokens 传输出上限（DeepSeek 只文档化了 max_tokens）。',
  },
  'qwen-max-completion-tokens': {
    breaks:
      '百炼（Model Studio）自 2026-04-20 起以 max_completion_tokens 作为输出上限参数，并宣布 max_tokens 于 2026-05-30 前弃用；qwen4-max-preview 之前的模型上，max_tokens 可能只限制回答，不含思考内容。',
    fix: '用 max_completion_tokens 传输出上限。',
  },
  'zhipu-max-tokens': {
    breaks: 'GLM 只接受 max_tokens；max_completion_tokens 不是 GLM 的参数。',
    fix: '用 max_tokens 传输出上限。',
  },
  'deepseek-developer-role': {
    breaks: 'DeepSeek 拒绝 developer 角色："messages[0].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`"（HTTP 400）。',
    fix: "把该消息的 role 改为 'system'。",
  },
  'doubao-developer-role': {
    breaks: '有报告称方舟（豆包）拒绝 developer 角色（issue 15）；其 OpenAI 兼容的对话接口只文档化了 system、user、assistant 和 tool 消息。',
    fix: "把该消息的 role 改为 'system'。",
    unverified: '未找到方舟拒绝 developer 角色的实际报错；本规则依据 issue 15 及方舟文档中列出的角色。',
  },
  'hunyuan-message-order': {
    breaks:
      '混元要求严格的轮次顺序："messages 中 user（tool） 和 assistant 角色需交替出现 (一问一答)，以 user 提问开始， user（tool）提问结束, tool 可以连续出现多次"（HTTP 400，code 1001）；system 可选，且只能是第一条。OpenAI 接受连续两条 user 或两条 assistant 消息、以 assistant 开场白开头的历史，以及对话中间的 system 消息。',
    fix: '把连续的 user（或 assistant）消息合并为一条；历史以 user 消息开头（去掉或并入 assistant 开场白），以 user 轮次结尾；把后续的 system 消息并入第一条。',
    unverified:
      'OpenAI 兼容接口上捕获到的报错只说明了交替、以 user 开始、以 user 或 tool 结束；后续 system 消息是否在该接口被拒，以及 tool 消息之后能否直接跟 user 消息，仅依据原生 API 文档（后者不报告）。',
  },
  'qwen-system-first': {
    breaks:
      '对 Qwen 3.6 及之后的模型，百炼拒绝不在第一条的 system 消息："InternalError.Algo.InvalidParameter: The provided messages input is invalid. The error info is [System message must be at the beginning.]"（HTTP 400）。OpenAI 接受多条 system 消息，也接受对话中间的 system 消息。',
    fix: '只发送一条 system 消息并放在第一条：把各段 system 文本合并进去；对话中途追加的指令可改为 user 消息发送。',
    unverified:
      '百炼上的报错未给出所发送的消息列表，且只涉及 qwen3.6-plus；开头连续两条 system 消息也会被拒、以及百炼上的 Qwen 3.7 和 3.8 行为相同，依据的是 Qwen 3.6–3.8 的对话模板（报错文字相同）和对一个非阿里云 Qwen3.8 端点的实测。较早的模型接受开头的两条 system 消息（qwen-long，langchain#30192）。',
  },
  'minimax-think-in-content': {
    breaks:
      'MiniMax M2.x 模型总会思考，且除非请求带 reasoning_split: true，思考内容以 <think>…</think> 形式出现在 message.content 中；展示或解析 content 的代码会拿到思考内容，工具调用循环必须原样回传该 content。',
    fix: '发送 reasoning_split: true（思考内容改由 reasoning_details 返回），或在展示、解析 content 前去掉 <think>…</think>，并在历史中保留原文。',
  },
  'qwen-thinking-stream-only': {
    breaks:
      '百炼只以流式输出回答思考中的 Qwen 模型：未设置 stream: true 时，仅思考模型被拒（"This model only support stream mode, please enable the stream parameter to access the model."），开启 enable_thinking: true 的混合思考模型同样被拒（"parameter.enable_thinking must be set to false for non-streaming calls"），均为 HTTP 400 invalid_parameter_error。OpenAI 可非流式回答同一调用。',
    fix: '设置 stream: true 并拼接分块（先 reasoning_content，后 content）；混合思考模型也可设置 enable_thinking: false；仅思考模型也可映射到无需思考即可回答的模型。',
    unverified:
      '两条报错均为 2025 年捕获（qwq-plus、Qwen3 模型）；Qwen 3.7、3.8 是否返回相同文本未经捕获。阿里云“深度思考”页面（2026）称多数深度思考模型仅支持流式输出，而 Qwen Cloud 常见问题称多数 Qwen3 模型两种方式均可，并只点名 QwQ 与 QVQ 仅支持流式。目录中 qwen3.8-max 为仅思考模型的说法来自第三方托管平台，且阿里云有页面以 enable_thinking 调用 qwen3.8-max（混合思考）：若其为混合思考模型，则只有未设 stream 且 enable_thinking: true 的请求会被拒。Qwen Cloud 思考指南称 Qwen3.5 默认开启思考；目录未记录各模型的默认值，因此混合思考模型仅在请求开启时视为思考。',
  },
  'deepseek-reasoning-content-roundtrip': {
    breaks:
      '思考模式下，DeepSeek 要求回传每条带 tool_calls 的 assistant 消息的 reasoning_content："Missing `reasoning_content` field in the assistant message" / "The `reasoning_content` in the thinking mode must be passed back to the API"（HTTP 400）。按 OpenAI 类型推入 choice.message，或用 content 与 tool_calls 重建 assistant 消息的工具循环，会丢掉该字段。',
    fix: '在工具循环的 assistant 消息上保留 reasoning_content（原样推入收到的消息对象，或复制该字段）；未返回时可传空字符串。',
  },
  'moonshot-reasoning-content-roundtrip': {
    breaks: 'Kimi 思考模型会拒绝 assistant 工具调用消息缺少 reasoning_content 的历史："thinking is enabled but reasoning_content is missing in assistant tool call message at index N"（HTTP 400）。',
    fix: '在历史中每条 assistant 工具调用消息上保留 reasoning_content（原样推入收到的消息对象）。',
  },
  'moonshot-reasoning-content-empty': {
    breaks:
      'Kimi K2.5 与 K2.6 把 assistant 工具调用消息上空字符串的 reasoning_content 当作缺失："thinking is enabled but reasoning_content is missing in assistant tool call message at index N"（HTTP 400）。DeepSeek 接受 ""，为 DeepSeek 编写的工具循环（或网关）常用 "" 补上缺失字段。',
    fix: "回传模型返回的 reasoning_content；没有时发送非空占位（单个空格已验证可用），或对该请求关闭思考（thinking: { type: 'disabled' }）。",
    unverified: '报告只覆盖 kimi-k2.5 与 kimi-k2.6；之后的 K2.x 模型按同一系列匹配，Kimi K3（未经测试）不匹配。没有 Moonshot 页面说明此规则。占位 " " 是某网关实测可用的做法（2026-04）。',
  },
  'deepseek-json-schema': {
    breaks:
      'DeepSeek 拒绝 response_format 为 json_schema（"This response_format type is unavailable now"，HTTP 400），只支持 JSON Output（json_object）。chat.completions.parse() 与 zodResponseFormat() 发送的是 json_schema；改为 json_object 后 .parse() 返回的 message.parsed 为 null（SDK 只解析 json_schema 的回答）。',
    fix:
      "发送 response_format: { type: 'json_object' }，并把 schema 放进一条含“json”一词的 system 消息（DeepSeek 要求提示中出现该词，并给出期望的 JSON 格式）：对 chat.completions.create 的字面量请求，banjia 会做这一修改（apply --include-review），格式为 zodResponseFormat(Schema, name) 时亦然，并把代码中对 content 的 JSON.parse 包进 Schema.parse。DeepSeek 不会按 schema 约束输出：对 content 做 JSON.parse 后校验解析出的对象（zod 的 schema.parse）；把 max_tokens 设得足够大以免 JSON 被截断，并把空白的 content 视为失败。.parse() 调用、流式请求或带展开运算的请求需手动迁移：改用 .create()，在原先读取 message.parsed 的地方解析 content。",
  },
  'deepseek-json-object-word': {
    breaks:
      "没有任何消息含“json”一词时，DeepSeek 拒绝 JSON Output：\"Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.\"（HTTP 400，invalid_request_error）。",
    fix: '在 system 或 user 提示中写出“json”，并给出期望的 JSON 样例（DeepSeek 的 JSON Output 指南要求这两点）。',
    unverified:
      '是否区分大小写、哪些角色的消息算数，文档均未说明：指南只说 system 或 user prompt，trading-gpt#77 的修复写的是大写的 "JSON"。banjia 在任何消息中不区分大小写地查找该词，只有所有消息文本都没有该词时才报告。',
  },
  'qwen-tool-choice-thinking': {
    breaks: '思考模式下，Qwen 拒绝 tool_choice 为 "required" 或指定工具："The tool_choice parameter does not support being set to required or object in thinking mode"（HTTP 400）。',
    fix: "思考时发送 tool_choice 'auto'，或在需要强制调用的请求中关闭思考（enable_thinking: false）。",
  },
  'deepseek-tool-choice-thinking': {
    breaks: 'DeepSeek V4 模型默认思考，思考时拒绝强制的 tool_choice："Thinking mode does not support this tool_choice"（HTTP 400）；只接受 auto 和 none。',
    fix: "发送 tool_choice 'auto'，或在需要强制调用的请求中关闭思考（thinking: { type: 'disabled' }）。",
  },
  'moonshot-tool-choice-thinking': {
    breaks: "Kimi K2.5 及以上模型默认思考，思考时拒绝 tool_choice 'required' 或指定工具（\"tool_choice 'required' is incompatible with thinking enabled\"，HTTP 400）。",
    fix: "发送 tool_choice 'auto'，或在需要强制调用的请求中关闭思考（thinking: { type: 'disabled' }）。",
  },
  'qwen-reasoning-effort': {
    breaks:
      "百炼 OpenAI 兼容的 chat completions 用 enable_thinking（配合 thinking_budget）作为非标准字段开关思考；OpenAI 的 reasoning_effort 不是控制 Qwen 思考深度的参数（Responses API 才用 reasoning.effort）。o 系列调用里的 reasoning_effort: 'low' 不会让映射后的 Qwen 模型少思考。",
    fix: "改为在请求中附加 enable_thinking（'none'/'minimal' 对应 false，其余为 true；思考中的 Qwen 模型须流式调用）和表示深度的 thinking_budget，而不是 reasoning_effort。",
    unverified: '百炼在 chat completions 上是忽略 reasoning_effort 还是返回 400：文档只写了 enable_thinking 和 thinking_budget。模拟器会正常应答这类请求（没有证据表明会被拒绝）。',
  },
  'deepseek-strict-tools-beta': {
    breaks: 'DeepSeek 只在 beta 的 strict 模式（https://api.deepseek.com/beta）下按函数工具的 JSON schema（strict: true）约束参数；在 banjia 写入的基础地址上，工具参数不保证符合 schema。',
    fix: '把此客户端指向 https://api.deepseek.com/beta 以保留 strict schema（此时请求中每个函数都须设置 strict: true，且 schema 在 DeepSeek 支持的范围内），或在使用前用 zod 校验工具参数。',
    unverified: '非 beta 地址如何处理 strict: true（忽略还是返回 400）没有文档说明；本规则按“不生效”处理。',
  },
  'deepseek-parallel-tool-calls': {
    breaks:
      'DeepSeek 的对话接口没有文档化 parallel_tool_calls，也没有参数能阻止模型在一轮中调用多个工具：在 OpenAI 上保证至多一次工具调用的 parallel_tool_calls: false 不生效，只处理 tool_calls[0] 的循环会丢掉其余调用。',
    fix: '处理 tool_calls 中的每一项（在下一次请求前为每个调用回一条 tool 消息），或在提示词中要求每轮只调用一个工具并检查数量。',
    unverified:
      '没有捕获到 DeepSeek 对 parallel_tool_calls: false 的实际处理（issue 15 称其被忽略）；本规则依据 API 文档未列出该参数，以及 DeepSeek 接受并忽略另一个未文档化字段（max_completion_tokens，earendil-works/pi#8018），推断其被接受并忽略。',
  },
  'zhipu-tool-choice-auto': {
    breaks: 'GLM 只接受 tool_choice "auto"；强制或指定工具不会生效，模型可能不调用工具就直接回答。',
    fix: "发送 tool_choice 'auto' 并在提示中要求调用该工具，或检查返回中确有工具调用。",
  },
  'deepseek-n': {
    breaks: 'DeepSeek API 只返回一个 choice；n > 1 会报错。',
    fix: '改为发起 n 次独立请求（可并行），再汇总各自的 choice。',
  },
  'zhipu-top-p-range': {
    breaks:
      'GLM 的 top_p 取值为开区间 (0, 1)：0 和 1 会被拒绝（"[1214][top_p参数非法。请检查文档。]"，HTTP 400）。OpenAI 的范围是 [0, 1]，其默认值 top_p: 1 常被写在代码和客户端预设中。',
    fix: '去掉 top_p（GLM 使用自身默认值），或发送 (0, 1) 内的值：1 改为 0.99，0 改为 0.01。',
    unverified:
      '已捕获的 400 报错来自 2024 年（glm-4、glm-4v）；glm-5 的开区间依据 dify 附带的参数说明（2026，沿用智谱原文）。未找到 GLM-4.5 及以后版本的实际报错，且有转售方页面把 GLM-5.2 的 top_p 写作 0.01–1。',
  },
  'zhipu-temperature-range': {
    breaks: 'GLM 的 temperature 范围是 [0, 1]，OpenAI 的是 [0, 2]：大于 1 的值越界。',
    fix: '把 OpenAI 的取值减半（LobeChat 即把 0–2 归一到 0–1），或截断为 1。',
    unverified: '0 是否可用：dify 附带的 glm-5 参数说明（2026）写作 (0, 1]，不能为 0；上面的来源写作 [0, 1]。在捕获到实际拒绝之前，temperature 0 不报告。',
  },
  'moonshot-temperature-pinned': {
    breaks: 'Kimi K2.5+ 与 K3 思考模型只接受 temperature 1（"invalid temperature: only 1 is allowed for this model"）。',
    fix: '对这些模型发送 temperature 1（或不传）。',
  },
  'responses-hosted-tools': {
    breaks:
      'OpenAI 的托管工具在 OpenAI 一侧运行（其搜索索引、以 OpenAI id 指定的向量库、沙箱、MCP 连接）。服务商的 Responses（或 Assistants）接口会忽略未列出的工具，或以其他名称和参数提供自有工具，因此调用不再做原来的事。',
    fix: '改为自行执行该工具（作为 function 工具），或在阅读服务商文档后改用其内置工具（Qwen 文档化了自己的联网搜索与代码解释器）。',
  },
  'qwen-responses-instructions': {
    breaks: '百炼的 Responses API 不支持 instructions，并忽略未列出的参数：system 提示会被丢弃。',
    fix: "把 instructions 作为 input 的第一项发送：{ role: 'system', content: instructions }。",
  },
  'qwen-responses-background': {
    breaks: '百炼的 Responses API 只支持同步调用：不支持 background，之后没有可轮询的响应。',
    fix: '直接等待响应（或流式接收），不要轮询后台响应。',
  },
  'responses-unavailable': {
    breaks:
      '该服务商的 OpenAI 兼容接口只文档化了 chat completions，没有 Responses API（讯飞星火只覆盖 chat completions；Moonshot 的兼容列表只有 /v1/chat/completions 和 /v1/files）：POST /responses 在那里会失败或未经证实。',
    fix: '改用 chat.completions.create：input 改为 messages（字符串作为一条 user 消息），instructions 改为开头的 system 消息，max_output_tokens 改为该服务商的输出上限字段；output_text 改读 choices[0].message.content，input_tokens / output_tokens 改读 usage.prompt_tokens / completion_tokens。',
    unverified:
      '对智谱、千帆、混元、百川、零一万物和硅基流动，未找到说明是否提供 POST /responses 的页面（目录中为 unknown）；找到的页面只文档化了 chat completions。这些接口对该请求的实际响应（404 或 Responses 格式）均未捕获到。',
  },
  'stream-include-usage': {
    breaks: '代码从流中读取 usage，却没有请求它：不带 stream_options.include_usage 时，没有任何数据块携带 usage。',
    fix: '加上 stream_options: { include_usage: true }；usage 会在最后一个 choices 为空的数据块中返回。',
  },
  'deepseek-sse-keep-alive': {
    breaks:
      '高负载下请求排队时，DeepSeek 会在流中持续发送 SSE keep-alive 注释（": keep-alive"）；OpenAI SDK 会跳过它们，但手写的解析器若把每个非空行去掉 "data: " 后都交给 JSON.parse，就会解析到注释并抛错（"invalid character \':\' looking for beginning of value"，JavaScript 中为 SyntaxError）。',
    fix: "跳过以 ':' 开头的行（注释）和空行，只解析以 'data:' 开头的行，遇到 data: [DONE] 即结束。",
    unverified: '只有 DeepSeek 文档说明了注释行；其他服务商是否发送未能查明（SSE 格式允许任何流中出现注释，模拟器在每个流的开头都会发送一条）。',
  },
  'dashscope-embedding-batch': {
    breaks: 'DashScope text-embedding-v3/v4 每次请求最多 10 条输入；LangChain 的 OpenAIEmbeddings 默认每次发送 512 条。',
    fix: '在 OpenAIEmbeddings 上设置 batchSize: 10（不带参数构造时也要设置）；其他列表按 10 条分批。',
  },
  'deepseek-image-input': {
    breaks:
      '只有 deepseek-flash 能读图；其他 DeepSeek 模型只接受文本部分，收到图片部分会拒绝："Failed to deserialize the JSON body into the target type: messages[N]: unknown variant `image_url`, expected `text`"（HTTP 400）。',
    fix: '把图片发给 deepseek-flash（见其图像理解指南），或在调用前把图片转成文字（OCR）。',
    unverified: '捕获到的报错都来自 chat completions；Responses 接口对 deepseek-flash 以外的模型拒绝 input_image，是根据指南只列出 deepseek-flash 推断的。',
  },
  'zhipu-image-base64': {
    breaks: 'GLM 的内联图片要求 image_url.url 为纯 base64 字符串；OpenAI 所用的 data:image/…;base64, URL 会被拒绝（"图片输入格式/解析错误"，HTTP 400），去掉前缀后的同一图片则可读取。',
    fix: '只发送逗号之后的 base64（`${b64}` 而非 `data:image/png;base64,${b64}`）；远程 https URL 不变。',
    unverified: '未找到说明该格式的智谱文档页面；本规则依据用户报告（GLM-4V 为 2024 年，glm-5.3-flash 为 2026-08）。',
  },
  'deepseek-402-no-retry': {
    breaks:
      '账户余额用尽时 DeepSeek 返回 402 Insufficient Balance：在充值之前任何重试都不会成功。openai SDK 不会重试它（它重试 408、409、429 和 5xx），但对所有错误都重试的包装会。',
    fix: '把 402 视为终止（告警、充值；GET /user/balance 可查余额），只对 429、500、503 重试；遇到 429 时 DeepSeek 建议放缓请求节奏。',
  },
  'moonshot-429-retry-after': {
    breaks:
      'Moonshot 在触及每分钟或每日限额时返回 429 rate_limit_reached_error（消息会写明是哪个限额："request reached organization TPD rate limit, current: …, limit: …"）；曾观察到每日限额附带 Retry-After: 1152。openai SDK（此处读的是 6.49.0）会等满 Retry-After 再重试，调用可能挂起许多分钟；没有该头时它在 0.5–8 秒后重试，对每日限额来说太早。',
    fix: '给客户端设置超时并自行处理 429：从 error.message 判断触及的限额，每日限额则切换或排队，每分钟限额则退避。',
    unverified: 'issue 15 称 Moonshot 的 429 不带限流头；捕获到的 429 带有 Retry-After，是否发送 x-ratelimit-* 头未能查明。Moonshot 的限额页面（platform.moonshot.cn/docs/pricing/limits）无法访问核对。',
  },
  'doubao-model-id': {
    breaks:
      '方舟的 model 可以是模型 ID（带日期，如 doubao-seed-2-1-pro-260628，须先为账户开通该模型才可调用），也可以是在控制台创建的推理接入点 id（ep-…）；许多团队调用的是接入点，其 id 因账户和地域而异。',
    fix: "从每个部署都会设置的环境变量读取 model（例如 `process.env.ARK_MODEL ?? 'doubao-seed-2-1-pro-260628'`），并在方舟控制台开通该模型或创建接入点。",
    unverified: 'ARK_MODEL 是 banjia 建议的名称；方舟文档没有规定模型的环境变量名。',
  },
  'deepseek-reasoning-effort-off': {
    breaks:
      "DeepSeek 用 thinking: { type: 'enabled' | 'disabled' } 开关思考（默认开启，强度 high），reasoning_effort 只表示思考深度：low、high 或 max（minimal 按 low 处理，medium 与 xhigh 按 high 处理）。OpenAI 的 reasoning_effort 'none'（GPT-5.1 起表示不推理）不在文档为 chat completions 列出的档位中，不是让 DeepSeek 不思考的方式。",
    fix: "用 thinking: { type: 'disabled' }（作为请求的附加字段）代替 reasoning_effort 'none'。",
    unverified:
      "DeepSeek 在 chat completions 上对 reasoning_effort 'none' 的响应未经捕获：指南的映射表未列出它（其 Responses API 中 reasoning.effort 'none' 表示关闭思考）；有客户端报告可接受值为 low、medium、high、max、xhigh，因此它可能被拒（400）、被视为关闭或被忽略。模拟器会作答，并开启思考。指南的强度映射曾有变化（早先：low、medium → high，xhigh → max）。",
  },
  'zhipu-reasoning-effort': {
    breaks:
      "GLM-5.2 之前的 GLM 模型忽略 reasoning_effort：唯一的思考开关是 thinking: { type: 'enabled' | 'disabled' }，因此 reasoning_effort 'none' 或 'minimal' 不会让模型停止思考，'low' 也不会让它少思考。",
    fix: "用 thinking: { type: 'disabled' }（对应 'none'/'minimal'）或 thinking: { type: 'enabled' }（其余取值）作为请求的附加字段，代替 reasoning_effort。",
    unverified:
      "未查阅智谱官方页面：以 GLM-5.2 为界及静默忽略的说法来自引用 docs.z.ai 的客户端代码和发布说明。其中一处称 GLM-4.7 始终思考（不可关闭），而两个托管平台的页面列出 glm-4.7 可关闭思考；在这类模型上 thinking: { type: 'disabled' } 可能不起作用。",
  },
  'doubao-reasoning-effort-thinking-disabled': {
    breaks:
      "方舟的 Seed 模型直接接受 OpenAI 的 reasoning_effort（minimal、low、medium、high；minimal 表示不思考），但与 thinking: { type: 'disabled' } 同时出现且不是 minimal 时会拒绝：\"Invalid combination of reasoning_effort and thinking type: high + disabled\"（HTTP 400）。",
    fix: "只保留一个开关：不思考时用 reasoning_effort 'minimal'（去掉 thinking），或去掉 thinking: { type: 'disabled' } 保留 effort。",
    unverified:
      "只捕获到 high + disabled，且发生在方舟 coding 端点（/api/coding/v3，ark-code-latest）；low、medium 是否同样被拒，以及 /api/v3 是否相同，均为推断。方舟是否接受 OpenAI 的 'none' 与 'xhigh' 因模型而异（有模型接受 none…max，有模型只接受 none/minimal）；未找到省略 reasoning_effort 时方舟采用的档位（其对话 API 文档中 thinking 默认为 { type: 'enabled' }）。",
  },
  'deepseek-cached-tokens': {
    breaks:
      '代码从 usage.prompt_tokens_details.cached_tokens 读取缓存命中数（OpenAI 的位置）。DeepSeek 以 usage.prompt_cache_hit_tokens 返回命中数（未命中为 prompt_cache_miss_tokens，prompt_tokens 为两者之和），且不返回 prompt_tokens_details：读取结果为 undefined，缓存节省显示为 0。',
    fix: '回退到 DeepSeek 的字段：usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens（openai 类型未声明该字段，需要类型断言）。',
  },
  'zhipu-stream-tool-call-index': {
    breaks:
      'GLM-4.5 模型流式返回工具调用时 delta.tool_calls[].index 为 -1，而 OpenAI 依次编号为 0、1、…。以 calls[tc.index] 收集工具调用的解析器会写入名为 "-1" 的属性而不是数组元素，工具调用因此丢失（openai SDK 的 chat.completions.stream() 累加器也按同样方式索引）。',
    fix: '只在 index 大于等于 0 时使用它，否则用该增量在 tool_calls 中的位置（或按 id 匹配到对应调用）：const i = tc.index >= 0 ? tc.index : position。',
    unverified:
      'index 为 -1 的说法仅来自一个客户端的代码注释（LobeChat，2025，“GLM-4.5 系列”）；未找到更新的 GLM 模型（4.6、4.7、5.x）是否相同的资料。完全省略 index 的服务商（Gemini、Grok 的 OpenAI 兼容端点有报告）在 banjia 支持的服务商中未找到。模拟器仅在 GLM-4.5 模型上发送 -1。',
  },
  'deepseek-logprobs-thinking': {
    breaks:
      'DeepSeek 推理模型指南将 logprobs 与 top_logprobs 列为思考时不支持的参数，并说明设置它们会报错（temperature、top_p 则是接受但不生效）。DeepSeek V4 模型除非请求关闭思考都会思考，因此读取 token 对数概率的代码（置信度、分类器）按原样调用会失败。',
    fix: "若需要 logprobs，对该调用关闭思考（thinking: { type: 'disabled' }），否则去掉 logprobs 与 top_logprobs。",
    unverified:
      '该报错记载于 deepseek-reasoner（推理模型指南）；V4 模型在思考模式下同样拒绝 logprobs 是根据 deepseek-reasoner 现即 V4 思考模式推断的，报错文本未经捕获。不思考时 DeepSeek 接受 logprobs，但有报告称 V3.2 只返回 0 与 -9999。Qwen、GLM、Kimi、方舟等其他服务商未找到关于 logprobs 的页面或报告（目录标为未知）：模拟器会正常作答。',
  },
};

/**
 * A fired rule as a finding's message in both languages: what breaks, the fix (after "Fix:" when
 * `labelled`), the caveat of an unverified rule, and the rule id.
 */
export function ruleMessage(rule: DialectRule, labelled = false): Localized {
  const zh = RULES_ZH[rule.id] ?? rule;
  const en = `${rule.breaks} ${labelled ? 'Fix: ' : ''}${rule.fix}${rule.unverified ? ` Unverified: ${rule.unverified}` : ''}`;
  const caveat = rule.unverified ? ` 未证实：${zh.unverified ?? rule.unverified}` : '';
  const cn = `${zh.breaks} ${labelled ? '修改：' : ''}${zh.fix}${caveat}`;
  return t(`${en} (dialect rule ${rule.id})`, `${cn}（方言规则 ${rule.id}）`);
}

/** Several fired rules as one message. */
export function rulesMessage(rules: DialectRule[]): Localized {
  const each = rules.map((rule) => ruleMessage(rule));
  return t(each.map((m) => m.en).join(' '), each.map((m) => m.zh).join(' '));
}
