import { writeGoodRule } from '../../tone/write-good.js';

// Confident copy commits to a claim. write-good's "weasel" check is the reference.
export const weaselWords = writeGoodRule({
  id: 'weasel-words',
  check: 'weasel',
  description: 'Flags weasel words ("very", "quite", "several") that weaken a statement.',
  message: (found) => `"${found}" is a weasel word and can weaken meaning.`,
  messages: { weasel: '"{{found}}" is a weasel word and can weaken meaning.' },
});
