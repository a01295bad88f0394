/** The entry around a settings line, read from text alone (src/sweep/settings-block.ts). */
import { describe, expect, it } from 'vitest';
import { settingsEntry, settingsSyntax } from '../../src/sweep/settings-block.js';

const entryAt = (text: string, needle: string, file: string) => Object.fromEntries(settingsEntry(text, text.indexOf(needle), settingsSyntax(file)));

describe('settings entries', () => {
  it('YAML: a list item from its `- ` line to the next item, nested blocks skipped', () => {
    const yaml = ['models:', '  - name: a', '    provider: openai', '    roles:', '      - chat', '    model: gpt-4o', '  - name: b', '    model: gpt-4o-mini', ''].join('\n');
    expect(entryAt(yaml, 'gpt-4o\n', 'c.yaml')).toEqual({ name: 'a', provider: 'openai', roles: '', model: 'gpt-4o' });
    expect(entryAt(yaml, 'gpt-4o-mini', 'c.yml')).toEqual({ name: 'b', model: 'gpt-4o-mini' });
  });

  it('YAML: a mapping stops at its parent; comments and quotes are not part of values', () => {
    const yaml = ['chat:', '  provider: "openai" # the default', '  model: gpt-4o', 'embed:', '  model: text-embedding-3-small', ''].join('\n');
    expect(entryAt(yaml, 'gpt-4o', 'c.yaml')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(entryAt(yaml, 'text-embedding', 'c.yaml')).toEqual({ model: 'text-embedding-3-small' });
  });

  it('JSON: the members of the innermost object, on one line or many, nested objects skipped', () => {
    const json = '{ "list": [ { "provider": "openai", "opts": { "provider": "x" }, "model": "gpt-4o" } ], "model": "gpt-4o-mini" }';
    expect(entryAt(json, 'gpt-4o"', 'c.json')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(entryAt(json, 'gpt-4o-mini', 'c.json')).toEqual({ model: 'gpt-4o-mini' });
  });

  it('TOML/INI: the section', () => {
    const toml = ['[openai]', 'model = "gpt-4o"', 'provider = "openai"', '[other]', 'model = "gpt-4o-mini"', ''].join('\n');
    expect(entryAt(toml, 'gpt-4o"', 'c.toml')).toEqual({ model: 'gpt-4o', provider: 'openai' });
    expect(entryAt(toml, 'gpt-4o-mini', 'c.ini')).toEqual({ model: 'gpt-4o-mini' });
  });
});
