import type { BannedEntry, Guide, ProseDocument, Rule } from '../../types.js';
import { tokenize } from '../../match/tokens.js';
import type { PosTag } from '../../text/pos.js';
import { bannedMatcher, longestHits, patternHits, phraseHits, type BlockHit, type PhrasePayload } from '../../match/brand.js';
import { inflect, type Form } from '../../match/inflect.js';
import { keepCase } from '../../match/case.js';
import { classAfterTo, compatible, lexicalClass, replacementClass, sentenceTokens, tagAt, titleStyle, wantsParticiple, wordClass } from '../../match/grammar.js';
import { companyNames, NAME_ENDINGS, wordAfter } from '../../match/names.js';
import { isVerbatim, mappedSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { isMinimizer, presentsAsEasy, toJoinsVerb } from './sense.js';

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
      const text = h.block.text;
      const found = text.slice(h.start, h.end);
      if (inCompanyName(text, h.start, h.end, found) || namesTheCompany(doc, text, h.start, h.end, found)) continue;
      let form = h.hit?.form ?? 'base';
      const position = h.hit && h.hit.inflectedWord > 0 ? 'last' : 'first';
      // The word whose part of speech and form the replacement must take: the inflected one.
      const head = headWord(text, h.start, h.end, position);
      const tagged = () => (tag ??= tagAt(text, head.start, head.end) ?? null);
      let tag: PosTag | null | undefined;
      if (entry.as && wordClass(tagged() ?? undefined, true) !== entry.as && !(entry.as === 'verb' && (imperative(text, head.start, head.end) || AFTER_MODAL.test(text.slice(Math.max(0, head.start - 12), head.start)))) && !(entry.as === 'noun' && afterDeterminer(text, head.start))) continue;
      // "ran into a bug", "never give up", "takes place": a one-word verb and its particle are
      // another verb, which the entry does not ban.
      if (head.only && !entry.pattern && particleFollows(text, h.end) && (wordClass(tagged() ?? undefined) ?? lexicalClass(found)) === 'verb') continue;
      // "Take a look", "give it a try", "given the cost", "in person", "up and running": an idiom
      // that holds the word is not the word.
      if (head.only && !entry.pattern && inIdiom(text, h.start, h.end)) continue;
      // "buy-in", "long-running": a verb hyphened to another word is part of a compound, not the
      // verb ("synergy-driven" is still synergy).
      const headText = text.slice(head.start, head.end);
      if (head.only && !entry.pattern && (/[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, h.start - 2), h.start)) || /^-[\p{L}\p{N}]/u.test(text.slice(h.end, h.end + 2))) && lexicalClass(headText) === 'verb') continue;
      // "We work hard": an adverb whose replacements are adjectives only is another sense ("hard" = diligently).
      if (head.only && entry.use.length > 0 && lexicalClass(found) === 'adjective' && entry.use.every((u) => lexicalClass(u) === 'adjective') && (wordClass(tagged() ?? undefined) === 'adverb' || afterActionVerb(text, head.start, head.end))) continue;
      // "have access to": a plain form after have is its object, a noun, not a participle.
      // ("has run", "has put": a participle spelt like its verb is still the participle.)
      const spelledAsParticiple = inflect(headText, 'en').toLowerCase() === headText.toLowerCase();
      const objectOfHave = form === 'base' && !spelledAsParticiple && HAVE_BEFORE.test(text.slice(Math.max(0, head.start - 8), head.start));
      // "has run", "was written up": the replacement is a past participle too (has operated).
      // ("are going forward": a plain form not spelt like its participle is no participle.)
      const participleSpelling = form !== 'base' || spelledAsParticiple;
      if ((form === 'base' || form === 'ed' || form === 'en') && participleSpelling && !objectOfHave && entry.use.length > 0 && wantsParticiple(text, head.start) && wordClass(tagged() ?? undefined) === 'verb') form = 'en';
      // "the selected plan", "# Selected Plans Renew": a participle before its noun (the chosen
      // plan, not "the chose plan").
      if (form === 'ed' && (DETERMINER_BEFORE.test(text.slice(Math.max(0, head.start - 12), head.start)) || (/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, head.start - 4), head.start)) && wordClass(tagAt(text, h.end + 1, h.end + 2), true) === 'noun'))) form = 'en';
      // A plural noun takes the plural on the replacement's last word ("dashboards" -> "control panels").
      // (A verb and its particle is no noun: "onboards" -> "sets up", never "set ups".)
      const usePosition = form === 's' && position === 'first' && (wordClass(tagged() ?? undefined) ?? lexicalClass(found)) === 'noun' && !entry.use.some((u) => PARTICLE_PHRASE.test(u)) ? 'last' : position;
      // A replacement that cannot take the form found ("kidding" for kid -> child, "basics" for
      // basic -> simple) says the match is another word, not the banned one.
      let misfits = 0;
      const suggestions = unique(
        entry.use.flatMap((u) => {
          if (!takesForm(u, form, usePosition)) {
            misfits++;
            return [];
          }
          const inflected = inflectSuggestion(u, form, usePosition);
          // An adjective with no adverb ("effortlessly" for a suggestion "easy to use") has no fix.
          if (form === 'ly' && inflected === u) return [];
          // "need in order to work" is not "need to work": the phrase is reported, this rewrite not offered.
          if (toJoinsVerb(text, h.start, inflected)) return [];
          return [titleStyle(h.block, found, keepCase(found, inflected))];
        }),
      );
      if (misfits > 0 && misfits === entry.use.length) continue;
      // A verb and its particle before "to" ("reach out to us"): a one-word verb takes the object
      // itself ("contact us"); another phrase needs its own preposition, which only the writer knows.
      let end = h.end;
      let phrasal: 'to' | 'end' | undefined;
      if (/[ \t](?:out|up|in|back|over|down|off|through|across)$/i.test(found)) {
        const after = /^[ \t]+to\b/i.exec(text.slice(h.end, h.end + 8));
        if (after) phrasal = 'to';
        else if (/^[ \t]*(?:[.!?;:,)]|$)/.test(text.slice(h.end, h.end + 2))) phrasal = 'end';
        if (after && suggestions.length > 0 && suggestions.every((x) => !/\s/.test(x.trim())) && isVerbatim(doc, h.block, h.start, h.end + after[0].length)) end = h.end + after[0].length;
      }
      // A verb with a particle keeps a pronoun object between them: "has onboarded them" -> "has set them up".
      if (end === h.end && suggestions.length > 0) {
        const pron = /^[ \t]+(them|it|him|her|us|me|you)(?![\p{L}\p{N}])/iu.exec(text.slice(h.end, h.end + 8));
        if (pron && suggestions.every((x) => PARTICLE_PHRASE.test(x)) && isVerbatim(doc, h.block, h.start, h.end + pron[0].length)) {
          end = h.end + pron[0].length;
          for (let i = 0; i < suggestions.length; i++) suggestions[i] = suggestions[i]!.replace(PARTICLE_PHRASE, `$1 ${pron[1]} $2`);
        }
      }
      // A possessive follows the replacement's plural: "people's" -> "users'", "kids'" -> "children's".
      if (suggestions.length > 0 && end === h.end) {
        const pos = /^['’]s?(?![\p{L}\p{N}])/u.exec(text.slice(h.end, h.end + 3));
        if (pos && (pos[0].length === 2 || /s$/i.test(found)) && isVerbatim(doc, h.block, h.start, h.end + pos[0].length)) {
          end = h.end + pos[0].length;
          const mark = pos[0][0]!;
          for (let i = 0; i < suggestions.length; i++) suggestions[i] += form === 's' && /s$/i.test(suggestions[i]!) ? mark : `${mark}s`;
        }
      }
      // "an analysis" -> "a review": the article goes with the word it stands before.
      const article = articleBefore(text, h.start);
      let start = h.start;
      if (article && suggestions.some((x) => articleFor(x, article.text) !== article.text) && isVerbatim(doc, h.block, article.start, h.end)) {
        start = article.start;
        for (let i = 0; i < suggestions.length; i++) suggestions[i] = `${articleFor(suggestions[i]!, article.text)} ${suggestions[i]}`;
      }
      const span = mappedSpan(h.block, start, end);
      const shown = text.slice(start, end).replace(/\s+/g, ' ');
      const message =
        suggestions.length > 0
          ? `Use ${suggestions.map(q).join(' or ')} instead of ${q(shown)}.`
          : `Avoid ${q(shown)}.`;
      // Without `as`, a replacement of another part of speech than the one word it replaces is
      // offered, not applied: "The leverage is high" never becomes "The build on is high".
      // Nor is a verb applied for a word that is a noun first ("Big impacts", "The impact was big"
      // never become "affects", "affect") unless the sentence reads the word as a verb.
      const noAutoFix =
        !isVerbatim(doc, h.block, start, end) ||
        (phrasal === 'to' && end === h.end) ||
        // "If you have questions, reach out.": a one-word verb there would lack its object.
        (phrasal === 'end' && suggestions.some((x) => !/\s/.test(x.trim()))) ||
        (suggestions.length === 1 &&
          !entry.as &&
          head.only &&
          (!compatible(wordClass(tagged() ?? undefined), replacementClass(text, h.start, h.end, entry.use.length === 1 ? inflectSuggestion(entry.use[0]!, form, position) : suggestions[0]!)) ||
            (lexicalClass(found) === 'noun' && lexicalClass(entry.use[0]!) === 'verb' && (objectOfHave || (wordClass(tagged() ?? undefined) !== 'verb' && !imperative(text, head.start, head.end))))));
      report({
        ...span,
        message: withBecause(message, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'banned'),
        suggestions,
        fixes: noAutoFix ? [] : undefined,
        ref: entry.ref,
      });
    }
  },
};

// A particle that makes a one-word verb another verb ("run into", "give up", "think about",
// "take place"); not before a number ("leverage over 100 integrations").
const PARTICLE_AFTER = /^[ \t]+(?:up|out|off|over|away|into|back|down|about|around|through|of|place)\b(?![ \t]*\d)/i;
function particleFollows(text: string, end: number): boolean {
  return PARTICLE_AFTER.test(text.slice(end, end + 16));
}

// Idioms around a one-word entry: a light verb with its noun ("take a look", "give it a try",
// "make sense"), "given" opening a clause as a preposition ("Given the cost, …"), "in person",
// "up and running", "take it easy".
const LIGHT_VERB = /^(?:take|takes|took|taken|taking|give|gives|gave|given|giving|make|makes|made|making)$/;
const LIGHT_NOUN = /^[ \t]+(?:(?:a|an|it a|them a|us a|me a)[ \t]+(?:look|try|go|shot|break|step|seat|chance|stab|glance|peek|spin|whirl)|place|part|care|turns|notice|advantage|sense|it easy)(?![\p{L}])/iu;
const IDIOM_AROUND = /(?:^|[^\p{L}])(?:in[ \t]+person|up[ \t]+and[ \t]+running|take[ \t]+it[ \t]+easy)(?![\p{L}])/iu;
function inIdiom(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).toLowerCase();
  const after = text.slice(end, end + 80);
  if (LIGHT_VERB.test(word) && LIGHT_NOUN.test(after)) return true;
  if (word === 'given' && /(?:^|[.!?:;]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start)) && /^[ \t]+[^.!?]{1,60},/.test(after)) return true;
  const from = Math.max(0, start - 12);
  const m = IDIOM_AROUND.exec(text.slice(from, end + 12));
  return m !== null && from + m.index <= start && end <= from + m.index + m[0].length;
}

// Verbs an adjective may follow as its complement ("is hard", "seems easy", "keeps it simple").
const LINKING = new Set(['be', 'seem', 'become', 'look', 'feel', 'get', 'stay', 'remain', 'keep', 'sound', 'appear', 'prove', 'make', 'find']);
/** "We work hard for you": an adjective's form right after an action verb modifies the verb (the tagger calls it an adjective). */
function afterActionVerb(text: string, start: number, end: number): boolean {
  const tokens = sentenceTokens(text, start, end).filter((t) => t.pos !== 'SPACE');
  const k = tokens.findIndex((t) => t.start === start);
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (k < 1 || !prev || prev.pos !== 'VERB' || LINKING.has(prev.lemma)) return false;
  // "build simple tools": an adjective before its noun is the noun's.
  return !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
}

// A verb and its particle, the whole replacement: "set up", "Sets Up".
const PARTICLE_PHRASE = /^(\S+)[ \t]+(up|out|off|in|on|down|over|back|away)$/i;
// "We will sunset the API", "plan to sunset it": after a modal or "to" the word is a verb.
const AFTER_MODAL = /(?:^|[^\p{L}])(?:will|would|can|could|shall|should|may|might|must|to|['’]ll)[ \t]+$/iu;
const HAVE_BEFORE = /(?:^|[^\p{L}])(?:has|have|had|having)[ \t]+$/iu;

/** Can the replacement take the form found: a verb's forms need a verb, a plural a noun or a verb. */
function takesForm(suggestion: string, form: Form, position: 'first' | 'last'): boolean {
  if (form === 'base' || form === 'ly') return true;
  const words = suggestion.trim().split(/\s+/);
  const w = words[position === 'first' ? 0 : words.length - 1]!;
  const c = classAfterTo(w);
  if (c === undefined) return true;
  return form === 's' ? c === 'noun' || c === 'verb' : c === 'verb';
}

// An imperative that opens a sentence, a line or a heading, before its object: "Contact us today",
// "Leverage your data", "# Contact Us" (the tagger reads a sentence's first word as a noun).
const OBJECT_AFTER = /^[ \t]+(?:us|me|them|him|her|it|your|our|their|the|a|an|this|these|those|every|all|any)\b/i;
function imperative(text: string, start: number, end: number): boolean {
  if (!/(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start))) return false;
  if (OBJECT_AFTER.test(text.slice(end, end + 8))) return true;
  // "Contact sales for pricing": a noun object and a preposition after it ("Contact information
  // is below" is a noun phrase).
  const tokens = sentenceTokens(text, start, end).filter((t) => t.pos !== 'SPACE');
  const k = tokens.findIndex((t) => t.start === start);
  return k >= 0 && tokens[k + 1]?.pos === 'NOUN' && tokens[k + 2]?.pos === 'ADP' && /^(?:for|to|about|with|at|on|in)$/i.test(tokens[k + 2]!.text);
}

// A noun after its determiner, an adjective between them or not: "a big ask", "The asks are clear".
const DETERMINERS = 'the|a|an|this|that|these|those|your|our|their|its|his|her|my|each|every|any';
const DETERMINER_PHRASE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${DETERMINERS}|no)[ \t]+(?:\p{Ll}+[ \t]+)?$`, 'iu');
function afterDeterminer(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  // "the asks", "a big ask"; not "to ask", "we ask", "the team can ask".
  return DETERMINER_PHRASE.test(before) && !/\b(?:can|will|to|would|should|must|may|might|could|do|does|did|not)[ \t]+$/i.test(before);
}

const DETERMINER_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${DETERMINERS}|all)[ \t]+$`, 'iu');

/** "a" or "an" just before text[start], as written. */
function articleBefore(text: string, start: number): { start: number; text: string } | undefined {
  const m = /(?:^|[^\p{L}\p{N}])(an?)[ \t]+$/iu.exec(text.slice(Math.max(0, start - 6), start));
  return m ? { start: start - m[0].length + m[0].indexOf(m[1]!), text: m[1]! } : undefined;
}

// Words that open with a vowel letter and a consonant sound ("a user", "a one-time fee"), or with a
// silent h ("an hour").
const CONSONANT_SOUND = /^(?:u(?:ni|s[aeiu]|r[aeiou]|ti|k)|eu|ew|one(?![a-z])|once)/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;

/** The article for `word`, in the case `like` is written ("A", "an", "AN"). */
function articleFor(word: string, like: string): string {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, '');
  const an = (/^[aeiou]/i.test(w) && !CONSONANT_SOUND.test(w)) || SILENT_H.test(w) || /^[AEFHILMNORSX](?:[A-Z0-9]|$)/.test(w);
  const out = an ? 'an' : 'a';
  if (like === like.toUpperCase() && like.length > 1) return out.toUpperCase();
  return /^\p{Lu}/u.test(like) ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/** [start, end) of the match's first or last word; `only`: the match is that one word. */
function headWord(text: string, start: number, end: number, position: 'first' | 'last'): { start: number; end: number; only: boolean } {
  const words = [...text.slice(start, end).matchAll(/[\p{L}\p{N}'’-]+/gu)];
  const w = position === 'first' ? words[0] : words[words.length - 1];
  const only = words.length === 1;
  return w ? { start: start + w.index, end: start + w.index + w[0].length, only } : { start, end, only };
}

/** Is a capitalised banned word the first word of a company or street name ("Awesome Co")? */
function inCompanyName(text: string, start: number, end: number, found: string): boolean {
  if (!/^\p{Lu}/u.test(found)) return false;
  const next = wordAfter(text, end);
  return next !== undefined && /^\p{Lu}/u.test(next) && NAME_ENDINGS.has(next.toLowerCase());
}

const COMPANY_THINGS = new Set(['team', 'account', 'accounts', 'staff', 'crew', 'family', 'support', 'newsletter', 'app', 'store', 'shop', 'blog', 'community', 'members', 'hq', 'headquarters', 'customers', 'plan', 'subscription']);

/** Is the banned word a company's name: before the company's things, or the document's company before a name ending in any case? */
function namesTheCompany(doc: ProseDocument, text: string, start: number, end: number, found: string): boolean {
  const next = wordAfter(text, end);
  // "your new Awesome account", "the Awesome Team": capitalised before the company's things, a
  // name; "an Awesome time" is the word.
  if (/^\p{Lu}/u.test(found) && next !== undefined && COMPANY_THINGS.has(next.toLowerCase()) && /[\p{L}\p{N},;]\s+$/u.test(text.slice(Math.max(0, start - 3), start))) return true;
  if (!companyNames(doc).has(found.toLowerCase())) return false;
  if (next !== undefined && (NAME_ENDINGS.has(next.toLowerCase()) || (/^\p{Lu}/u.test(found) && /^\p{Lu}/u.test(next)))) return true;
  return /^\p{Lu}/u.test(found) && next !== undefined && COMPANY_THINGS.has(next.toLowerCase());
}

/**
 * What another rule's fix `word` becomes when the guide bans it, so that a fix never makes a
 * finding of this rule: the banned entry's one suggestion in the same form and case ("utilise" is
 * spelt "utilize", which is banned for "use": the fix is "use"); null when the entry has no single
 * suggestion (the fix is not applied); `word` itself when it is not banned.
 */
export function unbanned(guide: Guide, word: string): string | null {
  if (guide.banned.length === 0) return word;
  const tokens = tokenize(word);
  const whole = bannedMatcher(laterFirst(guide.banned))
    .hits(tokens)
    .find((h) => h.first === 0 && h.last === tokens.length);
  if (!whole) return word;
  const { entry } = whole.payload;
  if (entry.use.length !== 1) return null;
  return keepCase(word, inflectSuggestion(entry.use[0]!, whole.form, whole.inflectedWord > 0 ? 'last' : 'first'));
}

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
