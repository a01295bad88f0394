/**
 * SDK module `http`: raw HTTP requests to the OpenAI API — the global `fetch`, `node-fetch`,
 * `undici`, `axios` (and its instances), `got`, `ky`, `ofetch`, `fetchEventSource` — to
 * `https://api.openai.com/v1/...` URLs written as literals, templates, concatenations, `new URL`,
 * or constants from other files; dev-server proxy targets; the Authorization header's key; the
 * JSON body (model ids, fields the capability lint checks); SSE parsing of streamed responses.
 * Rewrites the origin and `/v1` prefix to the provider's base URL, the key to its env variable,
 * and model ids.
 * Upstream: https://platform.openai.com/docs/api-reference (the REST API these requests call).
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectHttp, finishHttp, SDK, type HttpDetection } from './detect.js';
import { planHttp } from './rewrite.js';

export const httpSdk: SdkModule = {
  id: SDK,
  title: 'Raw HTTP to the OpenAI API (fetch, axios, got, ky, node-fetch, undici)',
  docs: 'https://platform.openai.com/docs/api-reference',
  markers: MARKERS.http,
  detect: (unit, context) => detectHttp(unit, context),
  finish: (context) => finishHttp(context),
  plan: (detection, context) => planHttp(detection as HttpDetection, context),
};
