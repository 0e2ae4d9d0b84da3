// Regenerates rules/tone/write-good-tables.ts (write-good's alternations as tries ready to lay out)
// from the compiled write-good-fast.js: `npm run build && node rules/tone/data/build-write-good-tables.mjs`,
// then `npm run build` again. test/differential/write-good-tables.test.ts fails when the file is not current.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tablesModuleSource } from '../../../dist/rules/tone/write-good-fast.js';

const out = fileURLToPath(new URL('../write-good-tables.ts', import.meta.url));
fs.writeFileSync(out, tablesModuleSource());
console.log(`wrote ${out}`);
