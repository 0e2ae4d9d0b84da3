// The corpus's files for every bench script: one walk.
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name matches `name`, sorted. */
export function filesUnder(dir, name) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (name.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
