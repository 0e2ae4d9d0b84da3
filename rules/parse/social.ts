// TEMPORARY: replaced by the social-draft parser (issue 4).
import type { Guide, ProseDocument } from '../types.js';
import { plainBlocks } from './plain.js';

export function parseSocial(source: string, path: string, _guide?: Guide): ProseDocument {
  return { path, format: 'social', source, blocks: plainBlocks(source), directives: [] };
}
