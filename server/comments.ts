// "Disable RULE for this line": the suppression comment in the document's own syntax.

/** `handlebars` also serves Mustache (`{{! … }}`); `twig` also Nunjucks and Jinja (`{# … #}`). */
export type CommentStyle = 'markdown' | 'mdx' | 'html' | 'hash' | 'handlebars' | 'liquid' | 'twig';

/** Opening and closing delimiters of a comment in each style (hash comments close at the line end). */
const DELIMITERS: Record<Exclude<CommentStyle, 'hash'>, [string, string]> = {
  markdown: ['<!--', '-->'],
  html: ['<!--', '-->'],
  mdx: ['{/*', '*/}'],
  handlebars: ['{{!--', '--}}'],
  liquid: ['{% comment %}', '{% endcomment %}'],
  twig: ['{#', '#}'],
};

export interface Insertion {
  at: number;
  text: string;
  /** A YAML comment in front matter: only some parsers read it, so the caller checks it works. */
  frontMatter?: boolean;
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where YAML front matter (--- … ---) ends, or -1. */
function frontMatterEnd(text: string): number {
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return m ? m[0].length : -1;
}

/**
 * The comment that silences `rule` on the line holding `offset`. Normally a
 * `brandlint-disable-next-line` comment on its own line above, with the same indentation. In
 * Markdown, a line that continues a paragraph, list or table gets `brandlint-disable-line` at its
 * end instead: a comment line in the middle would split the block and change how the copy renders.
 */
export function disableLineEdit(text: string, offset: number, rule: string, style: CommentStyle): Insertion {
  const { start, end } = lineBounds(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(start, end))![0];
  const nl = eol(text);
  const fm = frontMatterEnd(text);
  if (fm > 0 && offset < fm) {
    return { at: start, text: `${indent}# brandlint-disable-next-line ${rule}${nl}`, frontMatter: true };
  }
  if (style === 'hash') return { at: start, text: `${indent}# brandlint-disable-next-line ${rule}${nl}` };
  const [open, close] = DELIMITERS[style];
  // HTML/email templates: whitespace between elements is free, so a comment line above is safe.
  if (style !== 'markdown' && style !== 'mdx') {
    return { at: start, text: `${indent}${open} brandlint-disable-next-line ${rule} ${close}${nl}` };
  }
  const prev = start === 0 ? '' : text.slice(lineBounds(text, start - 1).start, start).trim();
  if (prev === '' || (fm > 0 && start === fm)) {
    return { at: start, text: `${indent}${open} brandlint-disable-next-line ${rule} ${close}${nl}` };
  }
  return { at: end, text: ` ${open} brandlint-disable-line ${rule} ${close}` };
}

