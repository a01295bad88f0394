import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { catalogueAge, daysBetween, openaiLifecycle, STALE_AFTER_DAYS } from '../../src/catalogue/lifecycle.js';
import { CATALOGUE_CHECKED_ON } from '../../src/catalogue/meta.js';
import { noticeLines } from '../../src/render/notices.js';
import type { Finding } from '../../src/core/types.js';

const plain = new Chalk({ level: 0 });

describe('OpenAI shutdowns', () => {
  it('says shut down, shutting down (with the date and days left), or active', () => {
    expect(openaiLifecycle('gpt-4', '2026-12-06')).toMatchObject({ status: 'shut-down', shutdownOn: '2026-10-23' });
    expect(openaiLifecycle('o3-mini-2025-01-31', '2026-12-06')).toMatchObject({ status: 'shut-down', shutdownOn: '2026-10-23' });
    expect(openaiLifecycle('gpt-5', '2026-12-06')).toMatchObject({ status: 'shutting-down', shutdownOn: '2026-12-11', daysLeft: 5 });
    expect(openaiLifecycle('gpt-4o', '2026-12-06')).toMatchObject({ status: 'shutting-down', shutdownOn: '2027-01-14', daysLeft: 39, replacement: 'gpt-6-luna' });
    expect(openaiLifecycle('gpt-4o', '2027-01-14').status).toBe('shut-down');
    // The dated snapshot of May 2024 went earlier than its alias.
    expect(openaiLifecycle('gpt-4o-2024-05-13', '2026-12-06').status).toBe('shut-down');
    expect(openaiLifecycle('gpt-6-luna', '2026-12-06')).toEqual({ model: 'gpt-6-luna', status: 'active' });
    expect(openaiLifecycle('my-own-model', '2026-12-06').status).toBe('active');
    expect(openaiLifecycle('gpt-4o', '2026-12-06').source).toBe('https://developers.openai.com/api/docs/deprecations');
  });

  it('has the issue’s dates', () => {
    for (const id of ['gpt-3.5-turbo', 'gpt-4', 'o1', 'o3-mini', 'o4-mini', 'gpt-image-1']) expect(openaiLifecycle(id, '2026-01-01').shutdownOn, id).toBe('2026-10-23');
    for (const id of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'o3']) expect(openaiLifecycle(id, '2026-01-01').shutdownOn, id).toBe('2026-12-11');
    for (const id of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini']) expect(openaiLifecycle(id, '2026-01-01').shutdownOn, id).toBe('2027-01-14');
  });
});

describe('catalogue age', () => {
  it('counts days and turns stale after 90', () => {
    expect(daysBetween('2026-12-06', '2027-03-06')).toBe(90);
    expect(catalogueAge('2027-03-06', '2026-12-06')).toEqual({ checkedOn: '2026-12-06', days: 90, stale: false });
    expect(catalogueAge('2027-03-07', '2026-12-06').stale).toBe(true);
    expect(STALE_AFTER_DAYS).toBe(90);
    expect(catalogueAge(CATALOGUE_CHECKED_ON).days).toBe(0);
  });
});

describe('report notices', () => {
  const finding = (model: string) => ({ model }) as unknown as Finding;

  it('names each shut-down or shutting-down model once, and a stale catalogue once', () => {
    const lines = noticeLines([finding('gpt-4o'), finding('gpt-4o'), finding('gpt-4'), finding('gpt-6-luna')], '2026-12-06', 'en', plain);
    expect(lines).toEqual([
      '✖ gpt-4 was shut down by OpenAI on 2026-10-23: calls to it already fail (OpenAI names gpt-5.6-sol (gpt-5.6-terra for gpt-3.5-turbo and o4-mini)).',
      '⚠ gpt-4o shuts down on 2027-01-14 (in 39 days); OpenAI names gpt-6-luna: a reason to move now.',
    ]);
    const later = noticeLines([finding('gpt-6-luna')], '2027-06-01', 'en', plain);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatch(/checked on 2026-12-06 \(177 days ago\).*catalogue:refresh.*migrate\.config\.json/);
    expect(noticeLines([finding('gpt-4o')], '2026-12-06', 'zh', plain)[0]).toContain('将于 2027-01-14 停用');
  });
});

describe('the JSON report', () => {
  it('carries the shutdowns of the models found and the catalogue’s age', async () => {
    const { lifecycleFacts } = await import('../../src/render/notices.js');
    const facts = lifecycleFacts([{ model: 'gpt-4o' } as unknown as Finding, { model: 'gpt-6-luna' } as unknown as Finding], '2026-12-06');
    expect(facts.openaiShutdowns).toEqual([
      { model: 'gpt-4o', status: 'shutting-down', shutdownOn: '2027-01-14', daysLeft: 39, replacement: 'gpt-6-luna', source: 'https://developers.openai.com/api/docs/deprecations' },
    ]);
    expect(facts.catalogue).toEqual({ checkedOn: CATALOGUE_CHECKED_ON, days: 0, stale: false });
  });
});
