import type { Rule } from '../types.js';
import { term } from './term/term.js';
import { trademark } from './trademark/trademark.js';
import { banned } from './banned/banned.js';
import { claim } from './claim/claim.js';
import { passiveVoice } from './passive-voice/passive-voice.js';
import { weaselWords } from './weasel-words/weasel-words.js';
import { cliches } from './cliches/cliches.js';
import { wordy } from './wordy/wordy.js';
import { adverbs } from './adverbs/adverbs.js';
import { thereIs } from './there-is/there-is.js';
import { so } from './so/so.js';
import { ePrime } from './e-prime/e-prime.js';
import { exclamations } from './exclamations/exclamations.js';
import { sentenceLength } from './sentence-length/sentence-length.js';
import { readingGrade } from './reading-grade/reading-grade.js';
import { contractions } from './contractions/contractions.js';
import { spelling } from './spelling/spelling.js';
import { allCaps } from './all-caps/all-caps.js';
import { emoji } from './emoji/emoji.js';
import { length } from './length/length.js';
import { hashtags } from './hashtags/hashtags.js';
import { mentions } from './mentions/mentions.js';

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
