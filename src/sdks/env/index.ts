/**
 * SDK module `env`: OpenAI configuration outside the calls — env reads in code (any name that feeds
 * a client, as the other modules report), dotenv files (`.env`, `.env.example`, `.env.*`) and
 * docker-compose `environment:` blocks. Adds the provider's variables next to OpenAI's in example
 * files and compose files; never writes a real secret file without --include-env-files.
 * Upstream: https://github.com/motdotla/dotenv, https://docs.docker.com/compose/
 */
import { MARKERS } from '../markers.js';
import type { SdkModule } from '../types.js';
import { detectEnvReads, detectEnvText, detectFeeds, SDK, type EnvDetection } from './detect.js';
import { planEnv } from './rewrite.js';

export const envSdk: SdkModule = {
  id: SDK,
  title: 'Environment variables and config files',
  docs: 'https://github.com/openai/openai-node#usage',
  markers: MARKERS.env,
  detect: (unit, context) => detectEnvReads(unit, context.evaluator),
  detectText: (file, context) => detectEnvText(file, context),
  finish: (context) => detectFeeds([...context.envFeeds]),
  plan: (detection, context) => planEnv(detection as EnvDetection, context),
};
