import type { Guide, ProseDocument, Rule } from '../../types.js';
import { ACRONYMS, isRomanNumeral } from '../../tone/acronyms.js';
import { isEnglishWord } from '../../tone/dictionary.js';
import { findingExtras, reportable, toneMeta } from '../../tone/common.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { blockSentences } from '../../text/sentences.js';
import { capitalize, isUpper, wordsOf } from '../../text/words.js';
import { lazyUnicodeRegExp, LETTER_OR_DIGIT } from '../../text/unicode-regexp.js';

const ID = 'all-caps';
export const MIN_CAPITALS = 4;

// Shouting: an English word of four or more letters written in capitals ("FREE", "TODAY"). Not a
// known acronym, a Roman numeral, a code with digits (H264, GPT4), a word no English dictionary
// has (GOPATH, CNCF: an acronym we have not listed), or written that way in the guide (a term's
// `use`, the brand name, or the guide's `allow` list).
// Words the guide writes itself, once per guide: 10,000 terms took milliseconds per keystroke.
// `termWords` holds every word of a term (its `use` and `not` forms) in capitals: "SLACK" where the
// guide has the term "Slack" is the term rule's finding (a wrong case of a name), not a second one.
interface Known {
  exact: Set<string>;
  termWords: Set<string>;
  singleTerms: Set<string>;
}
const knownCache = new WeakMap<Guide, Known>();
function knownWords(guide: Guide): Known {
  let known = knownCache.get(guide);
  if (!known) {
    known = { exact: new Set<string>(), termWords: new Set<string>(), singleTerms: new Set<string>() };
    for (const phrase of [...guide.terms.map((t) => t.use), guide.brand ?? '', ...guide.allow]) {
      for (const w of wordsOf(phrase)) known.exact.add(w.text);
    }
    for (const t of guide.terms) {
      for (const phrase of [t.use, ...(t.not ?? [])]) {
        const ws = wordsOf(phrase);
        for (const w of ws) known.termWords.add(w.text.toUpperCase());
        if (ws.length === 1) known.singleTerms.add(ws[0]!.text.toUpperCase());
      }
    }
    knownCache.set(guide, known);
  }
  return known;
}

// Stock exchange prefixes of a ticker symbol: "(NYSE: SNOW)", "Nasdaq:META".
const EXCHANGE_BEFORE = /\b(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSEARCA|NYSE American|OTC|OTCQX|LSE|AIM|TSX|TSXV|ASX|HKEX|SEHK|TSE|SGX|NSE|BSE|JSE|SIX|XETRA|FWB|FRA|BATS|CBOE|Euronext)\s*:\s*$/;
// Environment variables that are also English words; only excused where the sentence talks shell.
const ENV_NAMES = new Set(['PATH', 'HOME', 'USER', 'SHELL', 'TERM', 'EDITOR', 'VISUAL', 'DISPLAY', 'LANG', 'PAGER', 'HOSTNAME', 'CLASSPATH']);
const SHELL_CONTEXT = /\b(?:variables?|environment|env|export|shell|terminal|profile|bashrc|zshrc|set|unset|echo|directory|folder|command|install)\b|\$\w|`/i;
// Technical names that are dictionary words too (the shared ACRONYMS list holds the rest).
const TECH_ACRONYMS = new Set(['FAIR', 'DWARF', 'MIPS', 'FOSS', 'FLOSS', 'SPIRE', 'SPARC', 'BASIC', 'LISP', 'SWIFT', 'GAMMA', 'PATH']);
const HTTP_METHODS = new Set(['POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);
const HTTP_CONTEXT = /\b(?:GET|PUT|POST|DELETE|PATCH)\b[^]*\b(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\b|\b(?:requests?|methods?|endpoints?|verbs?|calls?|routes?)\b/;
const KEY_NAMES = new Set(['ENTER', 'RETURN', 'SHIFT', 'DELETE', 'ESCAPE', 'SPACE', 'CTRL', 'CONTROL', 'OPTION', 'COMMAND', 'HOME', 'BACKSPACE', 'PAGE', 'TAB', 'CAPS', 'LOCK', 'INSERT', 'PRINT', 'SCREEN', 'PAUSE', 'BREAK', 'SUPER', 'META', 'WINDOWS']);

// Made on first use (the rule is off by default).
const LETTER_DIGIT_OR_SLASH = lazyUnicodeRegExp(String.raw`[\p{L}\p{N}/]`);
const CAPITALS_AFTER = lazyUnicodeRegExp(String.raw`^\s*[\p{Lu}]{2,}\b`);
const CAPITALS_BEFORE = lazyUnicodeRegExp(String.raw`\b[\p{Lu}]{2,}\s*$`);
const WORDS = lazyUnicodeRegExp(String.raw`[\p{L}\p{N}][\p{L}\p{N}'’-]*`, 'gu');
const DIGIT = lazyUnicodeRegExp(String.raw`\p{N}`);
const LOWER = lazyUnicodeRegExp(String.raw`\p{Ll}`);

/**
 * Is the word at text[start, end) code, not prose? Its neighbours say so: an identifier part
 * (NODE_ENV, MAX_RETRIES), a flag (--VERBOSE), a cashtag ($SHOP), an assignment (LOG_LEVEL=DEBUG),
 * a path or file name (/USR/LOCAL, CONFIG.yaml), a key combination (CTRL+ALT+DELETE), a ticker
 * after its exchange (NYSE: SNOW), a key name (the ENTER key), an HTTP method among others
 * (GET and POST) or an environment variable in a sentence about the shell (set your PATH).
 */
function isCodeLike(text: string, start: number, end: number, word: string, sentence: () => string): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[_$=/\\@%<>{}[\]+.:#~^|]/.test(before) && !(before === '.' && !LETTER_OR_DIGIT.test(text[start - 2] ?? ''))) {
    // A full stop before the word only joins it when a letter precedes that (file.EXT, not "End. NEXT").
    if (before !== ':' && before !== '#') return true;
    // "Note:FREE" is rare; a colon joins only when there is no space (key:VALUE, ns:NAME).
    if (before === ':' && LETTER_OR_DIGIT.test(text[start - 2] ?? '')) return true;
  }
  if (before === '-' && (start < 2 || /[\s\-(]/.test(text[start - 2]!))) return true;
  if (/[_=/\\+(\[{<]/.test(after) || (after === '.' && LETTER_OR_DIGIT.test(text[end + 1] ?? ''))) return true;
  if (after === ':' && LETTER_DIGIT_OR_SLASH().test(text[end + 1] ?? '')) return true;
  if (EXCHANGE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return true;
  if (KEY_NAMES.has(word) && /^\s+(?:keys?|button|bar)\b/i.test(text.slice(end, end + 10))) return true;
  if (TECH_ACRONYMS.has(word) && !CAPITALS_AFTER().test(text.slice(end, end + 12)) && !CAPITALS_BEFORE().test(text.slice(Math.max(0, start - 12), start))) return true;
  if (ENV_NAMES.has(word) && SHELL_CONTEXT.test(sentence())) return true;
  if (HTTP_METHODS.has(word) && HTTP_CONTEXT.test(sentence())) return true;
  return false;
}

// Acronyms the document defines: "type alias impl trait (TAIT)", "Findable… Reusable (FAIR)". Once
// a word stands alone in brackets, it is a name in that document, however English it looks.
const DEFINED = lazyUnicodeRegExp(String.raw`\(([\p{Lu}][\p{Lu}'\u2019]{3,})s?\)`, 'gu');
const definedCache = new WeakMap<ProseDocument, Set<string>>();
function definedAcronyms(doc: ProseDocument): Set<string> {
  let set = definedCache.get(doc);
  if (!set) {
    set = new Set<string>();
    for (const b of doc.blocks) {
      if (!b.text.includes('(')) continue;
      for (const m of b.text.matchAll(DEFINED())) if (spelledBefore(b.text.slice(Math.max(0, m.index - 200), m.index), m[1]!)) set.add(m[1]!);
    }
    definedCache.set(doc, set);
  }
  return set;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'by', 'or']);
/**
 * Do the words before the brackets spell the acronym ("type alias impl trait (TAIT)", "Findable,
 * Accessible, Interoperable, Reusable (FAIR)")? Then it is a definition; "Shipping is (FREE)" is not.
 */
function spelledBefore(before: string, acronym: string): boolean {
  const words = before.match(WORDS()) ?? [];
  const letters = acronym.replace(/['\u2019]/g, '').toUpperCase();
  for (const skipSmall of [true, false]) {
    const ws = skipSmall ? words.filter((w) => !SMALL_WORDS.has(w.toLowerCase())) : words;
    const initials = ws.slice(-letters.length).map((w) => w[0]!.toUpperCase()).join('');
    if (initials === letters) return true;
  }
  return false;
}

export const allCaps: Rule = {
  meta: {
    ...toneMeta(ID, 'Flags words in all capitals (4+ letters) that are not known acronyms or brand terms.', true),
    scope: 'block',
    messages: { shouting: '"{{word}}" is in all capitals, which reads as shouting. Write "{{better}}".' },
  },
  check({ doc, guide, report }) {
    const extras = findingExtras(guide, ID);
    const known = knownWords(guide);
    const defined = definedAcronyms(doc);
    for (const block of doc.blocks) {
      const sentences = blockSentences(block);
      const starts = new Set(sentences.map((s) => firstWordStart(block.text, s.start)));
      const words = wordsOf(block.text);
      // The sentence around a word, sliced once per sentence (a long block has many candidates).
      const sentenceText = new Map<number, string>();
      const sentenceAt = (pos: number): string => {
        let lo = 0;
        let hi = sentences.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (sentences[mid]!.start <= pos) lo = mid;
          else hi = mid - 1;
        }
        const s = sentences[lo];
        if (!s) return block.text;
        let t = sentenceText.get(lo);
        if (t === undefined) sentenceText.set(lo, (t = block.text.slice(s.start, s.end)));
        return t;
      };
      words.forEach((w, i) => {
        const letters = w.text.replace(/['\u2019]/g, '');
        if (letters.length < MIN_CAPITALS || DIGIT().test(letters) || !isUpper(letters) || LOWER().test(letters)) return;
        if (ACRONYMS.has(letters) || known.exact.has(w.text) || isRomanNumeral(letters) || defined.has(w.text)) return;
        // A brand name in capitals ("SLACK" for the term Slack, "ACME CLOUD"): the term rule's finding.
        const upper = w.text.toUpperCase();
        if (known.singleTerms.has(upper)) return;
        if (known.termWords.has(upper) && [words[i - 1], words[i + 1]].some((n) => n && known.termWords.has(n.text.toUpperCase()))) return;
        if (isCodeLike(block.text, w.start, w.end, upper, () => sentenceAt(w.start))) return;
        // A contraction ("DON'T") is English when the word it is built on is.
        if (isEnglishWord(w.text.split(/['\u2019]/)[0]!) === false) return;
        if (!reportable(doc, block, w.start, w.end)) return;
        const lower = w.text.toLowerCase();
        const better = starts.has(w.start) ? capitalize(lower) : lower;
        report({
          ...sourceSpan(doc, block, w.start, w.end),
          message: withBecause(`"${w.text}" is in all capitals, which reads as shouting. Write "${better}".`, extras.because),
          ...extras,
          suggestions: [better],
          fixes: isVerbatim(doc, block, w.start, w.end) ? undefined : [],
        });
      });
    }
  },
};

// Where the first word of a sentence starts (past opening quotes and brackets).
function firstWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\s"'“‘(\[¡¿*_]/.test(text[i]!)) i++;
  return i;
}
