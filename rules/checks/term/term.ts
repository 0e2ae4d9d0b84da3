import type { Block, Fix, ProseDocument, Rule, TermEntry, TextEdit } from '../../types.js';
import { termMatcher, phraseHits, type BlockHit, type TermPayload } from '../../match/brand.js';
import type { PhraseHit } from '../../match/phrases.js';
import { amongCapitalised, endsLabel, inCapitals, startsLabel } from '../../match/names.js';
import { isEnglishWord } from '../../tone/dictionary.js';
import { inflect, type Form } from '../../match/inflect.js';
import { capitalize } from '../../match/case.js';
import { isTitleCase, startsSentence } from '../../match/sentence.js';
import { sentenceTokens } from '../../match/grammar.js';
import { replacementEdits, mappedSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { unicodeRegExp } from '../../text/unicode-regexp.js';
import { linkText, namesItsLinkTarget, partOfLinkedSiteName } from '../../match/links.js';
import { commandShownInCode } from '../../match/code-commands.js';

export const term: Rule = {
  meta: {
    id: 'term',
    description: 'Product and brand names are written the one right way (any case variant or listed wrong form is flagged).',
    defaultLevel: 'warning',
    fixable: true,
    docs: ruleDocs('term'),
    category: 'terms',
    scope: 'block',
    // No options: the guide's `terms` list (use, not, because…) is the rule's data.
    options: { type: 'object', properties: {}, additionalProperties: false },
    messages: { wrongForm: 'Write "{{expected}}", not "{{found}}".' },
  },
  check({ doc, guide, report }) {
    if (guide.terms.length === 0) return;
    for (const h of termHits(doc, guide.terms)) {
      const { term: entry, wrong, phrase } = h.payload;
      const found = h.block.text.slice(h.start, h.end);
      const form = h.hit?.form ?? 'base';
      let expected = form === 'base' ? entry.use : inflectLastWord(entry.use, form);
      const shown = oneLine(found);
      // A term broken over two lines ("VS\nCode") or joined by &nbsp; is still written right; so is
      // the text as the term when a `not` form that differs only in case matched it.
      if (shown === expected) continue;
      // An open compound hyphenated inside a compound modifier with an affix ("non-service-mesh
      // use cases", "a service-mesh-specific proxy") needs its hyphens there; a hyphenated noun
      // phrase ("a dev-environment-as-code") does not.
      if (inLongerCompound(h.block.text, h.start, h.end, shown, expected)) continue;
      // A case variant, or a listed form that differs from the term only in case ("Open Source"),
      // may be the term capitalised by the line it stands in: a sentence start, a Title Case
      // heading or label, a longer name ("Service Mesh Academy"), a line in capitals.
      if ((!wrong || caseOnly(guide.terms, phrase)) && styledByItsLine(doc, h.block, h.start, h.end, shown, expected)) continue;
      const span = mappedSpan(h.block, h.start, h.end);
      // A hashtag is one token, case-insensitive on every platform: #javascript and #AcmeCloud (for
      // "Acme Cloud") are the name; another word is fixed to the name joined (#JS -> #JavaScript).
      if (doc.source[span.start - 1] === '#') {
        if (!wrong || shown.toLowerCase() === expected.replace(/\s+/g, '').toLowerCase()) continue;
        expected = expected.replace(/\s+/g, '');
      }
      // A lowercase name that is no English word ("npm", "pnpm") keeps its case at a sentence start.
      if (isLower(expected) && startsSentence(h.block.text, h.start) && !lowercaseName(expected)) expected = capitalize(expected);
      report({
        ...span,
        message: withBecause(`Write ${q(expected)}, not ${q(shown)}.`, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'term'),
        suggestions: [expected],
        fixes: fixesOf(expected, replacementEdits(doc, h.block, h.start, h.end, expected)),
        ref: entry.ref,
      });
    }
  },
};

const isLower = (s: string): boolean => s === s.toLowerCase();
const lowercaseName = (s: string): boolean => /^[a-z][a-z0-9]*$/.test(s) && isEnglishWord(s) === false;

// The affixes that make a compound modifier of a noun: "non-service-mesh", "service-mesh-specific".
const PREFIX = /(?:^|[^\p{L}])(?:non|pre|post|multi|cross|anti|semi|sub|inter|intra|pro|de|re|un)-$/iu;
const SUFFIX = /^-(?:specific|based|related|aware|native|friendly|ready|enabled|like|wide|free|only|centric|agnostic|compatible|powered|driven|style|level|scale|grade|focused|oriented|first)(?![\p{L}-])/iu;

function inLongerCompound(text: string, start: number, end: number, shown: string, expected: string): boolean {
  if (!shown.includes('-') || shown.replace(/-/g, ' ').toLowerCase() !== expected.toLowerCase()) return false;
  return PREFIX.test(text.slice(Math.max(0, start - 7), start)) || SUFFIX.test(text.slice(end, end + 14));
}
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * Is `found` the term `expected` (lowercase) styled by where it stands rather than misspelt: its
 * first letter capitalised at a sentence or label start; its words capitalised in a Title Case
 * heading, field or label, or among the capitalised words of a name ("Open Service Mesh", "We
 * Create Modern Websites"); in capitals in a line written in capitals ("SIGN UP").
 */
function styledByItsLine(doc: ProseDocument, block: Block, start: number, end: number, found: string, expected: string): boolean {
  if (!isLower(expected)) return false;
  const text = block.text;
  if (found === expected.toUpperCase()) return inCapitals(text, start, end);
  if (!titleVariant(found, expected)) return false;
  if (found === capitalize(expected) && startsLabel(text, start)) return true;
  if ((block.kind === 'heading' || block.kind === 'alt' || block.field === 'title' || block.field === 'subject') && isTitleCase(text)) return true;
  return amongCapitalised(text, start, end) || (startsLabel(text, start) && endsLabel(text, end)) || inWorkTitle(doc, block, start, end);
}

/**
 * Does text[start, end) stand in the title of a work, written in Title Case: a link's text ("[Go
 * for Gophers](…)", "[Supercharge Your CI/CD with Service Mesh and Kubernetes](…)"), a list item
 * that is a title ("- Go, Open Source, Community — Russ Cox"), or a line with a subtitle ("From
 * Data to Discovery: Metagenomics, RNA-Seq - NGS Bioinformatics")? Three words or more besides
 * small ones: a link that is the name alone ("[Service Mesh](…)") is still the name.
 */
function inWorkTitle(doc: ProseDocument, block: Block, start: number, end: number): boolean {
  const text = block.text;
  const link = linkText(doc, block, start, end);
  if (link && titled(text.slice(link[0], link[1]))) return true;
  if (block.kind === 'list-item' && titled(text)) return true;
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  const line = text.slice(from, to < 0 ? text.length : to);
  const colon = line.indexOf(': ');
  return colon > 0 && titled(line.slice(0, colon)) && titled(line.slice(colon + 2)) && titled(line);
}

const titled = (s: string): boolean => isTitleCase(s, 3);

/** `found` is `expected` with some words' first letters capitalised ("Dev Environments", "Two-Factor"). */
function titleVariant(found: string, expected: string): boolean {
  if (found.length !== expected.length || found === expected) return false;
  for (let i = 0; i < found.length; i++) {
    if (found[i] === expected[i]) continue;
    if (i > 0 && !/[\s-]/.test(expected[i - 1]!)) return false;
    if (found[i] !== expected[i]!.toUpperCase()) return false;
  }
  return true;
}

const lowerUses = new WeakMap<TermEntry[], Set<string>>();
/** Does a listed form differ from a term's `use` (this entry's or another's) only in case? */
export function caseOnly(terms: TermEntry[], phrase: string): boolean {
  let uses = lowerUses.get(terms);
  if (!uses) lowerUses.set(terms, (uses = new Set(terms.map((t) => oneLine(t.use).toLowerCase()))));
  return uses.has(oneLine(phrase).toLowerCase());
}

/**
 * Is the word at text[start, end) the verb ("go back", "can go wrong", "want to go") rather than a
 * name ("the go toolchain", "download go", "upgrade to go 1.21")? Tags its sentence, only for a
 * name that is also an English word written in lowercase.
 */
function usedAsVerb(text: string, start: number, end: number): boolean {
  const tokens = sentenceTokens(text, start, end);
  const k = tokens.findIndex((t) => t.start <= start && start < t.end);
  const t = tokens[k];
  if (!t || t.end !== end || (t.pos !== 'VERB' && t.pos !== 'AUX')) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  // A version after it, or a verb before it whose object it is, make it the name.
  if (next?.pos === 'NUM') return false;
  if (prev && (prev.pos === 'VERB' || (prev.pos === 'ADP' && tokens[k - 2]?.pos === 'VERB'))) return false;
  return true;
}

/** The English noun after "a", ending its phrase: "give it a go", "have a go."; "a go program" is the name. */
function usedAsNoun(text: string, start: number, end: number): boolean {
  return /(?:^|[^\p{L}])a\s+$/iu.test(text.slice(Math.max(0, start - 3), start)) && /^(?:\s*$|\s*[.,;:!?)]|\s+(?:and|or|at|with)\b)/i.test(text.slice(end, end + 6));
}

/** Written as an English word is: lowercase, or capitalised at a sentence start ("Amp up the volume"). */
const asEnglish = (text: string, start: number, found: string): boolean =>
  isLower(found) || (found === capitalize(found.toLowerCase()) && startsLabel(text, start));

const ALL_CAPS = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u;

/**
 * Term matches that are the term, for the term and trademark rules alike. Dropped before the longest
 * match is chosen:
 * - a form listed under `not` that differs from a term only in case matches only as written
 *   (`not: [Acme cloud]` leaves "Acme Cloud Platform" alone);
 * - with `match: case-sensitive`, only `use` as written is the term ("a home hub" is English);
 * - with `plural: generic`, a plural is a common noun ("two home hubs");
 * - an all-caps term (AMP, LTS) written as an ordinary English word ("amp up the volume");
 * - a capitalised name written in lowercase as an English plural ("twitters") or verb ("go back");
 * - a link's whole text that is the name its address gives its target (`[acme-cli](…/acme/acme-cli)`).
 */
export function termHits(doc: ProseDocument, terms: TermEntry[]): BlockHit<TermPayload>[] {
  const keep = keepTermHit(terms);
  return phraseHits(doc, termMatcher(terms), (block, start, end, hit) => keep(block, start, end, hit) && !namesItsLinkTarget(doc, block, start, end) && !partOfLinkedSiteName(doc, block, start, end) && !(block.kind !== 'alt' && commandShownInCode(doc, block.text, start, end)));
}

export function keepTermHit(terms: TermEntry[]): (block: Block, start: number, end: number, hit: PhraseHit<TermPayload>) => boolean {
  return (block, start, end, hit) => {
    const { term: entry, wrong, phrase } = hit.payload;
    const found = oneLine(block.text.slice(start, end));
    const as = (p: string) => (hit.form === 'base' ? p : inflectLastWord(p, hit.form));
    if (wrong) return !caseOnly(terms, phrase) || found === as(phrase);
    if (entry.plural === 'generic' && hit.form !== 'base') return false;
    if (entry.match === 'case-sensitive') return found === as(entry.use);
    if (found === entry.use || isLower(entry.use)) return true;
    // A capitalised or all-caps name written as an English word may be that word.
    if (ALL_CAPS.test(entry.use) && asEnglish(block.text, start, found) && isEnglishWord(found)) return false;
    if (!isLower(found) || !found.split(' ').every((w) => isEnglishWord(w))) return true;
    // The plural of a name in lowercase is a common noun ("two home hubs") or a verb ("the bot
    // twitters"): real copy writes a plural of a product name with its capitals.
    if (hit.form !== 'base') return false;
    return !(found.indexOf(' ') < 0 && (usedAsVerb(block.text, start, end) || usedAsNoun(block.text, start, end)));
  };
}

const LAST_WORD = unicodeRegExp(String.raw`^(.*?)([\p{L}]+)$`);
function fixesOf(expected: string, edits: TextEdit[] | undefined): Fix[] {
  return edits && edits.length > 0 ? [{ title: `Replace with "${expected}"`, edits }] : [];
}

export function inflectLastWord(phrase: string, form: Form): string {
  const m = LAST_WORD.exec(phrase);
  if (!m) return phrase;
  return m[1]! + inflect(m[2]!, form);
}
