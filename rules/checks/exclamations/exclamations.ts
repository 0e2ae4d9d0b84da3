import type { Rule, TermEntry } from '../../types.js';
import { blocksInOrder, findingExtras, numberOption, toneMeta } from '../../tone/common.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { phraseRanges } from '../../text/words.js';
import { unicodeRegExp } from '../../text/unicode-regexp.js';
import { inRegion, skippedRegions } from '../../text/regions.js';

// What after a "!" makes it no exclamation mark: a letter, a digit or = ("!important", "!="), or,
// right after a word, the opening of code: "fix!:" and "feat(api)!:" (a breaking change's commit
// type), "println!(", "save![", "vec!{".
const JOINED = unicodeRegExp(String.raw`[\p{L}\p{N}=]`);
const CODE_AFTER = /^[:([{]\S/;
const COMMIT_TYPE = /(?:^|[\s"'“‘(])(?:feat|fix|chore|refactor|perf|build|ci|docs|style|test|revert)(?:\([\w./-]+\))?$/;
const WORD_BEFORE = unicodeRegExp(String.raw`[\p{L}\p{N}_)]`);

const ID = 'exclamations';
export const DEFAULT_MAX_EXCLAMATIONS = 1;

// Every "!" in the document's prose counts, in source order; each one beyond `max` is a finding.
// An "!" that belongs to a brand name in guide.terms ("Yahoo!") or that is not punctuation
// ("!important", "!=") does not count.
// Terms with a "!" in them, once per guide (a guide may hold 10,000 terms; this runs per keystroke).
const bangCache = new WeakMap<TermEntry[], string[]>();
function bangNames(terms: TermEntry[]): string[] {
  let names = bangCache.get(terms);
  if (!names) bangCache.set(terms, (names = terms.map((t) => t.use).filter((u) => u.includes('!'))));
  return names;
}

export const exclamations: Rule = {
  meta: {
    ...toneMeta(ID, 'At most `max` exclamation marks per document (default 1); each one beyond is flagged.', true),
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: { max: { type: 'number', minimum: 0, default: DEFAULT_MAX_EXCLAMATIONS, description: 'The most exclamation marks in a document.' } },
      additionalProperties: false,
    },
    messages: { tooMany: 'Too many exclamation marks: {{count}} in this document, at most {{max}}.' },
  },
  check({ doc, guide, report }) {
    const max = Math.floor(numberOption(guide, ID, 'max', DEFAULT_MAX_EXCLAMATIONS));
    const extras = findingExtras(guide, ID);
    const names = bangNames(guide.terms);
    // A quoted `!` is someone else's: it neither counts nor is reported (unless the guide lints quotations).
    const skipped = skippedRegions(exclamations.meta, guide);
    const hits: Array<{ block: (typeof doc.blocks)[number]; i: number }> = [];
    for (const block of blocksInOrder(doc)) {
      const t = block.text;
      const inName = names.length ? phraseRanges(t, names) : [];
      for (let i = t.indexOf('!'); i !== -1; i = t.indexOf('!', i + 1)) {
        if (JOINED.test(t[i + 1] ?? '')) continue;
        if (WORD_BEFORE.test(t[i - 1] ?? '') && (CODE_AFTER.test(t.slice(i + 1, i + 3)) || /^:(?:\s|$)/.test(t.slice(i + 1, i + 3)) && COMMIT_TYPE.test(t.slice(Math.max(0, i - 40), i)))) continue;
        if (inName.some(([a, b]) => i >= a && i < b)) continue;
        if (inRegion(block, i, skipped)) continue;
        hits.push({ block, i });
      }
    }
    if (hits.length <= max) return;
    for (const { block, i } of hits.slice(max)) {
      const prev = block.text[i - 1] ?? '';
      // The first "!" of a run becomes a full stop; the rest of "!!!" or "?!" goes.
      const remove = prev === '!' || prev === '?' || prev === '.';
      const span = sourceSpan(doc, block, i, i + 1);
      report({
        ...span,
        message: withBecause(`Too many exclamation marks: ${hits.length} in this document, at most ${max}.`, extras.because),
        ...extras,
        suggestions: remove ? [] : ['.'],
        fixes: isVerbatim(doc, block, i, i + 1)
          ? [remove ? { title: 'Remove "!"', edits: [{ ...span, text: '' }] } : { title: 'Replace "!" with "."', edits: [{ ...span, text: '.' }] }]
          : [],
      });
    }
  },
};
