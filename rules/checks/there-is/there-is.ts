import { writeGoodRule } from '../../tone/write-good.js';

// Starting with the subject is more direct. write-good's "thereIs" check is the reference.
export const thereIs = writeGoodRule({
  id: 'there-is',
  check: 'thereIs',
  description: 'Flags sentences and clauses that start with "There is" or "There are".',
  message: (found) => `"${found}" is unnecessary verbiage. Start with the subject.`,
  messages: { thereIs: '"{{found}}" is unnecessary verbiage. Start with the subject.' },
});
