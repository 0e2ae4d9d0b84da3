// Template syntax in email copy (Handlebars, Mustache, Liquid, Twig, Jinja, Nunjucks, Go templates,
// Mailchimp merge tags, ERB) is replaced by same-length blanks before HTML parsing, so the parser
// never sees it and every offset in the masked text is still an offset in the source.

export interface MaskedSpan {
  start: number;
  end: number;
  /** The inner text of a comment tag (`{{!-- … --}}`, `{{! … }}`, `{# … #}`, `<%# … %>`), for directives. */
  comment?: string;
}

export interface Masked {
  /** The source with every template tag blanked (newlines kept). Same length as the source. */
  text: string;
  /** The tags that were blanked, in source order. */
  spans: MaskedSpan[];
}

// Openers, longest first so `{{{` wins over `{{` and `{{!--` over `{{!`. `merge` marks the merge
// tags of ESPs (Mailchimp `*|FNAME|*`, Salesforce `%%FirstName%%`, `${name}`, `[[name]]`, Smarty
// `{$name}`): short, on one line, without blanks, or they are literal text.
const DELIMITERS: { open: string; close: string; comment?: boolean; merge?: boolean }[] = [
  { open: '{{!--', close: '--}}', comment: true },
  { open: '{{{', close: '}}}' },
  { open: '{{!', close: '}}', comment: true },
  { open: '{{', close: '}}' },
  { open: '{%', close: '%}' },
  { open: '{#', close: '#}', comment: true },
  { open: '{$', close: '}', merge: true },
  { open: '*|', close: '|*', merge: true },
  { open: '%%', close: '%%', merge: true },
  { open: '${', close: '}', merge: true },
  { open: '[[', close: ']]', merge: true },
  { open: '<%#', close: '%>', comment: true },
  { open: '<%', close: '%>' },
];

// Merge tags and expressions are short and stay on one line; a `*|` or `{{` that does not close
// nearby is literal text, not a tag. Block comments may be long.
const MAX_TAG = 2000;
const MAX_MERGE_TAG = 100;
const BLOCK_COMMENT = /\{%-?\s*(comment)\s*-?%\}/y;

// What a merge tag holds: a name, maybe a dotted path, a filter or a default (`*|FNAME|*`,
// `%%=v(@first)=%%`, `${user.name}`, `[[first_name|there]]`).
const MERGE_NAME = /^[=@]?[A-Za-z_][\w.:|()@=,'"-]*$/;

/** Where a merge tag opened at `from` closes: before the first blank, line break or new opener, or -1. */
function mergeClose(source: string, from: number, close: string): number {
  const end = Math.min(source.length, from + MAX_MERGE_TAG);
  for (let k = from; k < end; k++) {
    const c = source.charCodeAt(k);
    if (c <= 32 || c === 60 /* < */ || c === 62 /* > */) return -1;
    if (source.startsWith(close, k)) return k;
  }
  return -1;
}

export function maskTemplates(source: string): Masked {
  const spans: MaskedSpan[] = [];
  let out: string[] | undefined;
  let i = 0;
  const n = source.length;
  // The first close at or after a position, remembered per closer: openers come in source order,
  // so each closer is searched for once per occurrence. Searching afresh for every opener was
  // quadratic (a file of 20,000 unclosed `{% comment %}` never finished).
  const closes = new Map<string, { at: number; len: number }>();
  const findClose = (key: string, from: number, search: () => { at: number; len: number }) => {
    const hit = closes.get(key);
    if (hit && (hit.at < 0 || hit.at >= from)) return hit;
    const found = search();
    closes.set(key, found);
    return found;
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    // Fast skip: every opener starts with '{', '*', '<', '%', '$' or '['.
    if (c !== 123 /* { */ && c !== 42 /* * */ && c !== 60 /* < */ && c !== 37 /* % */ && c !== 36 /* $ */ && c !== 91 /* [ */) {
      i++;
      continue;
    }
    let matched = false;
    // Liquid/Jinja/Nunjucks block comments: everything up to the end tag is a comment, not copy.
    if (c === 123 && source.startsWith('{%', i)) {
      BLOCK_COMMENT.lastIndex = i;
      const open = BLOCK_COMMENT.exec(source);
      if (open) {
        const from = i + open[0].length;
        const close = findClose(`end${open[1]}`, from, () => {
          const endTag = new RegExp(`\\{%-?\\s*end${open[1]}\\s*-?%\\}`, 'g');
          endTag.lastIndex = from;
          const m = endTag.exec(source);
          return m ? { at: m.index, len: m[0].length } : { at: -1, len: 0 };
        });
        if (close.at >= 0) {
          const end = close.at + close.len;
          const span: MaskedSpan = { start: i, end, comment: source.slice(from, close.at) };
          spans.push(span);
          out ??= source.split('');
          for (let k = i; k < end; k++) if (source[k] !== '\n' && source[k] !== '\r') out[k] = ' ';
          i = end;
          continue;
        }
      }
    }
    for (const d of DELIMITERS) {
      if (!source.startsWith(d.open, i)) continue;
      const limit = d.merge ? MAX_MERGE_TAG : d.comment ? n : MAX_TAG;
      const from = i + d.open.length;
      // Merge tags are searched for from each opener (they are short: the search stops at a blank).
      const close = d.merge ? mergeClose(source, from, d.close) : findClose(d.close, from, () => ({ at: source.indexOf(d.close, from), len: d.close.length })).at;
      if (close < 0 || close - i > limit) continue;
      if (d.merge && (close === from || !MERGE_NAME.test(source.slice(from, close)))) continue;
      const end = close + d.close.length;
      const span: MaskedSpan = { start: i, end };
      if (d.comment) span.comment = source.slice(i + d.open.length, close).replace(/^~|~$/g, '');
      spans.push(span);
      out ??= source.split('');
      for (let k = i; k < end; k++) {
        const ch = source[k]!;
        if (ch !== '\n' && ch !== '\r') out[k] = ' ';
      }
      i = end;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return { text: out ? out.join('') : source, spans };
}

/** Index of the masked span containing `offset`, or -1 (spans are sorted and disjoint). */
export function spanAt(spans: MaskedSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A string argument of a template tag that holds copy: source offsets of its content, end exclusive. */
export interface TemplateString {
  start: number;
  end: number;
}

// A keyword argument or dict entry whose value is a string literal: `title="…"`, `alt='…'`,
// `"body": "…"`, `subtitle: "…"`. Not `x == "…"` (a comparison), nor a Liquid filter's argument
// (`| default: "…"`, `| date: "…"`): a fallback or a format, not the copy itself.
const KEYED_STRING = /(?<!\|\s*)(?<![\w"'-])(?:(["'])([\w-]+)\1|([A-Za-z_][\w-]*))\s*(?:(?<![=!<>])=(?!=)|:)\s*(?:"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)')/g;
// A translated string: `_("…")`, `gettext('…')`, `trans("…")`, `t("…")`.
const GETTEXT = /(?<![\w.])(?:_|gettext|ngettext|trans|t)\(\s*(?:"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)')/g;
/** Keys whose values are markup, addresses or names, never copy. */
const NOT_COPY_KEY =
  /^(?:url|href|src|srcset|link|to|class|classes|classname|id|icon|image|img|style|css|type|kind|variant|color|colour|size|target|rel|width|height|template|layout|slug|path|file|key|name|lang|locale|theme|align|format|date|email|tag|tags|action|method|role|ref|value|as|for|data-[\w-]*|aria-(?!label)[\w-]*)$/i;

/**
 * The string arguments of a template tag that are copy (`{{ section(title="…", body="…") }}`,
 * `{{< figure caption="…" >}}`, `{{ _("…") }}`): each one a run of copy of its own. Values
 * that look like a path, an address or an identifier are not copy.
 */
export function templateStrings(source: string, start: number, end: number): TemplateString[] {
  const tag = source.slice(start, end);
  if (!tag.includes('"') && !tag.includes("'")) return [];
  const out: TemplateString[] = [];
  const add = (value: string, at: number) => {
    if (!/[A-Za-z\u00C0-\uFFFF]/.test(value)) return;
    // A string that holds template code ('{{ title }}') is a value passed on, not copy.
    if (/\{\{|\{%|\}\}|%\}/.test(value)) return;
    // One word is a key, a name or a setting far more often than copy (`medium='logo'`, `size: "large"`).
    if (!/\s/.test(value.trim())) return;
    out.push({ start: start + at, end: start + at + value.length });
  };
  for (const m of tag.matchAll(KEYED_STRING)) {
    const key = m[2] ?? m[3]!;
    if (NOT_COPY_KEY.test(key)) continue;
    const value = m[4] ?? m[5]!;
    add(value, m.index + m[0].length - value.length - 1);
  }
  for (const m of tag.matchAll(GETTEXT)) {
    const value = m[1] ?? m[2]!;
    add(value, m.index + m[0].length - value.length - 1);
  }
  return out.sort((a, b) => a.start - b.start);
}
