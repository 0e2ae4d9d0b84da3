// Minimizers: "simply" and "just" are banned for telling the reader a step is easy ("simply click",
// "you just run"). The same words also mean "merely" ("is simply a list", "can't simply delete"),
// "recently" ("I just migrated") or "exactly" ("just like"), and there a careful editor leaves them.
import { sentenceTokens } from '../../match/grammar.js';
import type { PosToken } from '../../text/pos.js';

const MINIMIZERS = new Set(['simply', 'just']);
/** Who may be told a step is easy, or say it of themselves ("you simply click", "I simply spin up"). */
const PERSONS = new Set(['you', 'we', 'i', 'they']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'will', 'would', 'should', 'must', 'to']);
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
  if (MODALS.has(before)) return true;
  // "I just want to…" says what the writer wants, not that a step is easy.
  return PERSONS.has(before) && (word === 'simply' || before === 'you');
}

function plainVerb(t: PosToken): boolean {
  const w = t.text.toLowerCase();
  // The tagger often reads an imperative after an adverb as a noun ("Simply prefix your URL").
  return (t.pos === 'VERB' || t.pos === 'NOUN') && t.lemma === w && /^[a-z]+$/.test(w);
}
