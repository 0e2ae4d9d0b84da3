import path from 'node:path';
import type { Format, Guide, ProseDocument } from '../types.js';
import { channelFor } from '../guide/overrides.js';
import { parseMarkdown } from './markdown.js';
import { parseMdx } from './mdx.js';
import { parseHtml } from './html.js';
import { parseSocial } from './social.js';
import { markQuotations } from './quotations.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];
export const EMAIL_EXTENSIONS = ['.html', '.htm', '.mjml', '.hbs', '.handlebars', '.mustache', '.liquid', '.twig', '.njk'];
export const SOCIAL_EXTENSIONS = ['.txt', '.tweet', '.post'];
export const COPY_EXTENSIONS = [...MARKDOWN_EXTENSIONS, ...EMAIL_EXTENSIONS, ...SOCIAL_EXTENSIONS];

/** What the guide says the Markdown parser reads as copy in this file. */
export function markdownOptions(file: string, guide: Guide | undefined): { frontMatter?: string[]; props?: string[]; email?: boolean } {
  if (!guide) return {};
  const out: { frontMatter?: string[]; props?: string[]; email?: boolean } = {};
  if (guide.copy?.frontMatter) out.frontMatter = guide.copy.frontMatter;
  if (guide.copy?.props) out.props = guide.copy.props;
  if (channelFor(guide, file) === 'email') out.email = true;
  return out;
}

/** Which parser a file gets: by channel first (a guide may call any file social or email), then by extension. */
export function formatOf(file: string, guide?: Guide, languageId?: string): Format | undefined {
  if (languageId === 'social-draft') return 'social';
  const ext = path.extname(file).toLowerCase();
  const channel = guide ? channelFor(guide, file) : undefined;
  if (channel === 'social' && !EMAIL_EXTENSIONS.includes(ext)) return 'social';
  if (channel === 'email' && !MARKDOWN_EXTENSIONS.includes(ext)) return 'html';
  if (ext === '.mdx') return 'mdx';
  if (MARKDOWN_EXTENSIONS.includes(ext)) return 'markdown';
  if (EMAIL_EXTENSIONS.includes(ext)) return 'html';
  if (SOCIAL_EXTENSIONS.includes(ext)) return 'social';
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'mdx') return 'mdx';
  if (languageId === 'html' || languageId === 'handlebars') return 'html';
  if (languageId === 'plaintext') return 'social';
  return undefined;
}

/** `speakers: false` leaves out what only the whole document tells (see speakerRegions). */
export function parseDocument(file: string, source: string, format: Format, guide?: Guide, speakers = true): ProseDocument {
  const doc = parseFormat(file, source, format, guide);
  markQuotations(doc, speakers);
  return doc;
}

function parseFormat(file: string, source: string, format: Format, guide?: Guide): ProseDocument {
  switch (format) {
    case 'markdown':
      return parseMarkdown(source, file, markdownOptions(file, guide));
    case 'mdx':
      return parseMdx(source, file, markdownOptions(file, guide));
    case 'html':
      return parseHtml(source, file);
    case 'social':
    case 'text':
      return parseSocial(source, file, guide);
  }
}
