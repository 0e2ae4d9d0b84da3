import type { Rule } from '../types.js';
import { term } from './term.js';
import { trademark } from './trademark.js';
import { banned } from './banned.js';
import { claim } from './claim.js';
import { passiveVoice } from './passive-voice.js';
import { weaselWords } from './weasel-words.js';
import { cliches } from './cliches.js';
import { wordy } from './wordy.js';
import { adverbs } from './adverbs.js';
import { thereIs } from './there-is.js';
import { so } from './so.js';
import { ePrime } from './e-prime.js';
import { exclamations } from './exclamations.js';
import { sentenceLength } from './sentence-length.js';
import { readingGrade } from './reading-grade.js';
import { contractions } from './contractions.js';
import { spelling } from './spelling.js';
import { allCaps } from './all-caps.js';
import { emoji } from './emoji.js';
import { length } from './length.js';
import { hashtags } from './hashtags.js';
import { mentions } from './mentions.js';

// Every rule brandlint knows, in reporting order. One module per rule; add new ones here.
export const RULES: Rule[] = [
  term,
  trademark,
  banned,
  claim,
  passiveVoice,
  weaselWords,
  cliches,
  wordy,
  adverbs,
  thereIs,
  so,
  ePrime,
  exclamations,
  sentenceLength,
  readingGrade,
  contractions,
  spelling,
  allCaps,
  emoji,
  length,
  hashtags,
  mentions,
];

const byId = new Map<string, Rule>();
export function ruleById(id: string): Rule | undefined {
  if (byId.size !== RULES.length) {
    byId.clear();
    for (const r of RULES) byId.set(r.meta.id, r);
  }
  return byId.get(id);
}
