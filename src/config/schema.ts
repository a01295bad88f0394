/**
 * The config file (`migrate.config.{json,js,mjs,cjs,ts}` or a `migrate` key in package.json).
 * Every key is optional; command-line flags win over the file.
 */
import { z } from 'zod';
import { OPENAI_TIERS } from '../catalogue/schema.js';

const Url = z.url({ protocol: /^https?$/ });

/** A user's own price for a model: per 1M tokens. */
export const PriceOverride = z
  .object({
    input: z.number().nonnegative(),
    output: z.number().nonnegative(),
    cachedInput: z.number().nonnegative().nullable().optional(),
    currency: z.enum(['CNY', 'USD']).optional(),
    /** When you read the price (older spelling: asOf). */
    checkedOn: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
    asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
    /** When the price took effect. */
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
    source: z.string().optional(),
  })
  .strict();

export const ProviderOverride = z
  .object({
    /** The region used when --region is not given. */
    region: z.string().optional(),
    /** A different endpoint for the chosen region (a company proxy in front of the provider). */
    baseURL: Url.optional(),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    baseUrlEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    /** Keys are OpenAI model ids or OpenAI tiers (flagship, balanced, …); values the provider's ids or 'none'. */
    modelMap: z.record(z.string(), z.string()).optional(),
    /** Prices per model id of this provider. */
    prices: z.record(z.string(), PriceOverride).optional(),
  })
  .strict();

export const CustomProvider = z
  .object({
    baseURL: Url,
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    name: z.string().optional(),
    modelMap: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const Config = z
  .object({
    provider: z.string().optional(),
    region: z.string().optional(),
    modelMap: z.record(z.string(), z.string()).optional(),
    typeCheck: z.boolean().optional(),
    failOn: z.enum(['error', 'warning', 'info', 'none']).optional(),
    /** gitignore-style patterns of files to leave out, on top of .gitignore and .migrateignore. */
    ignore: z.array(z.string()).optional(),
    /** Let apply write real secret env files (.env, .env.local). */
    includeEnvFiles: z.boolean().optional(),
    /** CNY per USD for conversions. */
    fx: z.number().positive().optional(),
    callsPerMonth: z.number().int().positive().optional(),
    /** A LiteLLM model_prices_and_context_window.json to take prices from (path relative to the config). */
    litellmPrices: z.string().optional(),
    providers: z.record(z.string(), ProviderOverride).optional(),
    custom: CustomProvider.optional(),
  })
  .strict();

export type Config = z.infer<typeof Config>;
export type ProviderOverride = z.infer<typeof ProviderOverride>;

export const TIER_KEYS = new Set<string>(OPENAI_TIERS);
