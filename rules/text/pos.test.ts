import { describe, expect, it } from 'vitest';
import { MAX_TAGGED, tagText, tokenAt } from './pos.js';

const tags = (s: string) => tagText(s).map((t) => `${t.text}/${t.pos}`).join(' ');

describe('tagText', () => {
  it('tags words in context: an adjective after "be" is not a verb, a superlative of manner is an adverb', () => {
    expect(tags('The report was unprecedented.')).toBe('The/DET report/NOUN was/AUX unprecedented/ADJ ./PUNCT');
    expect(tags('They were interested in it.')).toContain('interested/ADJ');
    expect(tags('The file was deleted by the job.')).toContain('deleted/VERB');
    expect(tags('It works best when you batch requests.')).toContain('best/ADV');
    expect(tags('Acme is the best CRM for teams.')).toContain('best/ADJ');
  });

  it('gives offsets in the text it was given, contractions and line breaks included', () => {
    const text = 'Intro. We don’t  ship\nbroken code.';
    const start = text.indexOf('We');
    const tokens = tagText(text, start);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['We', 'do', 'n’t', 'ship', '\n', 'broken', 'code', '.']);
    expect(tokenAt(tokens, text.indexOf('ship') + 1)?.lemma).toBe('ship');
    expect(tokenAt(tokens, text.indexOf('code'))?.pos).toBe('NOUN');
  });

  it('gives lemmas', () => {
    const byText = Object.fromEntries(tagText('It was written by the best teams.').map((t) => [t.text, t.lemma]));
    expect(byText).toMatchObject({ was: 'be', written: 'write', best: 'good', teams: 'team' });
  });

  it('tags at most MAX_TAGGED characters of a long run', () => {
    const text = 'free '.repeat(5000);
    const tokens = tagText(text);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.at(-1)!.end).toBeLessThanOrEqual(MAX_TAGGED);
  });

  it('returns the same tokens for the same text at another offset', () => {
    const a = tagText('Uptime is guaranteed.');
    const b = tagText('xx Uptime is guaranteed.', 3);
    expect(b.map((t) => ({ ...t, start: t.start - 3, end: t.end - 3 }))).toEqual(a);
  });
});
