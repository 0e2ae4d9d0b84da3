import { writeGoodRule } from '../../tone/write-good.js';

// A stronger verb beats a weak verb plus an adverb. write-good's "adverb" check is the reference.
export const adverbs = writeGoodRule({
  id: 'adverbs',
  check: 'adverb',
  description: 'Flags adverbs that weaken meaning ("really", "simply", "only").',
  message: (found) => `"${found}" can weaken meaning.`,
  messages: { weakens: '"{{found}}" can weaken meaning.' },
});
