// What a replacement needs to stay grammatical where it lands: the part of speech of the words it
// replaces, the form their context asks for ("has run" -> "has operated"), and the case style of
// the line ("# Reach Out To Us" -> "# Get In Touch With Us"). The tagger runs only for a finding.
import type { Block, PartOfSpeech } from '../types.js';
import { tagText, type PosTag, type PosToken } from '../text/pos.js';
import { isTitleCase, sentenceBounds } from './sentence.js';
import { capitalize } from './case.js';
import { wordBefore } from './names.js';

/**
 * The part of speech of a tag. A proper noun (PROPN) is a noun only when `names` says so: the tagger
 * calls most capitalised words it does not know PROPN ("Use it." at a sentence start).
 */
export function wordClass(tag: PosTag | undefined, names = false): PartOfSpeech | undefined {
  if (tag === 'NOUN' || (names && tag === 'PROPN')) return 'noun';
  if (tag === 'VERB' || tag === 'AUX') return 'verb';
  if (tag === 'ADJ') return 'adjective';
  if (tag === 'ADV') return 'adverb';
  return undefined;
}

/** The tokens of the sentence holding text[start, end), tagged. */
// A sentence is read within SENTENCE_REACH of the word and tagged in windows of 3 × TAG_REACH on a
// grid: a line of thousands of banned words must not be scanned and tagged again for each of them.
const SENTENCE_REACH = 400;
const TAG_REACH = 150;
/** The tagged tokens of the sentence around text[start, end), bounded as above. */
export function sentenceTokens(text: string, start: number, end: number): PosToken[] {
  const from = Math.max(0, start - SENTENCE_REACH);
  const [s0, e0] = sentenceBounds(text.slice(from, Math.min(text.length, end + SENTENCE_REACH)), start - from, end - from);
  const s = s0 + from;
  const e = e0 + from;
  if (e - s <= 3 * TAG_REACH) return tagText(text, s, e);
  const w = Math.max(s, s + Math.floor((start - s) / TAG_REACH) * TAG_REACH - TAG_REACH);
  return tagText(text, w, Math.min(e, Math.max(w + 3 * TAG_REACH, end + TAG_REACH)));
}

// A part of speech needs context: the tagger's guess for a fragment of a word or two ("utilize",
// "USES.") is arbitrary.
const MIN_WORDS = 3;
const wordCount = (tokens: PosToken[]): number => tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SPACE' && t.pos !== 'SYM').length;

/** The tag of the word at text[start, end) in its sentence (none in a fragment of one or two words). */
export function tagAt(text: string, start: number, end: number): PosTag | undefined {
  const tokens = sentenceTokens(text, start, end);
  if (wordCount(tokens) < MIN_WORDS) return undefined;
  return tokens.find((t) => t.start <= start && start < t.end)?.pos;
}

// A word before a verb that makes it a past participle: the perfect ("has run") and the passive ("was run").
const PARTICIPLE_BEFORE = new Set(['has', 'have', 'had', 'having', "'ve", '’ve', 'been', 'being', 'be', 'is', 'are', 'was', 'were', 'get', 'gets', 'got', 'gotten']);

/**
 * May a replacement of part of speech `replacement` stand where a word of part of speech `matched`
 * was? A verb for a noun is refused ("The build on is high", "Big affects on sales"). The other
 * pairs say too little: the tagger calls participles it does not know adjectives ("We utilized
 * it") and rare plurals verbs ("two analyses"), and a banned word's suggestions are written as
 * verbs far more often than as nouns.
 */
export function compatible(matched: PartOfSpeech | undefined, replacement: PartOfSpeech | undefined): boolean {
  return !(matched === 'noun' && replacement === 'verb');
}

const lexical = new Map<string, PartOfSpeech | undefined>();
/**
 * The part of speech a word takes on its own, which the tagger reads from its lexicon: "impact",
 * "access" and "leverage" are nouns first, "affect", "reach" and "build" verbs. In context the
 * tagger bends a replacement to fit ("The affect was big" tags "affect" a noun), so the word's own
 * class tells whether it may stand for a noun at all.
 */
export function lexicalClass(word: string): PartOfSpeech | undefined {
  const w = word.toLowerCase();
  if (!lexical.has(w)) lexical.set(w, /^[a-z]+$/.test(w) ? wordClass(tagText(w)[0]?.pos) : undefined);
  return lexical.get(w);
}

const framed = new Map<string, PartOfSpeech | undefined>();
/**
 * The part of speech a word takes after "to": a verb when it can be one ("to email", "to review"),
 * else what it is ("to child": a noun, "to simple": an adjective). Whether a replacement can take
 * a verb's forms (childing, simples are no words of the replacement's).
 */
export function classAfterTo(word: string): PartOfSpeech | undefined {
  const w = word.toLowerCase();
  if (!framed.has(w)) framed.set(w, /^[a-z]+$/.test(w) ? wordClass(tagText(`to ${w}`)[1]?.pos) : undefined);
  return framed.get(w);
}

/** Does the verb at text[start] follow has/have/had or a form of be, so that it is a past participle? */
export function wantsParticiple(text: string, start: number): boolean {
  const before = wordBefore(text, start)?.toLowerCase();
  if (before !== undefined) return PARTICIPLE_BEFORE.has(before);
  // "we've run": the contraction is glued to the word before.
  return /['’]ve\s+$/i.test(text.slice(Math.max(0, start - 8), start));
}

const PARTICLES = new Set(['on', 'up', 'out', 'in', 'off', 'with', 'to', 'for', 'at', 'into', 'down', 'over', 'about', 'through', 'back', 'away']);

/**
 * The part of speech `replacement` takes where it replaces text[start, end): a verb and its particle
 * ("build on", "get in touch") are a verb; one word is tagged in the sentence it would make.
 */
export function replacementClass(text: string, start: number, end: number, replacement: string): PartOfSpeech | undefined {
  const words = replacement.trim().split(/\s+/);
  if (words.length > 1 && PARTICLES.has(words[1]!.toLowerCase())) return 'verb';
  if (words.length > 1) return undefined;
  const from = Math.max(0, start - SENTENCE_REACH);
  const [s0, e0] = sentenceBounds(text.slice(from, Math.min(text.length, end + SENTENCE_REACH)), start - from, end - from);
  // The words around it are enough to tag it, and keep a long line linear.
  const s = Math.max(s0 + from, start - TAG_REACH);
  const e = Math.min(e0 + from, end + TAG_REACH);
  const rewritten = text.slice(s, start) + replacement + text.slice(end, e);
  const at = start - s;
  const tokens = tagText(rewritten);
  if (wordCount(tokens) < MIN_WORDS) return undefined;
  return wordClass(tokens.find((t) => t.start <= at && at < t.end)?.pos);
}

/**
 * The replacement in the case style of what it replaces: every word capitalised when the words it
 * replaces all are ("Reach Out" -> "Get In Touch") or it stands in a Title Case heading (where the
 * heading's own lowercase small words stay lowercase in the replacement too).
 */
export function titleStyle(block: Block, found: string, replacement: string): string {
  const words = found.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const allCapitalised = words.length > 1 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  const titleHeading = block.kind === 'heading' && isTitleCase(block.text) && /^\p{Lu}/u.test(found);
  if (!allCapitalised && !titleHeading) return replacement;
  if (replacement !== replacement.toLowerCase() && replacement !== capitalize(replacement.toLowerCase())) return replacement;
  const smallStayLower = /(?:^|\s)(?:a|an|the|and|or|of|to|in|on|for|with|at|by)\s/.test(block.text.slice(1));
  return replacement
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && smallStayLower && /^(?:a|an|the|and|or|of|to|in|on|for|with|at|by)$/i.test(w) ? w.toLowerCase() : capitalize(w)))
    .join('');
}
