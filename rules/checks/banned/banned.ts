import type { BannedEntry, Rule } from '../../types.js';
import { bannedMatcher, longestHits, patternHits, phraseHits, type BlockHit, type PhrasePayload } from '../../match/brand.js';
import { inflect, type Form } from '../../match/inflect.js';
import { keepCase } from '../../match/case.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withReason } from '../docs.js';
import { isMinimizer, presentsAsEasy } from './sense.js';

export const banned: Rule = {
  meta: {
    id: 'banned',
    description: 'Words and phrases the brand does not use, with the words it uses instead.',
    defaultLevel: 'warning',
    fixable: true,
    docs: ruleDocs('banned'),
    category: 'banned',
    scope: 'block',
    // No options: the guide's `banned` list (phrase or pattern, use, because…) is the rule's data.
    options: { type: 'object', properties: {}, additionalProperties: false },
    messages: { useInstead: 'Use {{suggestions}} instead of "{{found}}".', avoid: 'Avoid "{{found}}".' },
  },
  check({ doc, guide, report }) {
    if (guide.banned.length === 0) return;
    const hits: BlockHit<PhrasePayload<BannedEntry>>[] = [
      ...phraseHits(doc, bannedMatcher(laterFirst(guide.banned))),
      ...patternHits(doc, guide.banned),
    ];
    for (const h of longestHits(hits)) {
      const { entry } = h.payload;
      if (!entry.pattern && isMinimizer(h.payload.phrase) && !presentsAsEasy(h.block.text, h.start, h.end)) continue;
      const found = h.block.text.slice(h.start, h.end);
      const form = h.hit?.form ?? 'base';
      const position = h.hit && h.hit.inflectedWord > 0 ? 'last' : 'first';
      const suggestions = unique(entry.use.map((u) => keepCase(found, inflectSuggestion(u, form, position))));
      const span = sourceSpan(h.block, h.start, h.end);
      const shown = found.replace(/\s+/g, ' ');
      const message =
        suggestions.length > 0
          ? `Use ${suggestions.map(q).join(' or ')} instead of ${q(shown)}.`
          : `Avoid ${q(shown)}.`;
      report({
        ...span,
        message: withReason(message, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'banned'),
        suggestions,
        fixes: isVerbatim(doc, h.block, h.start, h.end) ? undefined : [],
        ref: entry.ref,
      });
    }
  },
};

const laterFirstCache = new WeakMap<object, unknown[]>();
/**
 * The entries with later ones first, so where two entries list the same phrase the later one wins:
 * a guide's own entry over the pack or base guide it extends (those come first in the merge), as
 * the guide reference promises. Cached per list so the phrase matcher built from it is reused.
 */
export function laterFirst<E>(entries: E[]): E[] {
  let r = laterFirstCache.get(entries) as E[] | undefined;
  if (!r) laterFirstCache.set(entries, (r = [...entries].reverse()));
  return r;
}

/** The suggestion in the form the banned word was found in (utilized -> used, leveraging -> using). */
function inflectSuggestion(suggestion: string, form: Form, position: 'first' | 'last'): string {
  if (form === 'base') return suggestion;
  const words = suggestion.split(/(\s+)/);
  const idx = position === 'first' ? 0 : words.length - 1;
  words[idx] = inflect(words[idx]!, form);
  return words.join('');
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
