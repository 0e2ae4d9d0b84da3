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

// Openers, longest first so `{{{` wins over `{{` and `{{!--` over `{{!`.
const DELIMITERS: { open: string; close: string; comment?: boolean }[] = [
  { open: '{{!--', close: '--}}', comment: true },
  { open: '{{{', close: '}}}' },
  { open: '{{!', close: '}}', comment: true },
  { open: '{{', close: '}}' },
  { open: '{%', close: '%}' },
  { open: '{#', close: '#}', comment: true },
  { open: '*|', close: '|*' },
  { open: '<%#', close: '%>', comment: true },
  { open: '<%', close: '%>' },
];

// Merge tags and expressions are short and stay on one line; a `*|` or `{{` that does not close
// nearby is literal text, not a tag. Block comments may be long.
const MAX_TAG = 2000;
const MAX_MERGE_TAG = 100;
const BLOCK_COMMENT = /\{%-?\s*(comment)\s*-?%\}/y;

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
    // Fast skip: every opener starts with '{', '*' or '<'.
    if (c !== 123 /* { */ && c !== 42 /* * */ && c !== 60 /* < */) {
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
      const limit = d.open === '*|' ? MAX_MERGE_TAG : d.comment ? n : MAX_TAG;
      const from = i + d.open.length;
      const close = findClose(d.close, from, () => ({ at: source.indexOf(d.close, from), len: d.close.length })).at;
      if (close < 0 || close - i > limit) continue;
      if (d.open === '*|' && /[\r\n\s]/.test(source.slice(i + 2, close))) continue;
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
