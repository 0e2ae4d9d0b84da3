// TEMPORARY: replaced by the HTML/template parser (issue 4).
import type { ProseDocument } from '../types.js';
import { plainBlocks } from './plain.js';
import { htmlCommentDirectives } from './directives.js';

export function parseHtml(source: string, path: string): ProseDocument {
  return { path, format: 'html', source, blocks: plainBlocks(source), directives: htmlCommentDirectives(source) };
}
