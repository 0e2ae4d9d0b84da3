// Differential tests for the core's hot spots after the front end:
// each faster path must give exactly what the path it replaced gives (kept reachable as the
// reference), on every sentence/block of the corpus and on random text. Timings are never asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import { blockSentences, sentencesOf } from '../../rules/text/sentences.js';
import { countWords, countWordsReference } from '../../rules/tone/counting.js';
import { contractionsEngine, toContract } from '../../rules/checks/contractions/contractions.js';
import { blockWords, hasLetter, hasLetterReference, wordsOf, wordsOfReference } from '../../rules/text/words.js';
import { lineStarts, lineStartsReference } from '../../rules/text/position.js';
import { tokenize, tokenizeEngine } from '../../rules/match/tokens.js';
import { alternationEngine, onePassSuggestions, runLower, runsOf, runsOfReference, type WriteGoodCheck } from '../../rules/tone/write-good-fast.js';
import { WRITE_GOOD_LISTS } from '../../rules/tone/write-good-data.js';
import { asOneLine, writeGoodInput, writeGoodInputReference } from '../../rules/tone/write-good.js';
import type { Block } from '../../rules/types.js';
import { SEPARATOR } from '../../rules/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
import { CORPUS, present } from '../helpers/corpus.js';
const FOLDERS = ['marketing-copy', 'email-templates', 'social-posts'];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out.sort();
}

/** Every block of every corpus file of the three copy folders. */
function* corpusBlocks() {
  for (const folder of FOLDERS) {
    for (const file of walk(path.join(CORPUS, folder))) {
      const format = formatOf(file);
      if (!format) continue;
      yield* parseDocument(file, readFileSync(file, 'utf8'), format).blocks;
    }
  }
}

// --- write-good alternations: the flat table walk = the Map trie walked recursively ---

// The checks that run an alternation (weasel filters one; e-prime normalizes quotes first), and
// passive voice, whose forms of "to be" the fast path compares by characters (a Set in the reference).
const ALT_CHECKS: WriteGoodCheck[] = ['weasel', 'adverb', 'tooWordy', 'cliches', 'eprime', 'passive'];

function sameAlternations(text: string): number {
  const runs = runsOf(text);
  // The same runs as the reference, which slices and lower-cases every one; runsOf makes no string
  // and runLower gives the reference's string on demand.
  const refRuns = runsOfReference(text);
  const same = JSON.stringify([runs.starts, runs.ends]) === JSON.stringify([refRuns.starts, refRuns.ends]) && refRuns.lower!.every((w, k) => runLower(runs, k) === w);
  if (!same) expect({ ...runs, lower: runs.starts.map((_, k) => runLower(runs, k)) }).toEqual(refRuns);
  let n = 0;
  for (const check of ALT_CHECKS) {
    alternationEngine.reference = true;
    const ref = onePassSuggestions(runs, check);
    alternationEngine.reference = false;
    const fast = onePassSuggestions(runs, check);
    if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, `${check} on ${JSON.stringify(text)}`).toEqual(ref);
    n += ref.length;
  }
  return n;
}

afterEach(() => {
  alternationEngine.reference = false;
  contractionsEngine.reference = false;
  tokenizeEngine.reference = false;
});

describe.skipIf(!present)('write-good runs and alternations: fast = reference on the corpus', () => {
  it('every sentence of every marketing-copy, email and social file', () => {
    let sentences = 0;
    let hits = 0;
    for (const b of corpusBlocks()) {
      for (const s of sentencesOf(b.text)) {
        const line = s.text.replace(/[\r\n]/g, ' ');
        expect(asOneLine(s.text)).toBe(line);
        if (writeGoodInput(line) !== writeGoodInputReference(line)) expect(writeGoodInput(line)).toBe(writeGoodInputReference(line));
        hits += sameAlternations(writeGoodInputReference(line));
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(50_000);
    expect(hits).toBeGreaterThan(10_000);
  }, 600_000);
});

if (!present) describe('hot spots on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// Phrases of every list (clichés and wordy phrases hold gaps, hyphens and apostrophes), cut short
// or run together, glued by every kind of gap the patterns know of.
const L = WRITE_GOOD_LISTS;
const PHRASES = [...L.cliches!, ...L.wordy!, ...L.weasels!, ...L.toBe!, ...L.weakeners!, ...L.adverbStems!.slice(0, 40).map((s) => `${s}y`)];
const pieceArb = fc.oneof(
  fc.constantFrom(...PHRASES),
  fc.constantFrom(...PHRASES).chain((p) => fc.nat(p.length).map((k) => p.slice(0, k))),
  fc.constantFrom('the', 'a', 'of', 'x', 'too', 'KILLED', 'café', 'İ', '\u212a'),
);
const GAPS = [' ', '  ', '', '\n', '\t', '\u200c', '\b', '\u00a0', '-', ',', '. ', "'", '’', '_', '9', 'é'];
const textArb = fc
  .array(fc.tuple(pieceArb, fc.constantFrom(...GAPS)), { maxLength: 12 })
  .map((a) => a.map(([w, g]) => w + g).join(''));

describe('write-good runs and alternations: fast = reference on random text', () => {
  it('list phrases, their prefixes and gaps, in any case', () => {
    const mixed = (t: string, k: number) => t.replace(/\w/g, (c, i: number) => ((i * 5 + k) % 3 === 0 ? c.toUpperCase() : c));
    fc.assert(fc.property(textArb, fc.nat(), (t, k) => void sameAlternations(k % 4 === 0 ? t.toUpperCase() : mixed(t, k))), { numRuns: 4000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => void sameAlternations(t)), { numRuns: 2000 });
  });

  it('sentence endings (writeGoodInput) and line breaks (asOneLine): fast = regex', () => {
    const endArb = fc.array(fc.constantFrom('a', 'word', ' ', '.', '!', '?', ';', ':', ',', '"', "'", '”', '’', ')', ']', '}', '…', '\n', '\r', '\r\n'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(endArb, fc.string({ unit: 'binary', maxLength: 20 })), (t) => {
        expect(writeGoodInput(t)).toBe(writeGoodInputReference(t));
        expect(asOneLine(t)).toBe(t.replace(/[\r\n]/g, ' '));
      }),
      { numRuns: 5000 },
    );
  });
});

// --- sentence-length's word count: a char loop = a regex match per run ---

function sameCounts(b: Block, from: number, to: number): number {
  const ref = countWordsReference(b, from, to);
  const fast = countWords(b, from, to);
  if (fast !== ref) expect(fast, `${from}-${to} of ${JSON.stringify(b.text)}`).toBe(ref);
  return ref;
}

describe.skipIf(!present)('countWords: char loop = regex on the corpus', () => {
  it('every sentence of every marketing-copy, email and social block, and every whole block', () => {
    let sentences = 0;
    let words = 0;
    for (const b of corpusBlocks()) {
      for (const s of blockSentences(b)) {
        words += sameCounts(b, s.start, s.end);
        sentences++;
      }
      sameCounts(b, 0, b.text.length);
    }
    expect(sentences).toBeGreaterThan(50_000);
    expect(words).toBeGreaterThan(500_000);
  }, 600_000);
});

const WORD_PIECES = ['word', 'e.g.', '$3.50', 'v2.1.0', '—', '-', '...', '42', 'café', 'é', '\u0301', '😀', '𝐀', '\ud835', '\udc00', '日本', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', SEPARATOR, SEPARATOR + SEPARATOR, '.', '_', '#'];
const MARK_KINDS = ['code', 'url', 'template', 'html', 'link', 'emphasis'];
describe('countWords: char loop = regex on random text', () => {
  it('words, symbols, surrogates, separators with marks, any range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORD_PIECES), { maxLength: 24 }),
        fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...MARK_KINDS)), { maxLength: 6 }),
        fc.nat(80),
        fc.nat(80),
        (pieces, marks, a, b) => {
          const text = pieces.join('');
          const block = { kind: 'paragraph', text, map: [], marks: marks.map(([at, kind]) => ({ at, kind })) } as unknown as Block;
          sameCounts(block, Math.min(a, b), Math.max(a, b));
          sameCounts(block, 0, text.length);
        },
      ),
      { numRuns: 6000 },
    );
  });
});

// --- contractions: gaps checked char by char, long words skipped = regexes on every slice ---

function sameContractions(text: string, words = blockWords({ text } as Block)): number {
  let n = 0;
  for (const a of ["'", '\u2019']) {
    contractionsEngine.reference = true;
    const ref = toContract(text, a, words);
    contractionsEngine.reference = false;
    const fast = toContract(text, a, words);
    if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, JSON.stringify(text)).toEqual(ref);
    n += ref.length;
  }
  return n;
}

describe.skipIf(!present)('contractions: fast = reference on the corpus', () => {
  it('every block of every marketing-copy, email and social file', () => {
    let hits = 0;
    for (const b of corpusBlocks()) hits += sameContractions(b.text, blockWords(b));
    expect(hits).toBeGreaterThan(1_000);
  }, 600_000);
});

const CONTRACT_PIECES = ['we', 'We', 'WE', 'got', 'GOT', 'Been', 'dö', 'do1', "don't", 'It\u2019s', '\u212aeep', 'sh\u0130', 'HAS', 'are', 'do', 'Do', 'not', 'NOT', 'it', 'is', 'cannot', 'Cannot', 'they', 'have', 'has', 'been', 'will', 'would', 'should', 'here', 'I', 'am', 'you', 'that', 'İs', 'Internationalization', 'done'];
const CONTRACT_GAPS = [' ', '  ', '\t', '\n', ' \n ', '\r\n', '\r', '\n\n', '\u00a0', ', ', '. ', "'", ''];
describe('contractions: fast = reference on random text', () => {
  it('expanded forms glued by every kind of gap', () => {
    const arb = fc.array(fc.tuple(fc.constantFrom(...CONTRACT_PIECES), fc.constantFrom(...CONTRACT_GAPS)), { maxLength: 12 }).map((a) => a.map(([w, g]) => w + g).join(''));
    fc.assert(fc.property(arb, (t) => void sameContractions(t)), { numRuns: 4000 });
  });
});

// --- line starts: indexOf = a loop over every character ---

describe.skipIf(!present)('line starts: indexOf = char loop on the corpus', () => {
  it('every file of the corpus, as written, with CRLF and with lone CR', () => {
    let lines = 0;
    for (const folder of FOLDERS) {
      for (const file of walk(path.join(CORPUS, folder))) {
        const src = readFileSync(file, 'utf8');
        for (const t of [src, src.replace(/\n/g, '\r\n'), src.replace(/\n/g, '\r')]) expect(lineStarts(t)).toEqual(lineStartsReference(t));
        lines += lineStartsReference(src).length;
      }
    }
    expect(lines).toBeGreaterThan(10_000);
  }, 600_000);
});

describe('line starts: indexOf = char loop on random text', () => {
  it('any mix of \\n, \\r\\n, lone \\r and text', () => {
    const arb = fc.array(fc.constantFrom('a', 'xyz', '\n', '\r', '\r\n', '\n\r', '\r\r', '\u2028', ' '), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(arb, (t) => void expect(lineStarts(t)).toEqual(lineStartsReference(t))), { numRuns: 5000 });
  });
});

// --- tokens: ASCII tokens normalized without normalizeWord = every token through it ---

function sameTokens(text: string): number {
  tokenizeEngine.reference = true;
  const ref = tokenize(text);
  tokenizeEngine.reference = false;
  const fast = tokenize(text);
  if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, JSON.stringify(text)).toEqual(ref);
  return ref.length;
}

describe.skipIf(!present)('tokens: fast normal forms = normalizeWord on the corpus', () => {
  it('every block of every marketing-copy, email and social file', () => {
    let tokens = 0;
    for (const b of corpusBlocks()) tokens += sameTokens(b.text);
    expect(tokens).toBeGreaterThan(1_000_000);
  }, 600_000);
});

const TOKEN_PIECES = ['Word', 'WORD', 'word', 'A', 'a', 'Z', '_', '9', 'I', 'İ', 'É', 'café', 'Don’t', 'DON’T', "don't", 'ʼ', '‘', '😀', '𝐀', '\ud835', '日本', 'ß', 'Σ', '.', ',', '-', '@', '#', ' ', '\n', '\u00a0', SEPARATOR, 'https://X.io/A'];
describe('tokens: fast normal forms = normalizeWord on random text', () => {
  it('ASCII and non-ASCII words in every case, punctuation, surrogates; arbitrary strings', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKEN_PIECES), { maxLength: 24 }), (a) => void sameTokens(a.join(''))), { numRuns: 4000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => void sameTokens(t)), { numRuns: 3000 });
  });
});

// --- words: a table-driven scanner = the Unicode word regex ---

function sameWords(text: string, from?: number, to?: number): number {
  const ref = wordsOfReference(text, from, to);
  for (const w of ref) if (hasLetter(w.text) !== hasLetterReference(w.text)) expect(hasLetter(w.text), w.text).toBe(hasLetterReference(w.text));
  if (hasLetter(text) !== hasLetterReference(text)) expect(hasLetter(text), text).toBe(hasLetterReference(text));
  const fast = wordsOf(text, from, to);
  if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, `${from}-${to} of ${JSON.stringify(text)}`).toEqual(ref);
  return ref.length;
}

describe.skipIf(!present)('words and hasLetter: fast = regex on the corpus', () => {
  it('every block, and every sentence of it, of every marketing-copy, email and social file', () => {
    let words = 0;
    for (const b of corpusBlocks()) {
      words += sameWords(b.text);
      for (const s of blockSentences(b)) sameWords(b.text, s.start, s.end);
    }
    expect(words).toBeGreaterThan(500_000);
  }, 600_000);
});

const WORD_TEXT = ['we', 'We’re', "don't", "o'", "'", '’', "''", 'e\u0301', '\u0301', 'café', '42', '3.5', 'x2', '_', '-', ' ', '\n', '😀', '𝐀', '\ud835', '\udc00', '日本', 'ǅ', 'İ', '٣', SEPARATOR, '.', '…'];
describe('words and hasLetter: fast = regex on random text', () => {
  it('letters, digits, marks, apostrophes, surrogates; any range; arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORD_TEXT), { maxLength: 24 }), fc.nat(70), fc.nat(70), (a, x, y) => {
        const t = a.join('');
        sameWords(t);
        sameWords(t, Math.min(x, y), Math.max(x, y));
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => void sameWords(t)), { numRuns: 3000 });
  });
});
