import type { Block } from '../../types.js';
import { writeGoodRule } from '../../tone/write-good.js';
import type { Sentence } from '../../text/sentences.js';

// Participles that after "be" name a feeling or a state, not an action done to the subject: "we
// are excited", "they were amazed by the attention", "Sizes are limited". A participle lexicon, not
// the part-of-speech tagger: wink-nlp reads nearly every "be" + participle without an agent as an
// adjective ("are configured through annotations", "may be abbreviated", "was formalized" all come
// out ADJ), which would hide real passives.
const STATE = new Set([
  'amazed', 'astonished', 'bored', 'committed', 'concerned', 'confused', 'delighted', 'disappointed', 'embarrassed',
  'excited', 'exhausted', 'fascinated', 'frustrated', 'honored', 'honoured', 'humbled', 'impressed', 'interested',
  'intrigued', 'limited', 'overjoyed', 'overwhelmed', 'pleased', 'puzzled', 'relieved', 'satisfied', 'shocked', 'stunned',
  'surprised', 'thrilled', 'tired', 'touched', 'worried', 'unprecedented', 'convinced',
  // Adjectives in -ed that name a quality, not a deed: "is nuanced", "These are advanced tools".
  'advanced', 'nuanced', 'sophisticated', 'complicated', 'experienced', 'skilled', 'talented', 'opinionated', 'outdated',
]);
// Participles of verbs that take no object cannot be passive: "the package will be gone", "since
// you've been gone", "the old rule is gone".
const INTRANSITIVE = new Set(['gone', 'come', 'fallen', 'risen', 'arisen', 'happened', 'vanished', 'disappeared', 'departed', 'elapsed', 'occurred', 'emerged', 'existed']);
// "is set to release on Monday": scheduled, said of an event.
const SCHEDULED = /^\s+to\s+(?:release|launch|land|ship|arrive|begin|start|debut|become|improve|transform|expire|end|return|reach|join|take place)\b/i;
// "be packed with": full of.
const FULL = new Set(['packed', 'filled', 'loaded', 'crammed', 'stuffed', 'jam-packed']);
// "un-" + participle is an adjective ("unaffected", "unchanged", "unprecedented") unless "un-X" is
// itself a verb whose participle it is ("was unlocked by the admin").
const UN_VERBS = /^un(?:lock|install|pack|load|mount|link|block|wrap|subscrib|pin|mut|archiv|assign|register|follow|zipp|tangl|plugg|do|dress|fold|leash|veil|earth|cover|screw|tie|ti|hook|check|select|stag|bundl|merg|nest)(?:ed|d)$/;

/** Is the write-good hit [start, end) ("was deleted", "are excited") a passive? */
function isPassive(block: Block, start: number, end: number, sentence: Sentence): boolean {
  const t = block.text;
  const word = /[\p{L}'’-]+$/u.exec(t.slice(start, end))?.[0].toLowerCase() ?? '';
  const after = t.slice(end, Math.min(t.length, end + 40));
  if (after.startsWith('-')) return false; // "is built-in": a compound adjective
  if (STATE.has(word)) return false;
  if (word.startsWith('un') && word.endsWith('ed') && !UN_VERBS.test(word)) return false;
  if (FULL.has(word) && /^\s+with\b/i.test(after)) return false;
  if ((word === 'meant' || word === 'supposed') && /^\s+to\b/i.test(after)) return false; // "is meant to": is supposed to
  if (INTRANSITIVE.has(word)) return false;
  if (word === 'set' && SCHEDULED.test(after)) return false;
  // "Once you are done": finished, said of a person.
  if (word === 'done' && /\b(?:I|you|we|they|he|she)\s*$/i.test(t.slice(sentence.start, start))) return false;
  // Finished, said of a thing, where its clause ends: "until the GC is done", "the design is done,
  // but", "when the work is finished". Not after a modal or "to" ("can be done", "work to be
  // done"): that is the deed.
  if ((word === 'done' || word === 'finished') && /^(?:is|are|was|were)\b/i.test(t.slice(start, end)) && /^\s*(?:[.,;:!?)*_]|$|(?:and|but|so)\s+(?:it|we|you|they|this|that|there|the)\b)/.test(after)) return false;
  return true;
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
