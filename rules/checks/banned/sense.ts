// Minimizers: "simply" and "just" are banned for telling the reader a step is easy ("simply click",
// "you just run"). The same words also mean "merely" ("is simply a list", "can't simply delete"),
// "recently" ("I just migrated") or "exactly" ("just like"), and there a careful editor leaves them.
// "Of course" is banned for presenting something as known or easy ("Of course, you need…", "The
// main one is of course X"); as a concession, the writer's own assurance, the last name in a list
// of thanks or an answer it tells the reader nothing of the kind.
import { sentenceTokens } from '../../match/grammar.js';
import type { PosToken } from '../../text/pos.js';

const MINIMIZERS = new Set(['simply', 'just', 'of course']);
/** Who may be told a step is easy, or say it of themselves ("you simply click", "I simply spin up"). */
const PERSONS = new Set(['you', 'we', 'i', 'they']);
// Not "to": an infinitive after a noun or an adjective ("the plan was to simply replace", "easier
// to simply enumerate") says "merely"; "To get started, simply prefix" has its comma before it.
const MODALS = new Set(['can', 'could', 'may', 'might', 'will', 'would', 'should', 'must']);
/** Who may do a step after a modal ("users can simply apply", "one can just write"). */
const DOERS = new Set([...PERSONS, 'one', 'users', 'developers', 'people', 'teams', 'customers', 'anyone', 'everyone', 'readers', 'folks']);
// Verbs that state rather than do ("simply put", "just want to", "just like"): no step to make easy.
const NOT_STEPS = new Set(['put', 'want', 'need', 'like', 'love', 'know', 'think', 'be', 'have', 'say', 'mean']);
const NEGATIONS = new Set(['not', "n't", 'never', 'cannot', 'than']);

/** Is the banned phrase a minimizer whose sense depends on what it modifies? */
export function isMinimizer(phrase: string): boolean {
  return MINIMIZERS.has(phrase.toLowerCase());
}

/**
 * Does the minimizer at text[start, end) present a step as easy: before an instruction ("Simply
 * reply", "…, simply reply"), a step the reader or writer takes ("you simply click", "we can just
 * run"), or a means ("simply by setting an annotation")? Tags the sentence; only called for a hit.
 */
export function presentsAsEasy(text: string, start: number, end: number): boolean {
  const found = text.slice(start, end).toLowerCase();
  if (/^of\s/.test(found)) return presentsAsKnown(text, start, end, found);
  const tokens = sentenceTokens(text, start, end).filter((t) => t.pos !== 'SPACE');
  const k = tokens.findIndex((t) => t.start === start && t.end === end);
  if (k < 0) return true;
  const word = tokens[k]!.text.toLowerCase();
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!next) return false;
  const nextWord = next.text.toLowerCase();
  if (nextWord === 'by') return tokens[k + 2]?.text.toLowerCase().endsWith('ing') ?? false;
  if (prev && NEGATIONS.has(prev.text.toLowerCase())) return false;
  // A step is a verb in its plain form: "simply tries", "just migrated" describe, they do not instruct.
  if (!plainVerb(next) || NOT_STEPS.has(nextWord)) return false;
  if (!prev || prev.pos === 'PUNCT' || /^(and|or|then)$/i.test(prev.text)) return true;
  const before = prev.text.toLowerCase();
  // After a modal, the step is someone's to take: "you can simply run", "users can just apply".
  // A thing that "can simply run the loop" is a mechanism described ("merely").
  if (MODALS.has(before)) {
    const subject = tokens[k - 2];
    return !subject || subject.pos === 'PUNCT' || DOERS.has(subject.text.toLowerCase()) || subject.pos === 'PRON';
  }
  // "I just want to…" says what the writer wants, not that a step is easy.
  return PERSONS.has(before) && (word === 'simply' || before === 'you');
}

function plainVerb(t: PosToken): boolean {
  const w = t.text.toLowerCase();
  // The tagger often reads an imperative after an adverb as a noun ("Simply prefix your URL").
  return (t.pos === 'VERB' || t.pos === 'NOUN') && t.lemma === w && /^[a-z]+$/.test(w);
}

// What closes a clause, so that "of course" before it is an afterthought: "(modulo bugs, of course)".
const CLAUSE_ENDS = new Set(['.', '!', '?', ';', ':', ')', ']', '…']);
const CONCESSIVE = new Set(['but', 'though', 'although', 'yet']);
const FIRST_PERSON = new Set(['we', 'i']);
// An auxiliary chain after the writer ("we'll", "we cannot", "we're not"), by lemma.
const AUX_CHAIN = new Set(['will', 'shall', 'can', 'could', 'would', 'do', 'be', 'have', 'not', 'never']);
// Assurance is a commitment ("we will continue") or an admission ("we don't have"); "we'd love to"
// is neither.
const COMMITS = new Set(['will', 'shall', 'not', 'never']);
// Thanks or credit before a list: its last name, "and of course X", closes the list.
const THANKS = /\b(?:thanks?|thanked|thankful|grateful|gratitude|credit|acknowledge|without the (?:help|work|support|leadership|efforts?|contributions?) of|(?:never|not) have (?:happened|been possible) without|made possible)\b/i;
const THANKS_REACH = 300;

/**
 * Does "of course" at text[start, end) present something as known or easy to the reader? Not as a
 * concession closing its clause ("Everyone has their own things to master, of course, but…",
 * "(modulo bugs, of course)", "though of course…"), an answer ("Of course!"), the writer's own
 * assurance or admission ("We'll of course look", "Of course, we will fix bugs", "We cannot of
 * course forget"), the last item of a list of thanks ("…, and of course the community"), nor the
 * plural noun ("a set of courses").
 */
function presentsAsKnown(text: string, start: number, end: number, found: string): boolean {
  if (!/^of\s+course$/.test(found)) return false;
  const tokens = sentenceTokens(text, start, end).filter((t) => t.pos !== 'SPACE');
  const k0 = tokens.findIndex((t) => t.start === start);
  const k1 = tokens.findIndex((t) => t.end === end);
  if (k0 < 0 || k1 < k0) return true;
  const lower = (i: number): string | undefined => tokens[i]?.text.toLowerCase();
  const prev = lower(k0 - 1);
  const next = lower(k1 + 1);
  const reader = tokens.slice(0, k0).some((t) => /^(?:you|your)$/i.test(t.text));
  const closes = next === undefined || (CLAUSE_ENDS.has(next) && !(next === ')' && prev === '(')) || (next === ',' && CONCESSIVE.has(lower(k1 + 2) ?? ''));
  // "…, of course." after a sentence that tells the reader what to do still presumes: "You'll need Docker, of course."
  if (closes && !reader) return false;
  if (prev === 'though' || prev === 'although') return false;
  if (writerAssures(tokens, k0, k1)) return false;
  const and = prev === 'and' || (prev === ',' && lower(k0 - 2) === 'and');
  if (and && THANKS.test(text.slice(Math.max(0, (tokens[0]?.start ?? start) - THANKS_REACH), start))) return false;
  return true;
}

/** Is "of course" (tokens k0..k1) beside the writer's commitment or admission: "we'll of course", "of course, we will"? */
function writerAssures(tokens: PosToken[], k0: number, k1: number): boolean {
  const chainFrom = (i: number, step: 1 | -1): { at: number; commits: boolean } => {
    let commits = false;
    while (tokens[i] && AUX_CHAIN.has(tokens[i]!.lemma) && (tokens[i]!.pos === 'AUX' || tokens[i]!.pos === 'PART' || tokens[i]!.pos === 'ADV')) {
      commits ||= COMMITS.has(tokens[i]!.lemma);
      i += step;
    }
    return { at: i, commits };
  };
  // Before: "We'll of course", "We cannot of course", "we, of course, will".
  let i = k0 - 1;
  if (tokens[i]?.text === ',') i--;
  const before = chainFrom(i, -1);
  if (FIRST_PERSON.has(tokens[before.at]?.text.toLowerCase() ?? '')) {
    const after = chainFrom(k1 + 1 + (tokens[k1 + 1]?.text === ',' ? 1 : 0), 1);
    if (before.commits || after.commits) return true;
  }
  // After: "Of course, we will", "Of course, for other things (…), we don't have".
  let j = k1 + 1;
  if (tokens[j]?.text === ',') j++;
  if (tokens[j]?.pos === 'ADP') j = pastPhrase(tokens, j);
  if (!FIRST_PERSON.has(tokens[j]?.text.toLowerCase() ?? '')) return false;
  return chainFrom(j + 1, 1).commits;
}

// An introductory phrase runs to its comma ("for other things (like X), we…"); a bounded look.
const PHRASE_REACH = 16;
function pastPhrase(tokens: PosToken[], j: number): number {
  let depth = 0;
  for (let i = j; i < Math.min(tokens.length, j + PHRASE_REACH); i++) {
    const t = tokens[i]!.text;
    if (t === '(' || t === '[') depth++;
    else if ((t === ')' || t === ']') && depth > 0) depth--;
    else if (t === ',' && depth === 0) return i + 1;
  }
  return j;
}

// Verbs whose "to" is an obligation or a wish: "the files dependencies need in order to work"
// becomes "need to work", which reads as an obligation.
const TO_VERBS = /^(?:need|needs|needed|needing|have|has|had|having|require|requires|required|requiring|want|wants|wanted|wanting|got|ought)$/i;

/**
 * Would the suggestion, a purpose "to" (for "in order to", "so as to"), read as part of the verb
 * before the match: "need in order to work" → "need to work"? Then the phrase is still worth a
 * rewrite but not this one.
 */
export function toJoinsVerb(text: string, start: number, suggestion: string): boolean {
  if (!/^to\b/i.test(suggestion)) return false;
  const before = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1];
  return before !== undefined && TO_VERBS.test(before);
}
