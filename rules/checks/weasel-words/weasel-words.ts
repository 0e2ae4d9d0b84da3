import type { Block, Guide } from '../../types.js';
import { writeGoodRule } from '../../tone/write-good.js';
import { numberOption } from '../../tone/common.js';
import type { Sentence } from '../../text/sentences.js';
import { tagText } from '../../text/pos.js';

const ID = 'weasel-words';
export const DEFAULT_CONFIDENCE = 0.5;

// How sure a hit of write-good's weasel list is to be a weasel word, from 0 to 1. Hedges and
// intensifiers ("very", "quite", "fairly", "clearly") are weasels in most uses; a quantity word
// ("many", "few", "several", "various") is one only where it stands in for a figure the copy
// should give: a claim about people or results ("Many teams…", "several improvements"), vague
// urgency ("only a few left"). Where a list or examples follow, in a question ("how many days?"),
// in a time span ("for many years") the count does not matter.
const QUANTITY = /^(?:many|few|several|various|are a number|is a number)$/i;
// Who the count generalises about: "Many developers prefer…", "many of our customers".
const PEOPLE = /^\s+(?:of\s+(?:our|the|your|their)\s+)?(?:\S+\s+)?(?:users|customers|clients|teams|companies|organi[sz]ations|businesses|developers|engineers|respondents|members|workloads)\b/i;
// …and what people think or do, as the subject: "Many people want it", "Many felt it was easy",
// "several people told us". Credit and thanks ("work by many people") count nothing to quantify.
const THINKS = String.raw`(?:(?:have|had|also|still|already)\s+)*(?:want(?:ed)?|think|thought|believe[ds]?|feel|felt|say|said|wrote|told|noted|mentioned|reported|responded|prefer(?:red)?|expect(?:ed)?|agree[ds]?|struggle[ds]?|complain(?:ed)?)`;
const OPINION_SUBJECT = new RegExp(String.raw`^\s+(?:(?:people|folks|interviewees|participants|readers|programmers|non-users)\s+(?:${THINKS}|are|were)|${THINKS})\b`, 'i');
// What a release counts: "several improvements". "A few improvements" is modest, and the items
// follow it; "many" and "several" inflate a count the copy could give.
const RESULTS = /^\s+(?:\S+\s+)?(?:improvements|enhancements|features|benefits|fixes|advantages|integrations)\b/i;
const EXAMPLES_FOLLOW = /:|\b(?:including|such as|like|e\.g\.|for example|for instance|namely)\b/i;
const TIME_SPAN = /^\s+(?:\S+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?|times)\b/i;
// The list it counts follows: the sentence leads into it with a colon ("several fixes for those
// building from source:") or names them in brackets ("many team members attending (Alice, Ben, Jo)").
const LEADS_INTO_LIST = /:\s*$/;
// …or names them after a colon right after what it counts: "grew in many metrics: users, stars, …".
const LIST_AFTER_NOUN = /^\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+\s*:\s*\S+(?:\s+\S+){0,3}?\s*,/u;
const ITEM = "[^\\s(),]+(?:\\s+[^\\s(),]+){0,2}";
const NAMED_IN_BRACKETS = new RegExp(`^\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,4}\\(\\s*${ITEM}(?:\\s*,\\s*${ITEM}){2,}\\s*\\)`, 'u');
// Credit: "Many people came together to create X", with the people linked or listed after it.
const CREDIT = /^\s+(?:\S+\s+)?(?:people|contributors|folks|individuals|volunteers)\s+(?:have\s+)?(?:came together|come together|contributed|helped|worked|pitched in)\b/i;
// Credit to a named contributor: "Makai contributed several bug fixes".
const NAMED_CREDIT = /\b\p{Lu}[\p{L}'’-]+\s+(?:also\s+)?(?:contributed|submitted|landed|authored|upstreamed)\s+$/u;
// A degree the sentence also gives as a figure: "can substantially speed up…; another 33% speedup".
const MAGNITUDE = /^(?:substantially|significantly|considerably|dramatically|drastically|greatly|vastly|hugely|massively)$/;
const FIGURE = /(?<![\d.,])\d[\d.,]*\s*(?:%|percent\b|x\b|×|times\b|ms\b|[KMGT]i?B\b)/i;
const figureIn = new WeakMap<Sentence, boolean>();
/** How far after its sentence a degree's figure may follow (about one sentence). */
const FIGURE_REACH = 160;
// The sentence after it leads into the items it counts.
const LIST_NEXT = /^\s*(?:here are|here's|here is|these include|they include|the following|highlights include|among them|first(?:ly)?(?: up| of all| off)?,)/i;
/** Does "a huge number of X" get its count of X right after: "more than 200 issues"? */
function countFollows(t: string, end: number, sentenceEnd: number): boolean {
  const noun = /^\s+number\s+of\s+([\p{L}-]{3,})/u.exec(t.slice(end, end + 60))?.[1];
  if (!noun) return false;
  const stem = noun.replace(/e?s$/i, '');
  return new RegExp(String.raw`\d[\d,.]*\+?\s+${stem.replace(/[-]/g, '\\-')}`, 'i').test(t.slice(end, sentenceEnd + FIGURE_REACH));
}
/** Does the sentence give a figure? Once per sentence, however many hits it holds. */
function hasFigure(sentence: Sentence): boolean {
  let r = figureIn.get(sentence);
  if (r === undefined) figureIn.set(sentence, (r = FIGURE.test(sentence.text)));
  return r;
}
// A limiting qualifier states how far something holds ("the work is mostly done", "largely
// unstructured", "mainly a bug-fix release"): a caveat an editor keeps, where an intensifier
// ("very", "extremely") only adds weight.
const LIMITING = /^(?:mostly|largely|mainly|partly|partially|primarily)$/;
// …except on what people think, a result a survey or a claim should give as a figure ("Users are
// mostly satisfied").
const OPINION = /^\s+(?:satisfied|happy|positive|pleased|favou?rable|agree[ds]?|prefer(?:red|s)?|love[ds]?|like[ds]?)\b/i;
// …or in brackets later in its sentence: "Few respondents rank Rust as a language they know (6.8%)".
const PERCENT = /\(\s*[\d.,]+\s*(?:%|percent\b)\s*\)/;
const COUNT_IN_BRACKETS = /^\s+(?:[\p{L}'’-]+\s+){0,3}\(\s*(?:n\s*=\s*)?[\d.,]+\s*(?:%|percent\b)?[^()]{0,40}\)/u;
const DEGREE = String.raw`(?:not at all|slightly|somewhat|moderately|fairly|quite|very|extremely|highly|completely|mostly|a little|not very)`;
const SCALE_BEFORE = new RegExp(String.raw`\b${DEGREE}\s*(?:,\s*${DEGREE}\s*)*,?\s*(?:or|and|to|/)\s+$`, 'i');
const SCALE_AFTER = new RegExp(String.raw`^\s*(?:,\s*${DEGREE}\s*)*,?\s*(?:or|/)\s+${DEGREE}\b`, 'i');
// A measured amount: "20 RPS", "3 seconds", "40%".
const MEASURE = /(?<![\w.])\d[\d,]*(?:\.\d+)?\s*(?:%|×|x\b|[A-Z]{2,}\b|(?:ms|seconds?|minutes?|hours?|days?|weeks?|requests?|bytes|[KMGT]i?B|times)\b)/;
const SIZE = /^(?:huge|vast|tiny|massive|enormous)$/;
const PRAISE = /^(?:excellent|great|amazing|huge|tremendous|wonderful|fantastic|awesome|incredible|outstanding|extremely|very)$/;
const POINTER = /^\s+(?:(?:blog|guest)\s+)?(?:article|post|write-?up|introduction|example|tutorial|guide|book|paper|talk|session|presentation|overview|explanation|summary|series|video|walkthrough)\b/i;
const THANKS = /\b(?:thanks?|thank you|grateful|gratitude|kudos|shout-?outs?)\b/i;
const EXTENT = /^\s+(?:re(?:think|design|write|build|work|architect|structure|imagine|shape|do|make)[a-z]*|re[a-z]{3,}(?:ed|en|t)|different|separate|independent|unrelated|distinct|removed|replaced|eliminated|new\s+(?:implementation|design|architecture|version|codebase|approach))\b/i;
const REWORK = /^[\s\uFFFC\[\]()]+(?:re(?:vis|factor|writ|design|work|structur|architect|think|build|organi[sz])[a-z]*)\b/i;
const MANNER_VERB = /^\s+(?:come through|came through|come across|came across|see|seen|mark|marked|label|labell?ed|communicate|explain|explained|describe|described|state|stated|define|defined|document|documented|identify|identified|indicate|separate|separated|distinguish|express|expressed|understand|read|hear|visible|laid out|written|worded)\b/i;
// Examples named in the sentence: "many other features, such as Git integration".
const NAMED_EXAMPLES = /\b(?:such as|including|e\.g\.|for example|for instance|namely)\b/i;

/** The confidence of the hit [start, end) in `sentence` of `block`. */
export function weaselConfidence(block: Block, start: number, end: number, sentence: Sentence): number {
  const t = block.text;
  const word = t.slice(start, end).toLowerCase();
  const before = t.slice(sentence.start, start);
  const after = t.slice(end, sentence.end);
  // A word quoted as a word is mentioned, not used: the "very" in 'avoid "very"'.
  if (/["'“‘`]$/.test(before) && /^["'”’`]/.test(after)) return 0.1;
  // Use–mention and emphatic "very": "this very post", "the very point", "at the very least".
  if (word === 'very' && /\b(?:this|that|these|those|the|its|their|our|his|her)\s+$/i.test(before)) return 0.2;
  // A scale's label: "10 being very likely", "Very satisfied" alone.
  if (word === 'very' && (/\d\s+(?:being|=|is|means)\s+$/i.test(before) || (/^\s*$/.test(before) && /^\s+(?:likely|unlikely|satisfied|dissatisfied|good|poor)\s*$/i.test(after)))) return 0.2;
  if (word === 'very' && /^\s+much\s+appreciated\b/i.test(after)) return 0.2;
  // Precise, not vague: "doesn't completely eliminate" means partly.
  if (/^(?:completely|entirely|fully)$/.test(word) && /(?:\bnot|n't|n’t|\bnever|\bcannot)\b[^.,;:!?]{0,30}$/i.test(before)) return 0.2; // "cannot break completely": partly
  // "was not significantly below": about equal, a finding, not an inflated degree.
  if (MAGNITUDE.test(word) && /(?:\bnot|n't|n’t|\bnever)[\s*_]+$/i.test(before)) return 0.2;
  if (/^(?:completely|entirely|totally)$/.test(word) && /^\s+new\s+to\b/i.test(after)) return 0.2; // "If you're completely new to GitOps": a beginner
  // Manner, not presumption: "to clearly mark", "clearly communicate", "word it more clearly".
  if (word === 'clearly' && (MANNER_VERB.test(after) || /\b(?:more|less|as|so)\s+$/i.test(before) || /\b(?:come|came|comes) through\s+$/i.test(before))) return 0.3;
  // A survey's answer scale: "somewhat or very satisfied", "very or extremely productive".
  if (SCALE_BEFORE.test(before) || SCALE_AFTER.test(after)) return 0.2;
  // Praise inside thanks is courtesy, not a claim: "thanks to the excellent speakers".
  if (PRAISE.test(word) && THANKS.test(sentence.text)) return 0.2;
  // …and of a work the copy points to: "this excellent article by Felix", "an excellent introduction".
  if (PRAISE.test(word) && POINTER.test(after) && /\b(?:this|that|an|the|her|his|their)\s+$/i.test(before)) return 0.3;
  // How far a change went: "completely rewritten", "entirely different".
  // …or that it is over: "the site is now completely powered by the Hub".
  if (/^(?:completely|entirely|fully)$/.test(word) && (EXTENT.test(after) || /\bnow\s+$/i.test(before))) return 0.4;
  if (MAGNITUDE.test(word) && REWORK.test(after)) return 0.4; // "significantly refactored": how far a redesign went
  // "a huge number of issues. … we know of more than 200 issues": the count follows.
  if (SIZE.test(word) && countFollows(t, end, sentence.end)) return 0.4;
  // A size at one end of a range names the range: "from small startups to huge enterprises".
  if (SIZE.test(word) && /\bfrom\s+(?:\S+\s+){0,3}?(?:small|tiny|little|individual)\b[^.;:!?]{0,60}\bto\s+$/i.test(before)) return 0.3;
  // A relative degree with its baseline: "the relatively calm level of 20 RPS", "now relatively
  // simple, while it used to require threads".
  if (word === 'relatively' && (MEASURE.test(sentence.text) || /\b(?:than|compared (?:to|with)|used to|previously)\b/i.test(after))) return 0.4;
  // Thanks are not claims: "Huge thanks", "Thank you very much", "a big thank you to".
  if (/^\s+(?:thanks|thank you|shout-?outs?)\b/i.test(after) || (/\bthank(?:s| you)\s+(?:\S+\s+)?$/i.test(before) && /^\s+much\b/i.test(after))) return 0.2;
  // "not quite" means "not exactly", "for quite some time" and "not … quite yet" are stock phrases:
  // cutting "quite" changes them.
  if (word === 'quite' && (/(?:\bnot|n't|n’t)\s+$/i.test(before) || /^\s+(?:some time|a while|yet)\b/i.test(after))) return 0.2;
  // A degree the copy gives as a figure, in its sentence or right after it: "significantly
  // smaller resource cost: 1/6th the memory", "a very similar story (14ms vs 26ms)".
  if ((MAGNITUDE.test(word) || word === 'very') && (hasFigure(sentence) || FIGURE.test(t.slice(sentence.end, sentence.end + FIGURE_REACH)))) return 0.4;
  if (LIMITING.test(word) && !OPINION.test(after)) return 0.4;
  if (!QUANTITY.test(word)) return 0.8;

  if (/(?:\bnot|n't|n’t)\s+$/i.test(before)) return 0.2; // "Not many respondents": a count played down, not claimed
  const question = /\?["'”’)\]]*\s*$/.test(sentence.text);
  if (question || /\b(?:how|so|too)\s+$|\b(?:twice|thrice|half|times)\s+(?:that|this)\s+$/i.test(before) || (/\bas\s+$/i.test(before) && /^\s+(?:\S+\s+){0,3}?as\b/i.test(after))) return 0.2; // "how many days?", "so many years", "twice that many", "as many (developers) as"
  if (word === 'many' && /^\s+(?:thanks|more)\b/i.test(after)) return 0.2; // "many thanks", "and many more"
  if (/\b(?:first|last|next|past|final)\s+$/i.test(before)) return 0.2; // "the first few bytes"
  if (word === 'few' && /\bthe\s+$/i.test(before)) return 0.2; // "The few teams that use IRC": a known set, not a count
  // The next sentence introduces the list: "many improvements over Go 1.23. Here are some of the notable changes".
  if (LIST_NEXT.test(t.slice(sentence.end, sentence.end + 40))) return 0.3;
  if (/\bonly\s+(?:a\s+)?$/i.test(before) && /^\s+(?:\S+\s+){0,2}(?:left|remaining|available)\b/i.test(after)) return 0.9; // "only a few spots left": urgency
  // The count given in brackets after it: "many respondents (29%)", "Few survey respondents (6.8%) said".
  if (COUNT_IN_BRACKETS.test(after) || PERCENT.test(after)) return 0.4;
  if (NAMED_EXAMPLES.test(after)) return 0.2;
  if (LEADS_INTO_LIST.test(after) || NAMED_IN_BRACKETS.test(after) || LIST_AFTER_NOUN.test(after)) return 0.2;
  if (CREDIT.test(after) && block.marks.some((m) => m.kind === 'link' && m.at >= end)) return 0.3;
  if (NAMED_CREDIT.test(before)) return 0.4;
  if (changelogEntry(block, sentence, start)) return 0.4;
  if (PEOPLE.test(after) || OPINION_SUBJECT.test(after) || (word !== 'few' && RESULTS.test(after))) return 0.8;
  if (TIME_SPAN.test(after)) return 0.2;
  if (EXAMPLES_FOLLOW.test(after)) return 0.2;
  return 0.4;
}

/**
 * Is the hit the head of a list item that is one verbless line of a changelog: "Many minor
 * improvements to the documentation."? The entry summarises; its count does not matter.
 */
function changelogEntry(block: Block, sentence: Sentence, start: number): boolean {
  if (block.kind !== 'list-item' || !/^[\s*_]*$/.test(block.text.slice(0, start))) return false;
  return !tagText(block.text, sentence.start, sentence.end).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

function threshold(guide: Guide): number {
  return Math.min(1, numberOption(guide, ID, 'confidence', DEFAULT_CONFIDENCE));
}

// Confident copy commits to a claim. write-good's "weasel" check finds the candidates; each has a
// confidence and the guide's `confidence` (default 0.5) is the lowest reported.
export const weaselWords = writeGoodRule({
  id: ID,
  check: 'weasel',
  description: 'Flags weasel words ("very", "quite", "several") that weaken a statement.',
  message: (found) => `"${found}" is a weasel word and can weaken meaning.`,
  messages: { weasel: '"{{found}}" is a weasel word and can weaken meaning.' },
  options: {
    confidence: {
      type: 'number',
      minimum: 0,
      default: DEFAULT_CONFIDENCE,
      description: 'The lowest confidence reported, from 0 (every candidate) to 1: quantity words ("many", "few") where a list follows, in questions or time spans score 0.2–0.4; hedges and intensifiers 0.8.',
    },
  },
  keep: (block, start, end, sentence, guide) => weaselConfidence(block, start, end, sentence) >= threshold(guide),
});
