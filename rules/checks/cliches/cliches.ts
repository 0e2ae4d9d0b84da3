import { writeGoodRule } from '../../tone/write-good.js';

// Worn-out phrases make copy sound generic. write-good's "cliches" check is the reference.
export const cliches = writeGoodRule({
  id: 'cliches',
  check: 'cliches',
  description: 'Flags clichés ("tip of the iceberg", "in a nutshell", "last but not least").',
  message: (found) => `"${found}" is a cliché. Say it in your own words.`,
  messages: { cliche: '"{{found}}" is a cliché. Say it in your own words.' },
});
