// The lazy phrase matcher (rules/match/phrases.ts) against the same matcher built up front: same
// hits, same order, same payloads. Laziness is exact only if baseCandidates (rules/match/inflect.ts)
// finds every word that inflects to a token, so that is checked on a 275,000-word list too.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMS, baseCandidates, inflect, inflectionSpellings, inflections } from '../../rules/match/inflect.js';
import { PhraseMatcher, type AddOptions } from '../../rules/match/phrases.js';
import { tokenize } from '../../rules/match/tokens.js';
import { CORPUS, ROOT, present, walk } from '../helpers/corpus.js';

const words: string[] = createRequire(import.meta.url)('an-array-of-english-words');

describe('baseCandidates', () => {
  it('finds the base of every inflection of every word of an English word list', () => {
    let checked = 0;
    for (const w of words) {
      if (!/^[a-z]+$/.test(w)) continue;
      for (const { word } of inflections(w)) {
        checked++;
        if (!baseCandidates(word.toLowerCase()).includes(w)) expect.fail(`${w} -> ${word}: ${baseCandidates(word.toLowerCase()).join(', ')}`);
      }
    }
    expect(checked).toBeGreaterThan(500_000);
  });

  it('finds the base of random letter strings inflected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom(...FORMS), (w, form) => {
        const inflected = inflect(w, form).toLowerCase();
        if (inflected === w || inflections(w).every((i) => i.word.toLowerCase() !== inflected)) return;
        expect(baseCandidates(inflected)).toContain(w);
      }),
      { numRuns: 5000 },
    );
  });
});

type Payload = { id: number };
type Add = [phrase: string, opts: AddOptions];

/** The same phrases in a lazy matcher and in one built up front, with a payload object each. */
function pair(adds: Add[]): { lazy: PhraseMatcher<Payload>; eager: PhraseMatcher<Payload> } {
  const lazy = new PhraseMatcher<Payload>();
  const eager = new PhraseMatcher<Payload>({ lazy: false });
  adds.forEach(([phrase, opts], id) => {
    const payload = { id };
    lazy.add(phrase, payload, opts);
    eager.add(phrase, payload, opts);
  });
  return { lazy, eager };
}

const simplify = (hits: ReturnType<PhraseMatcher<Payload>['hits']>) => hits.map((h) => `${h.first}-${h.last}:${h.payload.id}:${h.form}:${h.inflectedWord}`);

describe('PhraseMatcher (lazy) = PhraseMatcher built up front', () => {
  it('keeps entries of one node in add() order whichever phrase is built first', () => {
    // "programs x" is phrase 0 as written and phrase 1 inflected; reading "program" first builds phrase 1 first.
    const { lazy, eager } = pair([
      ['programs x', {}],
      ['program x', { forms: 'all' }],
    ]);
    const toks = tokenize('program x, then programs x');
    const got = simplify(lazy.hits(toks));
    expect(got).toEqual(simplify(eager.hits(toks)));
    expect(got).toEqual(['0-2:1:base:-1', '4-6:0:base:-1', '4-6:1:s:0']);
  });

  it('finds a phrase added after a text was matched (the token was resolved before)', () => {
    const { lazy, eager } = pair([['plan ahead', { forms: 'all' }]]);
    const toks = tokenize('planned ahead, plans ahead');
    expect(simplify(lazy.hits(toks))).toEqual(simplify(eager.hits(toks)));
    lazy.add('planned ahead', { id: 9 });
    eager.add('planned ahead', { id: 9 });
    expect(simplify(lazy.hits(toks))).toEqual(simplify(eager.hits(toks)));
    expect(simplify(lazy.hits(toks))).toContain('0-2:9:base:-1');
  });

  it('keeps phrases added in rounds, each after every pending phrase was built', () => {
    // Each round's hits build everything pending (the added phrases' store is emptied), then more are added.
    const { lazy, eager } = pair([
      ['plan ahead', { forms: 'all' }],
      ['ahead', {}],
    ]);
    const toks = tokenize('planned ahead, plans ahead of the ahead-of-time plan');
    const rounds = [['ahead of', 'plans'], ['the plan', 'of time', 'planned ahead'], ['time']];
    let id = 10;
    for (const round of rounds) {
      expect(simplify(lazy.hits(toks))).toEqual(simplify(eager.hits(toks)));
      for (const phrase of round) {
        lazy.add(phrase, { id }, { forms: ['s'] });
        eager.add(phrase, { id }, { forms: ['s'] });
        id++;
      }
    }
    const got = simplify(lazy.hits(toks));
    expect(got).toEqual(simplify(eager.hits(toks)));
    // "ahead of", "plans", "planned ahead" and "time" occur, from every round.
    for (const id of [10, 11, 14, 15]) expect(got.some((h) => h.includes(`:${id}:`))).toBe(true);
  });

  it('builds only the phrases a text can start', () => {
    const m = new PhraseMatcher<number>();
    m.add('cloud native', 0, { forms: ['s'] });
    m.add('zebra crossing', 1, { forms: 'all' });
    let computed = 0;
    m.add('use case', 2, { forms: 'all', exclude: () => (computed++, new Set()) });
    expect(m.size).toBe(3);
    expect(m.hits(tokenize('Cloud natives only.')).map((h) => h.payload)).toEqual([0]);
    expect(computed).toBe(0); // "use case" was never built: its exclude set never computed
    expect(m.hits(tokenize('They used case notes.')).map((h) => [h.payload, h.form])).toEqual([[2, 'ed']]);
    expect(computed).toBe(1);
  });

  it('gives the same hits on random phrases and texts (inflections, glued punctuation, skips, excludes)', () => {
    const vocab = ['plan', 'plans', 'planned', 'use', 'used', 'using', 'buy', 'bought', 'try', 'tries', 'tried', 'go', 'e', 'mail', 'set', 'setting', 'cloud', 'clouds', 'die', 'dying', 'has', 'have', 'is', 'be'];
    const word = fc.constantFrom(...vocab);
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([ws, glue]) => (glue && ws.length > 1 ? `${ws[0]}-${ws.slice(1).join(' ')}` : ws.join(' ')));
    const opts = fc.constantFrom<AddOptions>({}, { forms: ['s'] }, { forms: 'all' }, { forms: 'all', exclude: inflectionSpellings('use') });
    const text = fc.array(fc.oneof(word, fc.constantFrom('-', ',', 'https://x.io/plan', 'PLANS', 'Bought')), { maxLength: 30 }).map((ws) => ws.join(' ').replace(/ -/g, '-'));
    fc.assert(
      fc.property(fc.array(fc.tuple(phrase, opts), { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 4 }), (adds, texts) => {
        const { lazy, eager } = pair(adds);
        for (const t of texts) {
          const toks = tokenize(t);
          expect(simplify(lazy.hits(toks))).toEqual(simplify(eager.hits(toks)));
        }
      }),
      { numRuns: 1500 },
    );
  });

  describe.skipIf(!present)('on the corpus with 10,000 terms and 10,000 banned phrases (bench/guides.mjs)', () => {
    it('every block of marketing-copy: same hits', async () => {
      // @ts-expect-error: a plain .mjs module of the benchmark, no types
      const g = await import('../../bench/guides.mjs');
      const files = walk(path.join(CORPUS, 'marketing-copy'), /\.md$/);
      const vocab: string[] = g.vocabulary(files);
      const base = g.readBase(path.join(ROOT, 'bench/brand.yaml'));
      const adds: Add[] = [];
      for (const t of g.terms(vocab, 10000) as Array<{ use: string; not: string[] }>) {
        adds.push([t.use, { forms: ['s'] }]);
        for (const n of t.not) adds.push([n, { forms: ['s'] }]);
      }
      for (const b of g.bannedPhrases(base, vocab, 10000) as Array<{ phrase: string; use?: string | string[] }>) {
        const exclude = new Set<string>();
        for (const w of [b.use ?? []].flat().join(' ').split(/\s+/).filter(Boolean)) for (const s of inflectionSpellings(w)) exclude.add(s);
        adds.push([b.phrase, { forms: 'all', exclude }]);
      }
      const { lazy, eager } = pair(adds);
      let hits = 0;
      // Every other file keeps the test under ~10 s; the lazy matcher sees the files in order, so
      // later files meet a partly built trie (the case that matters).
      for (const file of files.filter((_, i) => i % 2 === 0)) {
        const text = readFileSync(file, 'utf8');
        for (const para of text.split(/\n{2,}/)) {
          const toks = tokenize(para);
          const got = simplify(lazy.hits(toks));
          const want = simplify(eager.hits(toks));
          if (got.join() !== want.join()) expect.fail(`${file}: ${para.slice(0, 80)}`);
          hits += got.length;
        }
      }
      expect(hits).toBeGreaterThan(1000);
    }, 120_000);
  });
  if (!present) it.skip('corpus differential: ../shared/corpus is absent', () => {});
});
