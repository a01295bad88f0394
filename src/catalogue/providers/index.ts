/** The explicit, sorted registry of provider data files. Adding a provider = one file + one line. */
import type { ProviderInput } from '../schema.js';
import { baichuan } from './baichuan.js';
import { deepseek } from './deepseek.js';
import { doubao } from './doubao.js';
import { hunyuan } from './hunyuan.js';
import { minimax } from './minimax.js';
import { moonshot } from './moonshot.js';
import { qianfan } from './qianfan.js';
import { qwen } from './qwen.js';
import { siliconflow } from './siliconflow.js';
import { spark } from './spark.js';
import { stepfun } from './stepfun.js';
import { yi } from './yi.js';
import { zhipu } from './zhipu.js';

export const PROVIDER_DATA: ProviderInput[] = [
  baichuan,
  deepseek,
  doubao,
  hunyuan,
  minimax,
  moonshot,
  qianfan,
  qwen,
  siliconflow,
  spark,
  stepfun,
  yi,
  zhipu,
];
