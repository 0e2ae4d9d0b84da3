// Whether a claim phrase found in copy is used as a claim about the brand's product. The words
// claims are made of ("best", "fastest", "guaranteed", "free", "up to") are everyday English in
// their other senses: advice and manner ("works best when"), idioms ("best of both worlds", "feel
// free"), sign-offs ("All the best"), labels ("**Best for:**", "Discount code:"), technical
// properties ("consistency guarantees", "retry up to 3 times"). The cheap tests (the words around
// the phrase) run first; the part-of-speech tagger runs only on the sentence of a phrase that is
// still in doubt.
import type { Block, ClaimEntry } from '../../types.js';
import { sentenceBounds } from '../../match/sentence.js';
import { tagText, type PosToken } from '../../text/pos.js';

type Family = 'superlative' | 'comparative' | 'guarantee' | 'free' | 'upTo' | 'uptime' | 'other';

// A ranking word: "best", a superlative in -est ("fastest", "lightest", "cheapest") or "most <adj>".
const SUPERLATIVE = /(?:^|[\s-])(?:best|most|[a-z]{2,}est)(?:$|[\s-])|^(?:#\s?1|number one|no\.\s?1)$/i;
// Words ending in -est that are not superlatives.
const NOT_SUPERLATIVE = /\b(?:interest|latest|honest|modest|forest|request|test|contest|protest|digest|manifest|harvest|invest|suggest|guest|quest|west|rest|nest|chest|pest|vest|zest|best-?effort)\b/i;

export function familyOf(found: string): Family {
  const f = found.toLowerCase();
  if (/guarant/.test(f)) return 'guarantee';
  if (/^(?:(?:for )?free|free of charge|at no cost|no charge)$/.test(f)) return 'free';
  if (/^(?:up to|as much as|as low as|starting (?:at|from)|from just)$/.test(f)) return 'upTo';
  if (/%\s*(?:uptime|availability)$/.test(f)) return 'uptime';
  if (/\sthan$|^outperforms?$/.test(f)) return 'comparative';
  if (SUPERLATIVE.test(f) && !NOT_SUPERLATIVE.test(f)) return 'superlative';
  return 'other';
}

/** The sentence around [start, end) of a block: its bounds and text. */
// How much of a long sentence around a claim is tagged: the tagger costs per word, and a sentence
// with thousands of claims would be tagged whole for each.
const TAG_REACH = 150;
function tagAround(text: string, s: number, e: number, start: number, end: number): ReturnType<typeof tagText> {
  if (e - s <= 3 * TAG_REACH) return tagText(text, s, e);
  // Windows on a grid, so the claims of one stretch share one tagging (tagText caches by text).
  const from = Math.max(s, s + Math.floor((start - s) / TAG_REACH) * TAG_REACH - TAG_REACH);
  return tagText(text, from, Math.min(e, Math.max(from + 3 * TAG_REACH, end + TAG_REACH)));
}

// How far either side of a claim its sentence is read. A real sentence is shorter; a run of text with
// no full stop (a pasted list, a hostile file) would otherwise be scanned again for every claim in it.
const SENTENCE_REACH = 400;

function sentenceOf(block: Block, start: number, end: number): { s: number; e: number; text: string } {
  const from = Math.max(0, start - SENTENCE_REACH);
  const window = block.text.slice(from, Math.min(block.text.length, end + SENTENCE_REACH));
  const [s, e] = sentenceBounds(window, start - from, end - from);
  // A soft line break reads as the space it is ("in the\nworld"); same length, same offsets.
  return { s: s + from, e: e + from, text: window.slice(s, e).replace(/[\n\r\t]/g, ' ') };
}

/** Does `re` match a span of `text` that covers [start, end)? (`re` must be global.) */
function coveredBy(re: RegExp, text: string, start: number, end: number): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index <= start && m.index + m[0].length >= end) return true;
    if (m[0].length === 0) re.lastIndex++;
  }
  return false;
}

// Idioms that hold a ranking word without ranking anything.
const SUPERLATIVE_IDIOMS = new RegExp(
  [
    String.raw`\bbest of (?:all|both worlds|breed|luck|the bunch)\b`,
    String.raw`\bbest-of-breed\b`,
    String.raw`\bat (?:the )?(?:very )?best\b`,
    String.raw`\bat (?:its|their|our|his|her|my|your) (?:very )?best\b`,
    String.raw`\b(?:the |a )?best (?:part|thing|bit)s?\b`,
    String.raw`\bbest[- ](?:guess(?:es)?|efforts?|case|practices?|regards|wishes|friends?|man|intentions|judge?ments?)\b`,
    String.raw`\bthe best for [a-z]+ing\b`,
    String.raw`\b(?:do|does|did|doing|done|try|tries|tried|trying) (?:your|our|their|my|his|her|its|one's) (?:very )?best\b`,
    String.raw`\b(?:make|makes|making|made) the (?:most|best) of\b`,
    String.raw`\ball the best\b`,
    String.raw`\b(?:had|'d|’d) best\b`,
    String.raw`\b(?:as|how) best\b`,
    String.raw`\bbest (?:to|if|when|where|for (?:you|your|me|us|them|everyone|most))\b`,
    // Manner: "best suited", "best known", "best solved" (a hyphen makes a compound adjective
    // that ranks: "best-rated"; "best performing" is left to the tagger).
    String.raw`\bbest (?:[a-z]+ed|known|seen|written|done|spent|kept|left|read)\b`,
    String.raw`\bthe best\b[^.!?]{0,40}\b(?:it|they|we|you|he|she|one) (?:can|could)\b`, // "the best binary it can": as well as possible
    String.raw`\bmost (?:of|likely|often|important(?:ly)?|recent(?:ly)?|common(?:ly)?|people|users|teams|developers)\b`,
  ].join('|'),
  'gi',
);

// A sign-off on a line of its own.
const SIGN_OFF = /^(?:all the |my |warm(?:est)? |kind(?:est)? |with )?best(?: wishes| regards)?[,.!]?$/i;

// The brand's own voice: a first-person subject or possessive.
const FIRST_PERSON = /\b(?:we|we're|we’re|we've|we’ve|our|ours|us)\b/i;

// A guarantee, a saving or an uptime figure is commercial when its object is one of these.
const COMMERCIAL = /\b(?:uptime|availability|results|refunds?|money[- ]back|satisfaction|satisfied|delivery|deliveries|prices?|pricing|(?:free|easy) returns|return policy|SLA|service level|lowest|savings?|sales|revenue|conversions?|ROI|love it|or your money)\b|\d\s?%/i;

const NEGATED_BEFORE = /(?:\b(?:not|no|never|without|hardly)|n't|n’t)\s+(?:\S+\s+){0,2}$/i;

/** Is the brand (or its first person) the subject matter of this sentence? */
function aboutBrand(sentence: string, brand: string | undefined): boolean {
  if (FIRST_PERSON.test(sentence)) return true;
  if (!brand) return false;
  const i = sentence.indexOf(brand);
  if (i < 0) return false;
  const before = sentence[i - 1] ?? ' ';
  const after = sentence[i + brand.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** A headline or tagline: no finite verb ("The best CRM for teams.", "Best destinations, deals and tips"). */
function isFragment(tokens: readonly PosToken[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const prev = tokens[k - 1];
    if (prev && (prev.pos === 'PART' || prev.text.toLowerCase() === 'to')) continue; // "the fastest way to ship"
    if (/ing$/i.test(t.text)) continue;
    if (/(?:ed|en)$/i.test(t.text) && (!prev || prev.pos === 'PUNCT')) continue; // "The best tool, guaranteed."
    // A verb of a relative clause: "The fastest way to ship copy that sounds like you."
    if (tokens.slice(0, k).some((x, i) => /^(?:that|which|who)$/i.test(x.text) && /^(?:NOUN|PROPN)$/.test(tokens[i - 1]?.pos ?? ''))) continue;
    return false;
  }
  return true;
}

// A label or a sign-off is a short line; a longer one is read no further (a long line with many
// claims would otherwise be scanned again for each).
const LINE_REACH = 200;

/** The block's line holding `at`, trimmed of Markdown emphasis and spaces, if it is short. */
function shortLineAt(text: string, at: number): { s: number; e: number; line: string } | undefined {
  let s = at;
  const lo = Math.max(0, at - LINE_REACH);
  while (s > lo && text[s - 1] !== '\n') s--;
  if (s > 0 && text[s - 1] !== '\n') return undefined;
  let e = at;
  const hi = Math.min(text.length, at + LINE_REACH);
  while (e < hi && text[e] !== '\n') e++;
  if (e < text.length && text[e] !== '\n') return undefined;
  return { s, e, line: text.slice(s, e).replace(/[*_`]/g, '').trim() };
}

const LETTER = /\p{L}/u;
/** Is there a letter in text outside [s, e)? Stops at the first one found. */
function letterOutside(text: string, s: number, e: number): boolean {
  for (let i = s - 1; i >= 0; i--) if (LETTER.test(text[i]!)) return true;
  for (let i = e; i < text.length; i++) if (LETTER.test(text[i]!)) return true;
  return false;
}

/** A label: a line that starts with the phrase and has a colon within its first words ("**Best for:** teams", "Discount code:"), or a short table cell. */
function isLabel(block: Block, start: number): boolean {
  const l = shortLineAt(block.text, start);
  if (!l) return false;
  const { line } = l;
  if (block.text.slice(l.s, start).replace(/[*_`\s]/g, '') !== '') return false;
  if (/^[^:.!?]{1,40}:/.test(line) && line.slice(0, line.indexOf(':')).split(/\s+/).length <= 3) return true;
  if (block.kind === 'table-cell' && line.split(/\s+/).length <= 3) return true;
  if (/^\p{L}+ (?:codes?|coupons?|vouchers?)$/iu.test(line)) return true; // "Discount Code" above the code's box
  // A word alone beside template values ("Discount {{ amount }}", "Free" as a line item's price).
  if (block.kind === 'heading' || block.field || !/^\p{L}+$/u.test(line)) return false;
  return !letterOutside(block.text, l.s, l.e);
}

const EVENT = /\b(?:events?|webinars?|workshops?|meetups?|conferences?|talks?|sessions?|register|registration|admission|entry|demos?|posters?|hackathons?|community call)\b/i;
const SAVING = /\b(?:save[sd]?|saving|shave[sd]?|cut|cuts|reduc\w*|off|faster|quicker|cheaper|less|lower|improv\w*|boost\w*|increase\w*|speed\w*|discount\w*|gain\w*)\b/i;
const QUANTITY = /^\s*(?:[$€£¥]\s?)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|a hundred|a thousand|half|several|a few|dozens|hundreds|thousands)\b/i;

// Licence boilerplate ("Permission is hereby granted, free of charge, to any person…") grants rights; it promotes nothing.
const LICENCE = /\b(?:hereby granted|permission is granted|licen[cs]ed under|provided ["“]?as is|without restriction)\b/i;
// Survey results report what respondents chose; a ranking there is data.
// ("response times" and "response latencies" are performance, not survey answers.)
const SURVEY = /\b(?:surveys?|surveyed|respondents?|responses?(?!\s+(?:times?|latenc|codes?|bod(?:y|ies)|headers?|rates?))|responded|polled)\b/i;
// A superlative ranking a group of other things: "some of the most popular", "the three fastest".
const RANKED_SET = /\b(?:(?:some|many|several|few|all|each|any|most) of the|(?:the )?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred|top(?: \d+)?|\d+))\s+$/i;
// "free" as a technical term: free variables and type parameters (bound vs free), free monads.
const FREE_TECHNICAL = /^[*_]*\s+(?:with respect to|variables?|type (?:parameters?|variables?)|monads?|occurrences?)\b/i;
// What an open-source product is, a few words after "free": "a free, powerful charting library".
const SOFTWARE_AFTER = /^(?:[\s,]+(?:and\s+)?[\w.-]+){0,5}?[\s,]+(?:library|libraries|framework|toolkit|tool|software|package|module|plugin|extension|component|project|slider|engine|utility|editor|client|SDK|CLI)\b/i;
// "free, Open Source", "free, and fun open source": the licence a few words after "free".
const OPEN_SOURCE_AFTER = /^(?:[\s,]+(?:and\s+)?(?!for\b|to\b)[\p{L}-]+){0,2}?[\s,]+(?:and\s+)?open[- ]source\b/iu;
// What makes "free" an offer: something sold, a plan or a trial, a price.
const OFFER = /\b(?:trials?|try|plans?|tiers?|pricing|prices?|costs?|pay|paid|subscri\w*|orders?|purchas\w*|buy|shipping|delivery|returns|exchanges|gifts?|offers?|coupons?|discounts?|promo\w*|vouchers?|upgrades?|premium|pro|accounts?|credit cards?|sign(?:[- ]?up|ing up)|signups?|start(?:ed)?|get|gets|getting|receive|enjoy|claim|months?|bonus|samples?|downloads?|shop\w*|cart|checkout|customers?)\b|[$€£¥%]/i;
// The condition of a free offer, stated beside it: a term, no card, cancel any time, a threshold.
const FREE_TERMS = /\b(?:for (?:the first |your first )?(?:\d+|one|two|three|four|six|seven|fourteen|thirty|a|an)\s+(?:days?|weeks?|months?|years?)|(?:per|a|\/)\s?month|\d+\s?-?h(?:ours?)?\b|(?:unlimited|up to (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred)) (?:users?|seats?|members?|projects?)|\d+[- ]days?\b|no credit card|without (?:a |any |providing )?(?:credit card|payment)|cancel (?:at )?any ?time|then \S*[$€£¥]|after (?:the|your) (?:trial|first)|with (?:any|every|a|your) (?:purchase|order|subscription)|on (?:all )?orders? (?:over|above|of)|up to \d+ (?:users?|seats?|members?|projects?)|terms (?:and conditions )?apply)/i;
const PRONOUN = /^(?:it|this|that|these|those|everything|all|which|what|each|one)$/i;

/** "VS Code is free": the subject just before "is" is a named thing other than the brand, and the brand does not speak. */
function otherSubject(before: string, sentence: string, brand: string | undefined): boolean {
  const m = /(\p{Lu}[\p{L}\p{N}.+#-]*(?:\s+\p{Lu}[\p{L}\p{N}.+#-]*)*)\s+(?:is|are)\s+(?:(?:also|completely|entirely|totally|still|always)\s+)?$/u.exec(before);
  if (!m || PRONOUN.test(m[1]!)) return false;
  return !aboutBrand(sentence, brand);
}

// The longest block read as a tagline: one or two short sentences.
const TAGLINE = 160;

/** Does the paragraph report what people answered (a survey, a poll, "when we asked users")? Asked once per block. */
function surveyBlock(block: Block): boolean {
  let v = surveySeen.get(block);
  if (v === undefined) surveySeen.set(block, (v = SURVEY.test(block.text) || /\b(?:we|they) asked\b/i.test(block.text)));
  return v;
}
const surveySeen = new WeakMap<Block, boolean>();

/** Token `i` ends a clause: a semicolon, colon, bracket or dash; a subordinator; ", but"/", which". */
function clauseBreak(tokens: readonly PosToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === 'PUNCT') return /^(?:[;:()[\]—–]|--)$/.test(t.text);
  if (t.pos === 'SCONJ') return true;
  const prev = tokens[i - 1];
  return !!prev && prev.text === ',' && (t.pos === 'CCONJ' || /^(?:which|who|whose|where|while)$/i.test(t.text));
}

// A ranking of the brand against its own past: "the lightest it has ever been", "the best version yet".
const SELF_COMPARISON = /^[^.!?]{0,40}?\b(?:yet|to date|so far|ever been|(?:it|we|they)(?:['’]ve| have| has)? ever)\b/i;
// The sentence reports the brand's own measurement, which the post goes on to give.
const EVIDENCE = /\b(?:our|these|the) (?:results|benchmarks?|measurements|tests|data|numbers) (?:show|showed|shows|found|find|suggest|indicate)\b/i;
// A ranking against the whole market: "the lightest service mesh in the world", "on the market".
const MARKET = /^[^.!?]{0,60}?\b(?:in\s+the\s+world|on\s+the\s+market|in\s+the\s+industry|on\s+the\s+planet|anywhere|in\s+its\s+class)\b/i;
// A ranking hedged or wished for: "possibly the best option", "should be the best choice".
const HEDGE = /\b(?:possibly|perhaps|maybe|arguably|probably|likely|should|could|might|may|would|hope|hopefully)\b/i;
// What one chooses among: "the best way to", "the best balance", "best approach".
const DELIBERATION = /^(?:[\s-]+\p{L}+)?\s+(?:way|ways|approach(?:es)?|options?|choices?|balance|path|course|fit|bet|strategy|strategies|method|means|time|place to start|solution|next steps?)\b/iu;
// A verb of wanting or trying before a ranking makes it an aim, not a claim: "we tried to provide the best experience".
// A ranking as a goal, however far it reaches: "we want Rust to be the most reliable platform in
// the world", "we promise to continue making Linkerd the best service mesh".
const AIMED = /\b(?:want|wants|aim|aims|strive|strives|hope|hopes|(?:goal|mission|ambition) is)\b[^.!?]{0,60}?\bto\s+(?:be|become|make|remain|stay)\b|\b(?:continu(?:e|es|ing)|keep|keeps|keeping)\s+(?:on\s+)?making\b/i;
const ASPIRATION = /\b(?:try|tries|tried|trying|aim(?:s|ed|ing)?|striv\w*|strove|want(?:s|ed|ing)?|hop(?:e|es|ed|ing)|seek(?:s|ing)?|sought|work(?:s|ed|ing)?|help(?:s|ed|ing)?|goal|mission)\b/i;

/**
 * Does the ranking at `start` rank the brand or its product? Read in its clause: the brand (its
 * name, "we", "our") is the subject and the ranking in what is said of it ("Acme is the fastest
 * CRM", "Rust's trait system is one of its most powerful features"), the brand is what the ranking
 * names ("Being the lightest mesh is Linkerd's goal"), or the brand owns it ("our fastest release",
 * "Linkerd's best latency"). A ranking of anything else ("Vim and VSCode were the most popular",
 * "the most popular target is still Linux", "we narrowed the list to twelve best proposals") is not
 * a claim about the product.
 */
function ranksTheBrand(text: string, tokens: readonly PosToken[], start: number, brand: string | undefined): boolean {
  const k = tokens.findIndex((x) => x.end > start);
  if (k < 0) return false;
  const head = text.slice(Math.max(0, start - 60), start);
  // "making Acme the fastest mesh": the brand is what is ranked (unless it is only wished for).
  if (brand && brandPatterns(brand).complement.test(head)) return !ASPIRATION.test(text.slice(Math.max(0, start - 120), start));
  if (/\b(?:our|ours)\s+(?:\S+\s+)?$/i.test(head)) return true;
  if (brand && brandPatterns(brand).possessive.test(head)) return true;
  let lo = k;
  while (lo > 0 && !clauseBreak(tokens, lo - 1)) lo--;
  let hi = k;
  while (hi + 1 < tokens.length && !clauseBreak(tokens, hi + 1)) hi++;
  const span = (a: number, b: number) => (a > b ? '' : text.slice(tokens[a]!.start, tokens[b]!.end));
  let f = -1;
  for (let i = lo; i <= hi; i++) {
    const x = tokens[i]!;
    if (x.pos !== 'VERB' && x.pos !== 'AUX') continue;
    const prev = tokens[i - 1];
    if (prev && (prev.pos === 'PART' || prev.text.toLowerCase() === 'to')) continue; // an infinitive
    if (/ing$/i.test(x.text)) continue; // a gerund or participle ("Being the lightest…", "the cause of waking"); a finite verb before it is found first
    if (aboutBrand(x.text, brand)) continue; // a brand that is also a verb ("Go")
    f = i;
    break;
  }
  if (f < 0) return aboutBrand(span(lo, hi), brand); // a clause with no verb: "(the most popular Linux targets)"
  // The ranking is the subject: a claim when the brand is what it is ("The fastest CRM is Acme",
  // "Being the lightest mesh is Linkerd's goal"), not when the brand is only mentioned later ("the
  // most popular target will use LLD in the next Acme release").
  if (k < f) return (tokens[f]!.lemma === 'be' && aboutBrand(span(f + 1, Math.min(hi, f + 3)), brand)) || (!!brand && /,/.test(span(k, f - 1)) && nameIn(span(k, f - 1), brand));
  const subject = span(lo, f - 1);
  if (!aboutBrand(subject, brand)) return false;
  const between = span(f, k - 1);
  if (ASPIRATION.test(between) || HEDGE.test(between)) return false;
  // "We are thinking about the best way to fix them": choosing among ways is deliberation; only
  // the brand said to be the way is a claim ("Acme is the fastest way to ship").
  return !(DELIBERATION.test(text.slice(tokens[k]!.end, tokens[k]!.end + 40)) && tokens[f]!.lemma !== 'be');
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Is the brand's name (not "we") in the text, as a word? */
function nameIn(text: string, brand: string): boolean {
  const i = text.indexOf(brand);
  return i >= 0 && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i + brand.length] ?? ' ');
}

/** The brand's patterns, built once per brand: "Acme's " and "Acme the " (or "Acme one of the fastest, ") at the end of a text. */
function brandPatterns(brand: string): { possessive: RegExp; complement: RegExp } {
  let p = brandPatternCache.get(brand);
  if (!p) {
    const name = escapeName(brand);
    p = {
      possessive: new RegExp(`(?:^|[^\\p{L}\\p{N}])${name}['’]s\\s+$`, 'u'),
      complement: new RegExp(`${name}\\s+(?:the|one of the)\\s+(?:[\\p{L}-]+,?\\s+(?:and\\s+)?){0,3}$`, 'u'),
    };
    brandPatternCache.set(brand, p);
  }
  return p;
}
const brandPatternCache = new Map<string, { possessive: RegExp; complement: RegExp }>();

/**
 * Whether the claim phrase at [start, end) of `block` is a claim in this use. `found` is its text
 * as written; `brand` the guide's brand name.
 */
export function isClaimUse(block: Block, start: number, end: number, found: string, brand: string | undefined, openSource: () => boolean = () => false): boolean {
  const family = familyOf(found);
  const { s, text: sentence } = sentenceOf(block, start, end);
  if (LICENCE.test(sentence)) return false; // "Permission is hereby granted, free of charge": a licence grant
  if (family !== 'other' && surveyBlock(block)) return false; // what respondents answered is data: "security guarantees (69%)"
  // "Use this discount now", "your free trial ends": an offer already stated, referred back to.
  if ((family === 'other' || family === 'free') && /\b(?:this|these|those|your)\s+$/i.test(block.text.slice(Math.max(0, start - 8), start))) return false;
  if (otherSense(block.text, start, end, found)) return false;
  // "is not foolproof", "never risk-free": a claim denied is none.
  if (family === 'other') return !isLabel(block, start) && !/(?:\b(?:not|never)|n['’]t)\s+(?:[\p{L}-]+\s+)?$/iu.test(block.text.slice(Math.max(0, start - 40), start));
  const a = start - s;
  const b = end - s;
  const before = sentence.slice(0, a);
  const after = sentence.slice(b);
  if (isLabel(block, start)) return false;

  switch (family) {
    case 'superlative': {
      if (SIGN_OFF.test(shortLineAt(block.text, start)?.line ?? '')) return false;
      if (coveredBy(SUPERLATIVE_IDIOMS, sentence, a, b)) return false;
      if (NEGATED_BEFORE.test(before)) return false;
      if (/\?["'”’)\]]*\s*$/.test(sentence)) return false; // a question asks, it does not claim
      if (SURVEY.test(sentence)) return false; // "the most popular response among respondents": a finding, not a boast
      if (RANKED_SET.test(before)) return false; // "some of the most popular projects", "the three most popular platforms"
      const tokens = tagAround(block.text, s, s + sentence.length, start, end);
      // "most" is an adverb in every "most secure"; only "best" and -est words tell manner from rank.
      const t = tokens.find((x) => x.start >= start && x.end <= end && /^(?:best|\p{L}+est)$/iu.test(x.text));
      if (t && t.pos === 'ADV') return false; // manner: "works best", "solves it best"
      if (/^\s+(?:matches|describes|fits|suits|reflects|represents|captures|explains|supports|serves|handles)\b/i.test(after)) return false; // "what title best matches your role"
      // The best way forward as a topic: "discussion about best way forward", "deciding on the best approach".
      if (DELIBERATION.test(after) && /\b(?:about|on|over|regarding|discuss\w*|consider\w*|decid\w*|determin\w*|find\w*|figur\w* out|explor\w*|agree\w* on)\s+(?:the\s+)?$/i.test(before)) return false;
      const next = tokens[tokens.findIndex((x) => x.start >= end)];
      if (t && next && next.pos === 'VERB' && !/ing$/i.test(next.text)) return false; // manner: "what title best matches your role"
      // What we did with the most popular others: "we added the most popular extensions", "tested on
      // the most popular email clients". A brand named as the subject still claims ("Acme runs on
      // the fastest network").
      const ranksOthers = /\b(?:on|with|among|from|in|into|to|for|by|added|chose|chosen|picked|selected|listed|narrowed|tested|used|supports?|supported)\s+(?:the\s+|our\s+)?(?:(?:two|three|four|five|ten|\d+)\s+)?$/i.test(before) && !(brand && nameIn(before, brand));
      if (ranksOthers) return false;
      if (/^[\s-]+(?:articles?|posts?|stories|reads?|picks?|moments|photos|videos|episodes|talks|content)\b/i.test(after)) return false; // "our best articles": a pick of its own content
      if (SELF_COMPARISON.test(after)) return false; // "the lightest it has ever been", "the best version yet"
      if (EVIDENCE.test(sentence)) return false; // "our benchmarks show…": the copy is the source
      // A summary field (description, subject, preheader) and a headline with no verb are promotional.
      if (block.field || isFragment(tokens)) return true;
      // "It is the fastest way to ship": "it" is the product. "This is the best way to…" is about
      // what was just said (advice), unless it stands alone as a tagline.
      const says = /(?:^\s*|[.!?:]\s+)(it|this)\s+(?:is|['’]s)\s+(?:(?:one\s+of\s+)?the|a)\s+$/i.exec(before);
      if (says && (/^it$/i.test(says[1]!) || block.text.length <= TAGLINE)) return true;
      if (/^-in-class\b/i.test(block.text.slice(end))) return true; // "best-in-class" ranks against a whole market
      if (AIMED.test(before)) return false; // "We want Acme to be the most reliable…", "to continue making Acme the best"
      if (MARKET.test(after) && (aboutBrand(sentence, brand) || (!!brand && nameIn(sentence, brand)))) return true; // "the lightest service mesh in the world"
      return ranksTheBrand(block.text, tokens, start, brand);
    }
    case 'comparative': {
      if (EVIDENCE.test(sentence)) return false; // "Our results show that Acme is faster than Foo": the post is the benchmark
      // A comparison with a competitor: a named product or "the competition" after "than". One
      // with oneself or anything else ("faster than ever", "than the original", "than when we
      // started", "faster than the bear") is not a claim against anyone.
      if (NEGATED_BEFORE.test(before)) return false;
      if (HEDGE.test(before) || /\b(?:looks?|seems?|appears?)\s+$/i.test(before)) return false; // "some cases look faster than X but I don't yet know why"
      if (/^\s+(?:the\s+)?(?:competition|competitors?|alternatives?|any other|other (?:tools|platforms|products|services|providers|vendors))\b/i.test(after)) return true;
      const tokens = tagAround(block.text, s, s + sentence.length, start, end);
      const k = tokens.findIndex((x) => x.start >= end);
      const competitor = k >= 0 && tokens.slice(k, k + 3).some((x) => x.pos === 'PROPN' && /^\p{Lu}/u.test(x.text) && !FIRST_PERSON.test(x.text));
      // Between named products, one of them the brand ("Acme is 10x faster than Foo"); two other
      // things compared ("ChaCha8Rand is faster than PCG") are the post's subject matter.
      return competitor && (!!block.field || isFragment(tokens) || ranksTheBrand(block.text, tokens, start, brand));
    }
    case 'uptime':
      if (NEGATED_BEFORE.test(before)) return false; // "we won't aim for 100% availability"
      // A figure that is explained ("99.99 % uptime allows 52 minutes of downtime a year") is arithmetic, not a promise.
      return !/\b(?:allows?|means?|equals?|amounts? to|works? out|translates? to|corresponds? to|of downtime|downtime of)\b/i.test(sentence);
    case 'guarantee': {
      if (NEGATED_BEFORE.test(before)) return false;
      // A property of a system ("consistency guarantees", "cryptographic guarantees").
      if (/^guarantees$/i.test(found) && /\b(?!the\b|our\b|their\b|its\b|your\b|any\b|of\b)[a-z]+\s+$/i.test(before) && !COMMERCIAL.test(sentence)) return false;
      // A guarantee of behaviour ("we guarantee backwards compatibility", "Rust's stability
      // guarantee", "tier 2 targets are guaranteed to build") is a technical promise with its own
      // documentation; a marketing guarantee is of something a customer buys or gets.
      if (COMMERCIAL.test(sentence) || block.field) return true;
      if (/^\s+to\s+(?:save|boost|increase|improve|grow|double|triple|cut|reduce|deliver|work|please|impress|sell|convert|rank)\b/i.test(after)) return true; // "guaranteed to save time": a benefit promised
      if (aboutBrand(sentence, brand) && /^\s+(?:to be\s+)?(?:safe|secure|correct|reliable|accurate|fresh|fast)\b/i.test(after)) return true; // "guaranteed safe in Acme"
      // "We guarantee that every transaction will be safe": the brand promises the customer an outcome.
      if (/\b(?:we|brand)\s+$/i.test(before.replace(brand ?? '\u0000', 'brand')) && /\b(?:your|you|every (?:transaction|order|customer|purchase)|safe|secure)\b/i.test(after.slice(0, 40))) return true;
      return isFragment(tagAround(block.text, s, s + sentence.length, start, end));
    }
    case 'free': {
      if (/\bfeel\s+$/i.test(before) || NEGATED_BEFORE.test(before)) return false;
      if (/^\s*\S+\s+(?:remaining|left)\b/i.test(after)) return false; // "1 free report remaining": account state
      if (/^\s+(?:of|from|up|software|time|rein|hand|will|speech|throws?|kicks?|agent|fall)\b/i.test(after)) return false; // "free of", "in my free time", "free rein"
      if (/^\s+to\s+(?!use|try|download|join|attend|register|start|sign|get|access)\w/i.test(after)) return false; // "free to choose"
      if (/-$/.test(before) || /^-/.test(after)) return false; // "hands-free", "free-form"
      if (/\b(?:cost|price|fee|admission|entry|registration|tickets?)\s*:\s*$/i.test(before)) return false; // "Cost: Free": a listed fact
      if (/\b(?:may|can|could|will|would|must|should|to)\s+$/i.test(before)) return false; // the verb: "a finalizer may free memory"
      if (/\uFFFC\s*$/.test(before)) return false; // after code: "\`malloc\` and \`memcpy\` free"
      if (/\buse[- ]after[- ]$/i.test(before)) return false; // "use after free": a memory error
      if (/\bopen[- ]source\s+(?:and|&)\s+$/i.test(before) || /^\s+(?:and|&)\s+open[- ]source\b/i.test(after)) return false; // "free and open source": its licence
      if (EVENT.test(sentence)) return false; // a free event is simply free
      // "Phaser is a fast, free, and fun open source framework", "free … released under the BSD
      // License": the sentence states the licence.
      if (OPEN_SOURCE_AFTER.test(after)) return false;
      if (!OFFER.test(sentence) && /\b(?:licen[cs]ed|released) under\b|\b(?:MIT|BSD|Apache|GPL|ISC|MPL)\b[^.]{0,20}\blicen[cs]e/i.test(sentence)) return false;
      // "you are free to use any combination": a permission, not an offer.
      if (/\byou(?:['’]re| are)\s+(?:\S+\s+)?$/i.test(before) && /^\s+to\b/i.test(after)) return false;
      // "paid users get one value, free users get another": the name of a plan beside the paid one.
      if (/^\s+(?:users?|accounts?|tiers?|plans?|customers?|members?)\b/i.test(after) && /\bpaid\b/i.test(sentence)) return false;
      // An open-source product that calls itself free software states its licence, not an offer:
      // "ECharts is a free, powerful charting library".
      if (!OFFER.test(sentence) && SOFTWARE_AFTER.test(after) && openSource()) return false;
      if (FREE_TECHNICAL.test(after) || /\bbound\b/i.test(sentence)) return false; // "free with respect to", "a bound and a free type parameter"
      if (otherSubject(before, sentence, brand)) return false; // "given that VS Code is free"
      if (FREE_TERMS.test(sentence)) return false; // the condition stands beside the offer, as the rule asks
      // Free of charge, said of something that is not sold ("Free tools from usegalaxy.org", "all done
      // for free"), promises nothing; an offer is commercial, the brand's own, or a subject or summary.
      const offer =
        OFFER.test(sentence) || !!block.field || block.kind === 'heading' || /\b(?:it|this|that|we|we're|we’re)\s*(?:is|are|['’]s|['’]re)\s+(?:\S+\s+)?$/i.test(before) ||
        (!!brand && (nameIn(before.slice(-60), brand) || nameIn(after.slice(0, 30), brand))) || (/^\s+for\b/i.test(after) && aboutBrand(sentence, brand));
      if (!offer) return false;
      const tokens = tagAround(block.text, s, s + sentence.length, start, end);
      const k = tokens.findIndex((x) => x.start >= start && x.end <= end && /^free$/i.test(x.text));
      const t = tokens[k];
      if (t && t.pos === 'VERB') return false; // "free engineers from toil"
      // "<thing> free" after a noun means "without it": "100% malloc and memcpy free", "read barrier free".
      return !(k > 0 && /^(?:NOUN|X|SYM)$/.test(tokens[k - 1]!.pos) && !/^for$/i.test(found.split(/\s+/)[0]!) && !OFFER.test(tokens[k - 1]!.text) && !/ing$/i.test(tokens[k - 1]!.text));
    }
    case 'upTo': {
      const q = QUANTITY.exec(after);
      // "Starting at" alone, the price in the next cell, is the price's label.
      if (!q) return /^(?:starting|as low|from just)/i.test(found) && /^\s*$/.test(after);
      const rest = after.slice(q[0].length);
      if (/\badds?\s+(?:\S+\s+)?$|\badded\s+$|\bfrom\s+\S+\s+$/i.test(before)) return false; // "add up to 100%", "from 39.7% up to 52.6%": arithmetic and ranges
      // A price, or an amount saved: "up to 50% off", "shave up to several minutes". A share of
      // something else ("took up to 15% of the runtime") promises nothing.
      return /^\s*off\b/i.test(rest) || /[$€£¥]/.test(q[0]) || SAVING.test(sentence);
    }
  }
}

/**
 * Senses of claim words that claim nothing: an issue number in a reference
 * ("Vol. 33, No. 1, pp. 244-247"), "a net zero benefit" (none at all).
 */
function otherSense(text: string, start: number, end: number, found: string): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 30);
  if (/^instant(?:ly)?$/i.test(found)) {
    // "the instant it is written": a moment; "instant or animated", "smooth or instant": a mode
    // chosen among others; "returns instantly": at once, in the same call.
    if (/\b(?:the|an?|that|this)\s+$/i.test(before) && /^\s+(?:it|we|you|they|he|she|that|when|the)\b/i.test(after)) return true;
    if (/^\s+or\s/i.test(after) || /\bor\s+$/i.test(before)) return true;
    if (/\breturns?\s+$|\breturned\s+$/i.test(before)) return true;
  }
  if (/^no\.?\s*1$/i.test(found) && (/\b(?:vol(?:ume)?\.?\s*\d+\s*,?|issue)\s*$/i.test(before) || /^\s*,\s*(?:pp?\.|\d{4}\b)/i.test(after))) return true;
  if (/^net[- ]zero$/i.test(found) && /^\s+(?:benefit|gain|effect|change|difference|sum|impact|improvement|value|return)s?\b/i.test(after)) return true;
  return false;
}

/** Whether `text` states the terms of a free offer ("for 14 days", "on orders over $50", "up to 3 users"). */
export function statesFreeTerms(text: string): boolean {
  return FREE_TERMS.test(text);
}

/** An entry's `context` words: one of them must be in the block for the claim to count. */
export function inContext(block: Block, entry: ClaimEntry): boolean {
  if (!entry.context || entry.context.length === 0) return true;
  let re = contextCache.get(entry);
  if (!re) {
    const alts = entry.context.map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`\\b(?:${alts.join('|')})`, 'i');
    contextCache.set(entry, re);
  }
  // Asked once per block and entry, not once per claim in it.
  let seen = contextSeen.get(block);
  if (!seen) contextSeen.set(block, (seen = new Map()));
  let found = seen.get(entry);
  if (found === undefined) seen.set(entry, (found = re.test(block.text)));
  return found;
}
const contextSeen = new WeakMap<Block, Map<ClaimEntry, boolean>>();
const contextCache = new WeakMap<ClaimEntry, RegExp>();
