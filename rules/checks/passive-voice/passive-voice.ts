import type { Block } from '../../types.js';
import { writeGoodRule } from '../../tone/write-good.js';
import type { Sentence } from '../../text/sentences.js';
import { tagText } from '../../text/pos.js';

// Participles that after "be" name a feeling or a state, not an action done to the subject: "we
// are excited", "they were amazed by the attention", "is packed with features". The tagger knows
// most of them in context; these are the ones it calls verbs.
const STATE = new Set([
  'amazed', 'astonished', 'bored', 'committed', 'concerned', 'confused', 'delighted', 'disappointed', 'embarrassed',
  'excited', 'exhausted', 'fascinated', 'frustrated', 'honored', 'honoured', 'humbled', 'impressed', 'interested',
  'intrigued', 'overjoyed', 'overwhelmed', 'pleased', 'puzzled', 'relieved', 'satisfied', 'shocked', 'stunned',
  'surprised', 'thrilled', 'tired', 'touched', 'worried',
]);
// "be packed with": full of.
const FULL = new Set(['packed', 'filled', 'loaded', 'crammed', 'stuffed', 'jam-packed']);

/** Is the write-good hit [start, end) ("was deleted", "are excited") a passive? */
function isPassive(block: Block, start: number, end: number, sentence: Sentence): boolean {
  const t = block.text;
  const word = /[\p{L}'’-]+$/u.exec(t.slice(start, end))?.[0].toLowerCase() ?? '';
  const after = t.slice(end, Math.min(t.length, end + 40));
  if (after.startsWith('-')) return false; // "is built-in": a compound adjective
  if (STATE.has(word)) return false;
  if (FULL.has(word) && /^\s+with\b/i.test(after)) return false;
  if ((word === 'meant' || word === 'supposed') && /^\s+to\b/i.test(after)) return false; // "is meant to": is supposed to
  // "Once you are done": finished, said of a person.
  if (word === 'done' && /\b(?:I|you|we|they|he|she)\s*$/i.test(t.slice(sentence.start, start))) return false;
  // An agent ("was deleted by the job"), a purpose ("is configured to retry"), "being" + participle.
  if (/^\s+(?:by|to)\b/i.test(after) || /^being\b/i.test(t.slice(start, end))) return true;
  // The tagger, on this sentence only: a participle it reads as an adjective ("was unprecedented",
  // "were interested in") is be + adjective.
  const tokens = tagText(t, sentence.start, sentence.end);
  const last = tokens.find((x) => x.start < end && x.end >= end);
  return !last || last.pos !== 'ADJ';
}

// Active sentences say who does what. write-good's "passive" check finds the candidates (a form of
// "be" and a participle); be + adjective is not passive.
export const passiveVoice = writeGoodRule({
  id: 'passive-voice',
  check: 'passive',
  description: 'Flags verbs in the passive voice ("was killed"), which hide who acts.',
  message: (found) => `"${found}" may be passive voice. Say who acts.`,
  messages: { passive: '"{{found}}" may be passive voice. Say who acts.' },
  keep: (block, start, end, sentence) => isPassive(block, start, end, sentence),
});
