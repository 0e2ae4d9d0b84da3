import { writeGoodRule } from '../../tone/write-good.js';

// E-Prime pushes towards concrete verbs. write-good's "eprime" check is the reference.
export const ePrime = writeGoodRule({
  id: 'e-prime',
  check: 'eprime',
  description: 'Flags every form of "to be" (E-Prime). Strict: off unless the guide turns it on.',
  message: (found) => `"${found}" is a form of "to be".`,
  messages: { toBe: '"{{found}}" is a form of "to be".' },
});
