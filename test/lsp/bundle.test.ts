// The bundled server's source is ASCII (client/build.mjs): V8 keeps a script's source for the
// whole session, and one character above Latin-1 anywhere doubles it (3 MB more resident).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../scripts/bundle-options.mjs';
import { ROOT } from './client.js';

const BUNDLE = path.join(ROOT, 'dist/client/server.cjs');

describe('server bundle source', () => {
  it.skipIf(!fs.existsSync(BUNDLE))('dist/client/server.cjs holds only ASCII characters', () => {
    const code = fs.readFileSync(BUNDLE, 'latin1');
    expect(code.match(/[^\x00-\x7f]/)?.index).toBeUndefined();
  });

  it('asciiOnly keeps what strings and regular expressions mean', () => {
    const plain = '["café — 😀", /[’…]+/.test("…"), /[\\p{L}’]+/u.exec("d’x")[0], /^😀$/u.test("😀"), /^[😀]$/u.test("😀"), /^..$/.test("😀"), /^[😀]$/.test("😀")] // ‘comment’';
    const run = (code: string) => JSON.stringify(new Function(`return ${code}`)());
    const escaped = asciiOnly(plain);
    expect(escaped).not.toMatch(/[^\x00-\x7f]/);
    expect(run(escaped)).toBe(run(plain));
    // An escaped non-ASCII character (wink-nlp's regexes write `\–`) is the same character escaped;
    // an even run of backslashes before it stays literal backslashes.
    for (const code of ['/\\’/.test("’")', '"\\’"', '"\\\\’"', '/a\\\\’/.test("a\\\\’")']) {
      expect(asciiOnly(code)).not.toMatch(/[^\x00-\x7f]/);
      expect(run(asciiOnly(code))).toBe(run(code));
    }
  });
});
