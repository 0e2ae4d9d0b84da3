import { writeGoodRule } from '../tone/write-good.js';
import { mayHaveCliche } from '../tone/write-good-data.js';

// Worn-out phrases make copy sound generic. write-good's "cliches" check is the reference.
export const cliches = writeGoodRule({
  id: 'cliches',
  check: 'cliches',
  description: 'Flags clichés ("tip of the iceberg", "in a nutshell", "last but not least").',
  // write-good's cliché regex is the slowest part of the tone checks; most sentences hold none of
  // the clichés' key words and are skipped.
  mayMatch: mayHaveCliche,
  message: (found) => `"${found}" is a cliché. Say it in your own words.`,
});
