/** Component markup read as text (src/sweep/markup.ts) and the names that hold an OpenAI key (indicators.ts). */
import { describe, expect, it } from 'vitest';
import { markupPlace, markupSpans, markupText, quotedWhole } from '../../src/sweep/markup.js';
import { isOpenAiCredentialName } from '../../src/sweep/indicators.js';

function placeOf(text: string, needle: string, nth = 0) {
  const markup = markupText(text);
  let start = -1;
  for (let i = 0; i <= nth; i++) start = markup.indexOf(needle, start + 1);
  const place = markupPlace(markup, markupSpans(markup), { at: 0 }, start, start + needle.length);
  return { markup, place, start };
}

describe('component markup', () => {
  it('blanks script and style blocks, keeping offsets and lines', () => {
    const text = '<template>\n<b>x</b>\n</template>\n<script>\nconst m = "gpt-4o";\n</script>\n<style>\na { content: "gpt-4o" }\n</style>\n';
    const markup = markupText(text);
    expect(markup.length).toBe(text.length);
    expect(markup.split('\n').length).toBe(text.split('\n').length);
    expect(markup).not.toContain('gpt-4o');
    expect(markup).toContain('<b>x</b>');
  });

  it('tells attribute values, bound expressions, text and comments apart', () => {
    const text = '<!-- gpt-4 --><select v-model="form.model" :class="{ a: b > c }"><option value="gpt-4o">gpt-4o</option></select><x :items="[\'o3-mini\']" v-model="form.openaiKey" />';
    expect(placeOf(text, 'gpt-4').place).toEqual({ place: 'comment' });
    expect(placeOf(text, 'gpt-4o').place).toMatchObject({ place: 'attribute', name: 'value', value: 'gpt-4o', bound: false });
    // after a bound attribute holding `>`, the next tag is still read right
    expect(placeOf(text, 'gpt-4o', 1).place).toEqual({ place: 'text' });
    const bound = placeOf(text, 'o3-mini');
    expect(bound.place).toMatchObject({ place: 'attribute', name: ':items', bound: true });
    expect(bound.place.place === 'attribute' && quotedWhole(bound.markup, bound.place, bound.start, bound.start + 'o3-mini'.length)).toBe(true);
    // the attribute's own quotes do not make a variable's path a string
    const model = placeOf(text, 'form.openaiKey');
    expect(model.place.place === 'attribute' && quotedWhole(model.markup, model.place, model.start, model.start + 'form.openaiKey'.length)).toBe(false);
  });

  it('reads Svelte brace values', () => {
    const { place } = placeOf("<option value={'gpt-4.1'} {disabled}>x</option>", 'gpt-4.1');
    expect(place).toMatchObject({ place: 'attribute', name: 'value', bound: true });
  });
});

describe('names that hold the OpenAI key', () => {
  it('storage and settings keys, in any case style', () => {
    for (const name of ['openai_api_key', 'openaiKey', 'OpenAiKey', 'azure_openai_api_key', 'llm.openai.api_key', 'openai-token', 'openaiSecret']) expect(isOpenAiCredentialName(name), name).toBe(true);
  });
  it('not env names, compatible endpoints, lists, or other settings', () => {
    for (const name of ['OPENAI_API_KEY', 'GenericOpenAiKey', 'STTOpenAICompatibleKey', 'azureOpenAiApiModelKeys', 'openaiBaseUrl', 'openai_model', 'keyOfOpenAI']) expect(isOpenAiCredentialName(name), name).toBe(false);
  });
});
