import { writeGoodRule } from '../../tone/write-good.js';

// A leading "So" adds no meaning in writing. write-good's "so" check is the reference.
export const so = writeGoodRule({
  id: 'so',
  check: 'so',
  description: 'Flags sentences and clauses that start with "So".',
  message: (found) => `"${found}" adds no meaning at the start of a sentence.`,
  messages: { leadingSo: '"{{found}}" adds no meaning at the start of a sentence.' },
});
