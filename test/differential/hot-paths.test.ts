// Differential tests for the core's hot spots after the front end: each scanner must find exactly
// what the definition it implements finds (a regular expression or a plain loop, written here), on
// every sentence/block of the corpus and on random text. Timings are never asserted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import { blockSentences } from '../../rules/text/sentences.js';
import { LETTER_OR_DIGIT } from '../../rules/text/unicode-regexp.js';
import { countWords } from '../../rules/tone/counting.js';
import { hasLetter, WORD_SOURCE, wordsOf, type Word } from '../../rules/text/words.js';
import { lineStarts } from '../../rules/text/position.js';
import type { Block } from '../../rules/types.js';
import { SEPARATOR } from '../../rules/types.js';
import { CORPUS, present, walk } from '../helpers/corpus.js';

const FOLDERS = ['marketing-copy', 'email-templates', 'social-posts'];

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

if (!present) describe('hot spots on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// --- sentence-length's word count: a char loop = a regex match per run ---

/** countWords' definition: runs of non-space, non-SEPARATOR from `from` with a letter or digit, and
 * each run of SEPARATOR standing for inline code, a URL or a template tag. */
function countWordsByRegex(block: Block, from: number, to: number): number {
  const t = block.text;
  let n = 0;
  const re = new RegExp(`[^\\s${SEPARATOR}]+`, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) && m.index < to) if (LETTER_OR_DIGIT.test(m[0])) n++;
  for (const r of t.slice(from, to).matchAll(new RegExp(`${SEPARATOR}+`, 'g'))) {
    const a = from + r.index;
    const b = a + r[0].length;
    if (block.marks.some((mk) => mk.at >= a && mk.at < b && (mk.kind === 'code' || mk.kind === 'url' || mk.kind === 'template'))) n++;
  }
  return n;
}

function sameCounts(b: Block, from: number, to: number): number {
  const ref = countWordsByRegex(b, from, to);
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

// --- line starts: indexOf = a loop over every character ---

/** Where each line starts, \r\n, \n and a lone \r each ending one. */
function lineStartsByLoop(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

describe.skipIf(!present)('line starts: indexOf = char loop on the corpus', () => {
  it('every file of the corpus, as written, with CRLF and with lone CR', () => {
    let lines = 0;
    for (const folder of FOLDERS) {
      for (const file of walk(path.join(CORPUS, folder))) {
        const src = readFileSync(file, 'utf8');
        for (const t of [src, src.replace(/\n/g, '\r\n'), src.replace(/\n/g, '\r')]) expect(lineStarts(t)).toEqual(lineStartsByLoop(t));
        lines += lineStartsByLoop(src).length;
      }
    }
    expect(lines).toBeGreaterThan(10_000);
  }, 600_000);
});

describe('line starts: indexOf = char loop on random text', () => {
  it('any mix of \\n, \\r\\n, lone \\r and text', () => {
    const arb = fc.array(fc.constantFrom('a', 'xyz', '\n', '\r', '\r\n', '\n\r', '\r\r', '\u2028', ' '), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(arb, (t) => void expect(lineStarts(t)).toEqual(lineStartsByLoop(t))), { numRuns: 5000 });
  });
});

// --- words: a table-driven scanner = the Unicode word regex ---

/** wordsOf's definition: the matches of WORD_SOURCE from `from` that start before `to`, cut at `to`. */
function wordsByRegex(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD_SOURCE, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ start: m.index, end, text: text.slice(m.index, end) });
  }
  return out;
}
const hasLetterByRegex = (s: string) => /\p{L}/u.test(s);

function sameWords(text: string, from?: number, to?: number): number {
  const ref = wordsByRegex(text, from, to);
  for (const w of ref) if (hasLetter(w.text) !== hasLetterByRegex(w.text)) expect(hasLetter(w.text), w.text).toBe(hasLetterByRegex(w.text));
  if (hasLetter(text) !== hasLetterByRegex(text)) expect(hasLetter(text), text).toBe(hasLetterByRegex(text));
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
