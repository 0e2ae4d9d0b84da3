// Email templates: HTML, MJML, Inky and plain-text emails, with Handlebars/Mustache, Liquid, Twig,
// Jinja, Nunjucks, Go template, Mailchimp and ERB tags. Template tags are blanked first (mask.ts) so
// htmlparser2 reads plain HTML while every offset stays a source offset; prose is then collected
// from text nodes and a few attributes, entity by entity, with each character mapped to the source.
import path from 'node:path';
import type { Block, BlockKind, Directive, ProseDocument } from '../types.js';
import { isBadgeUrl } from './badges.js';
import { BlockBuilder } from './builder.js';
import { htmlCommentDirectives, parseDirective } from './directives.js';
import { fieldText, readFrontMatter } from './frontmatter.js';
import { maskTemplates, spanAt, templateStrings, type MaskedSpan } from './mask.js';
import { introducesQuote, quoteBlock } from './quotations.js';
import { excludeTokens } from './tokens.js';
import { paragraphSpans } from './plain.js';
import { lazyModule } from '../lazy-module.js';
import { LETTER_OR_DIGIT } from '../text/unicode-regexp.js';

// Only HTML email needs them.
const htmlparser2 = lazyModule<typeof import('htmlparser2')>('htmlparser2', () => require('htmlparser2'));
const entities = lazyModule<typeof import('entities')>('entities', () => require('entities'));

/** Elements that end one block of prose and start another; everything else (a, b, span…) joins. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'head', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'option', 'p', 'section', 'select',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
  // Foundation for Emails (Inky)
  'row', 'columns', 'column', 'container', 'callout', 'spacer', 'wrapper', 'menu', 'item',
]);

/** Never prose, nor anything inside them. */
const NON_PROSE = new Set([
  'script', 'style', 'noscript', 'svg', 'math', 'template', 'textarea', 'xml', 'head', 'mj-head',
  'mj-style', 'mj-attributes', 'mj-font', 'mj-breakpoint', 'mj-html-attributes', 'mj-include', 'mj-class',
]);
/** Inside a non-prose element, these are prose again (the subject and preview text live in the head). */
const PROSE_IN_HEAD = new Set(['title', 'mj-title', 'mj-preview']);
/** Inline content that is not prose: written as one SEPARATOR in the surrounding text. */
const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'var']);
const REPLACED = new Set(['img', 'input', 'video', 'audio', 'object', 'iframe', 'canvas', 'mj-image']);

const PROSE_ATTRIBUTES: Record<string, BlockKind> = { alt: 'alt', title: 'attribute', 'aria-label': 'attribute' };

interface Frame {
  name: string;
  prose: boolean;
  code: boolean;
  field?: 'subject' | 'preheader';
  /** Someone else's words: a <blockquote>, an element classed as a quote or testimonial. */
  quote?: boolean;
  /** A <q>: where its text starts in the block being built. */
  inlineQuote?: number;
}

/**
 * Containers that hold someone else's words when an attribution ("Comment by @jane posted on …:",
 * "Alice wrote:") comes right before them: a pasted comment in a styled box.
 */
const CONTAINERS = new Set(['div', 'section', 'aside', 'article', 'figure', 'blockquote', 'details']);

/**
 * Reading state carried from one HTML fragment to the next (raw HTML blocks of one Markdown
 * container): the elements a quotation's container left open, and whether the last prose read
 * introduces a quotation. A `<blockquote>` opened in one raw HTML block and closed in a later one
 * holds the Markdown between them.
 */
export interface FragmentContext {
  open: Array<{ name: string; prose: boolean; code: boolean; quote: boolean }>;
  introduced: boolean;
}

/** Classes that make an element a quotation (email layouts rarely use <blockquote> for them). */
const QUOTE_CLASS = /(?:^|[\s_-])(?:testimonials?|quote|blockquote|pullquote|quotation)(?:$|[\s_-])/;

export function parseHtml(source: string, file: string): ProseDocument {
  const blocks: Block[] = [];
  const { text: masked, spans } = maskTemplates(source);
  let work = masked;
  const fm = readFrontMatter(source);
  let bodyStart = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (fm) {
    bodyStart = fm.bodyStart;
    for (const [key, field] of [['subject', 'subject'], ['preheader', 'preheader'], ['preview', 'preheader']] as const) {
      const f = fm.fields.get(key);
      if (!f) continue;
      const { text, map } = fieldText(source, f);
      const b = new BlockBuilder();
      for (let i = 0; i < text.length; i++) pushChar(b, text[i]!, map[i]!, spans);
      const block = b.take('front-matter', { field });
      if (block) blocks.push(block);
    }
    work = blank(work, 0, fm.bodyStart);
  }

  // A `Subject:` first line (plain-text emails, and HTML files that carry their subject on top).
  const firstLine = firstNonBlankLine(work, bodyStart);
  const subject = firstLine && /^([ \t]*Subject:[ \t]*)[^<]/i.exec(work.slice(firstLine.start, firstLine.end));
  if (firstLine && subject) {
    const b = new BlockBuilder();
    walkText(b, source, work, firstLine.start + subject[1]!.length, firstLine.end, spans, false);
    const block = b.take('text', { field: 'subject' });
    if (block) blocks.push(block);
    work = blank(work, firstLine.start, firstLine.end);
  }

  const ext = path.extname(file).toLowerCase();
  const plain = ext === '.txt' || ext === '.text' || !/<\/?[A-Za-z!]/.test(work);
  if (plain) blocks.push(...plainTextBlocks(source, work, spans));
  else blocks.push(...htmlBlocks(source, work, spans));

  blocks.push(...templateArgumentBlocks(source, spans));

  // A block that was only a URL or a handle is no prose at all.
  const out = blocks.map(excludeTokens).filter((b) => LETTER_OR_DIGIT.test(b.text));
  const directives: Directive[] = [...htmlCommentDirectives(source)];
  for (const s of spans) {
    if (s.comment === undefined) continue;
    const d = parseDirective(s.comment.replace(/^-+|-+$/g, ''), s.start, s.end);
    if (d) directives.push(d);
  }
  directives.sort((a, b) => a.start - b.start);
  return {
    path: file,
    format: 'html',
    source,
    blocks: out,
    directives,
    frontMatter: fm?.data,
    subject: out.find((b) => b.field === 'subject'),
    preheader: out.find((b) => b.field === 'preheader'),
  };
}

/**
 * The prose of an HTML fragment inside another document (a raw HTML block in Markdown: a <div>,
 * <p>, <h2>, <details><summary>), read as an email's body is, with source offsets.
 */
export function htmlFragmentBlocks(source: string, from: number, to: number, ctx?: FragmentContext): Block[] {
  const slice = source.slice(from, to);
  if (!/[\p{L}\p{N}]/u.test(slice.replace(/<[^>]*>/g, ''))) {
    // Tags alone: only a prose attribute (alt, title, aria-label) can hold copy, or a tag that opens
    // or closes a quotation read on in later fragments.
    const quoting = ctx && (ctx.open.length > 0 || (ctx.introduced && /<[a-z]/i.test(slice)) || /<blockquote\b|\bclass\s*=/i.test(slice));
    if (!quoting && !/\b(?:alt|title|aria-label)\s*=/i.test(slice)) return [];
  }
  const { text: masked, spans } = maskTemplates(slice);
  const blocks = htmlBlocks(slice, masked, spans, ctx).map(excludeTokens).filter((b) => LETTER_OR_DIGIT.test(b.text));
  for (const b of blocks) {
    const map = new Int32Array(b.map.length);
    for (let i = 0; i < map.length; i++) map[i] = b.map[i]! + from;
    b.map = map;
  }
  return blocks;
}

/** Same-length blanks over [from, to), keeping line breaks. */
function blank(s: string, from: number, to: number): string {
  return s.slice(0, from) + s.slice(from, to).replace(/[^\r\n]/g, ' ') + s.slice(to);
}

function firstNonBlankLine(s: string, from: number): { start: number; end: number } | undefined {
  const re = /[^\r\n]*/y;
  let i = from;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s)!;
    const end = i + m[0].length;
    if (m[0].trim()) return { start: i, end };
    i = end + (s[end] === '\r' && s[end + 1] === '\n' ? 2 : 1);
  }
  return undefined;
}

/** Appends source[from, to) to a block: template tags become SEPARATORs, entities decode (if html). */
function walkText(b: BlockBuilder, source: string, work: string, from: number, to: number, spans: MaskedSpan[], html: boolean): void {
  let i = from;
  while (i < to) {
    if (work.charCodeAt(i) === 32 && source.charCodeAt(i) !== 32 && spanAt(spans, i) < 0) {
      // Blanked but not a template tag: front matter or the subject line, read elsewhere.
      i++;
      continue;
    }
    const si = spanAt(spans, i);
    if (si >= 0) {
      const span = spans[si]!;
      // One SEPARATOR per tag, even when the parser hands us the text in pieces.
      if (span.start >= from || !b.lastIsSeparator()) b.separator(span.start, 'template');
      i = span.end;
      continue;
    }
    const ch = source[i]!;
    if (html && ch === '&') {
      // Escaped markup (`&lt;!--[if mso]&gt;` in <mj-raw>, `&lt;br&gt;`) is markup shown or
      // passed through, not copy: one SEPARATOR, so its `!` is no exclamation and no fix reaches it.
      const tag = escapedTagAt(source, i, to);
      if (tag > i) {
        if (!b.lastIsSeparator()) b.separator(i, 'html');
        i = tag;
        continue;
      }
      const e = decodeEntityAt(source, i, to);
      if (e) {
        // Maps only increase: a second UTF-16 unit (an astral char) maps just after the '&'.
        for (let k = 0; k < e.text.length; k++) b.push(e.text[k]!, i + Math.min(k, e.length - 1));
        i += e.length;
        continue;
      }
    }
    pushChar(b, ch, i, spans);
    i++;
  }
}

function pushChar(b: BlockBuilder, ch: string, at: number, spans: MaskedSpan[]): void {
  const si = spanAt(spans, at);
  if (si >= 0) {
    if (!b.lastIsSeparator()) b.separator(spans[si]!.start, 'template');
    return;
  }
  b.push(ch, at);
}

// `&lt;` then a tag, a comment or a conditional comment, up to its `&gt;` on the same line.
const ESCAPED_TAG = /&lt;(?:!--|!\[|\/?[A-Za-z][\w:-]*(?=[\s/]|&gt;))[^\r\n<>]{0,400}?&gt;/y;

/** The end of an escaped tag starting at `at`, or -1. */
function escapedTagAt(source: string, at: number, to: number): number {
  if (!source.startsWith('&lt;', at)) return -1;
  ESCAPED_TAG.lastIndex = at;
  return ESCAPED_TAG.test(source) && ESCAPED_TAG.lastIndex <= to ? ESCAPED_TAG.lastIndex : -1;
}

/** Each copy-holding string argument of a template tag (`{{ section(title="…") }}`) as a block of its own. */
function templateArgumentBlocks(source: string, spans: MaskedSpan[]): Block[] {
  const out: Block[] = [];
  for (const span of spans) {
    if (span.comment !== undefined) continue;
    for (const arg of templateStrings(source, span.start, span.end)) {
      const b = new BlockBuilder();
      for (let i = arg.start; i < arg.end; ) {
        const ch = source[i]!;
        if (ch === '\\' && i + 1 < arg.end) {
          b.push(source[i + 1]!, i + 1);
          i += 2;
          continue;
        }
        if (ch === '&') {
          const e = decodeEntityAt(source, i, arg.end);
          if (e) {
            for (let k = 0; k < e.text.length; k++) b.push(e.text[k]!, i + Math.min(k, e.length - 1));
            i += e.length;
            continue;
          }
        }
        b.push(ch, i);
        i++;
      }
      const block = b.take('attribute');
      if (block) out.push(block);
    }
  }
  return out;
}

const ENTITY = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/** The character(s) an entity at `at` stands for and how many source characters it takes. */
export function decodeEntityAt(source: string, at: number, to = source.length): { text: string; length: number } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(source);
  if (!m || at + m[0].length > to) return undefined;
  const token = m[0];
  const decoded = entities().decodeHTML(token);
  if (decoded === token) return undefined;
  if (token.endsWith(';') || token[1] === '#') return { text: decoded, length: token.length };
  // A legacy entity without `;` (`&nbsp` , `&copy2024`): the decoder consumed a prefix of the
  // token and left the rest as written; find where that rest starts.
  for (let k = 1; k <= decoded.length; k++) {
    const rest = decoded.slice(k);
    if (token.endsWith(rest) && token.length - rest.length >= 2) return { text: decoded.slice(0, k), length: token.length - rest.length };
  }
  return undefined;
}

/** Plain-text emails: paragraphs split on blank lines. */
function plainTextBlocks(source: string, work: string, spans: MaskedSpan[]): Block[] {
  const out: Block[] = [];
  for (const p of paragraphSpans(work)) {
    const b = new BlockBuilder();
    walkText(b, source, work, p.start, p.next, spans, false);
    // Front matter and the subject line are blanks in `work`, so no paragraph reaches into them.
    const block = b.take('paragraph');
    if (block) out.push(block);
  }
  return out;
}

function htmlBlocks(source: string, work: string, spans: MaskedSpan[], ctx?: FragmentContext): Block[] {
  const out: Block[] = [];
  const stack: Frame[] = [{ name: '#root', prose: true, code: false }];
  const b = new BlockBuilder();
  // The last prose read introduces a quotation: the container opened next holds it.
  let introduced = ctx?.introduced ?? false;
  // Offsets of htmlparser2 past the elements a previous fragment left open (written first, below).
  let shift = 0;
  const top = () => stack[stack.length - 1]!;

  const kindOf = (): { kind: BlockKind; depth?: number; field?: 'subject' | 'preheader' } => {
    for (let i = stack.length - 1; i > 0; i--) {
      const f = stack[i]!;
      if (f.field) return { kind: 'text', field: f.field };
      if (/^h[1-6]$/.test(f.name)) return { kind: 'heading', depth: Number(f.name[1]) };
      if (f.name === 'li') return { kind: 'list-item' };
      if (f.name === 'blockquote') return { kind: 'blockquote' };
      if (isBlock(f.name)) break;
    }
    return { kind: 'paragraph' };
  };
  const flush = () => {
    const k = kindOf();
    const block = b.take(k.kind, { ...(k.depth ? { depth: k.depth } : {}), ...(k.field ? { field: k.field } : {}) });
    if (!block) return;
    if (stack.some((f) => f.quote)) quoteBlock(block);
    introduced = introducesQuote(block.text);
    out.push(block);
  };

  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        const parent = top();
        if (shift < 0) {
          // An element a previous fragment left open: as it was there.
          const carried = ctx!.open[Math.min(stack.length, ctx!.open.length) - 1]!;
          stack.push({ name, prose: carried.prose, code: carried.code, ...(carried.quote ? { quote: true } : {}) });
          return;
        }
        const start = parser.startIndex - shift;
        const end = parser.endIndex + 1 - shift;
        const classes = (attribs.class ?? '').toLowerCase();
        // Inside <head>/<mj-head> nothing is prose but the subject and the preview text.
        const prose = parent.prose
          ? !NON_PROSE.has(name)
          : PROSE_IN_HEAD.has(name) && (parent.name === 'head' || parent.name === 'mj-head');
        const field =
          name === 'title' || name === 'mj-title'
            ? 'subject'
            : name === 'mj-preview' || classes.includes('preheader')
              ? 'preheader'
              : undefined;
        const code = parent.code || CODE.has(name);
        let quote = name === 'blockquote' || QUOTE_CLASS.test(classes);
        if ((isBlock(name) || field || quote) && prose) flush();
        if (prose && introduced && CONTAINERS.has(name)) quote = true;
        if (isBlock(name) && name !== 'br') introduced = false;
        if (prose && !parent.code && CODE.has(name)) b.separator(start, 'code');
        else if (prose && !code && REPLACED.has(name) && !isBlock(name)) b.separator(start, 'html');
        const frame: Frame = { name, prose, code, ...(field ? { field } : {}) };
        if (quote) frame.quote = true;
        if (name === 'q') frame.inlineQuote = b.length;
        stack.push(frame);
        if (prose) {
          const first = out.length;
          attributeBlocks(source, work, start, end, spans, out);
          if (quote || stack.some((f) => f.quote)) for (let k = first; k < out.length; k++) quoteBlock(out[k]!);
        }
      },
      ontext(data) {
        const f = top();
        if (!f.prose || f.code) return;
        // The text ends at endIndex; its start is taken from its length, because htmlparser2's
        // startIndex is stale after a closing tag broken before its '>' ("</i\n  >").
        walkText(b, source, work, parser.endIndex + 1 - shift - data.length, parser.endIndex + 1 - shift, spans, true);
      },
      onclosetag(name) {
        // htmlparser2 closes implied elements too, so the stack mirrors its own.
        let i = stack.length - 1;
        while (i > 0 && stack[i]!.name !== name) i--;
        if (i === 0) return;
        const closing = stack[i]!;
        // After the link's text, as in Markdown: "Click <a>here</a>" is one phrase, but no phrase
        // runs on from the link's text into the next word. The claim rule reads it as a citation.
        if (name === 'a' && closing.prose && !closing.code) b.mark('link');
        if (closing.inlineQuote !== undefined && closing.inlineQuote <= b.length) b.region('quotation', closing.inlineQuote);
        if (closing.prose && (isBlock(name) || closing.field || closing.quote)) flush();
        stack.length = i;
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  if (ctx?.open.length) {
    // Open the carried elements again, so their closing tags here close them.
    const tags = ctx.open.map((f) => `<${f.name}>`).join('');
    shift = -1;
    parser.write(tags);
    shift = tags.length;
  }
  parser.write(work);
  if (ctx) {
    // Carry the open elements from the outermost quotation on, so a later fragment closes them.
    const q = stack.findIndex((f) => f.quote);
    ctx.open = q < 0 ? [] : stack.slice(q).map((f) => ({ name: f.name, prose: f.prose, code: f.code, quote: f.quote === true }));
  }
  parser.end();
  flush();
  if (ctx) ctx.introduced = introduced;
  return out;
}

function isBlock(name: string): boolean {
  return BLOCK_ELEMENTS.has(name) || name.startsWith('mj-');
}

// Attributes from the tag's own source, so their values have exact offsets (htmlparser2 gives
// only the decoded values).
const BADGE_SRC = /\ssrc\s*=\s*["']?([^"'\s>]+)/i;
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributeBlocks(source: string, work: string, start: number, end: number, spans: MaskedSpan[], out: Block[]): void {
  const tag = work.slice(start, end);
  const nameEnd = /^<[^\s\/>]+/.exec(tag);
  if (!nameEnd) return;
  // A badge's alt and title are its label, not copy.
  if (/^<img$/i.test(nameEnd[0])) {
    const src = BADGE_SRC.exec(tag);
    if (src && isBadgeUrl(src[1]!)) return;
  }
  ATTRIBUTE.lastIndex = nameEnd[0].length;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(tag))) {
    const kind = PROSE_ATTRIBUTES[m[1]!.toLowerCase()];
    const value = m[2] ?? m[3] ?? m[4];
    if (!kind || value === undefined) continue;
    const valueStart = start + m.index + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    const b = new BlockBuilder();
    walkText(b, source, work, valueStart, valueStart + value.length, spans, true);
    const block = b.take(kind);
    if (block) out.push(block);
  }
}
