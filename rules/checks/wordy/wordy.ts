import { writeGoodRule } from '../../tone/write-good.js';

// Plain words read faster. write-good's "tooWordy" check is the reference.
export const wordy = writeGoodRule({
  id: 'wordy',
  check: 'tooWordy',
  description: 'Flags wordy phrases and words with a plainer alternative ("a number of", "utilize").',
  message: (found) => `"${found}" is wordy or unneeded.`,
  messages: { wordy: '"{{found}}" is wordy or unneeded.' },
});
