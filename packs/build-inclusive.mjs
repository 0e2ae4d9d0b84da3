#!/usr/bin/env node
// Builds packs/inclusive.yaml (brandlint:inclusive) from retext-equality's pattern data (MIT,
// © Titus Wormer): each pattern becomes a banned entry with the considerate alternatives as `use`
// and retext-equality's note as the reason.
//   node packs/build-inclusive.mjs [DATA_DIR] [--out FILE]
// DATA_DIR defaults to ../shared/corpus/brand-rules/retext-equality/data/en (or
// node_modules/retext-equality/data/en when that package is installed).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, Document } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(root, 'packs/inclusive.yaml');
if (outAt >= 0) args.splice(outAt, 2);
const candidates = [args[0], path.resolve(root, '../shared/corpus/brand-rules/retext-equality/data/en'), path.join(root, 'node_modules/retext-equality/data/en')];
const dataDir = candidates.find((d) => d && fs.existsSync(d));
if (!dataDir) {
  console.error('build-inclusive: retext-equality data not found; pass its data/en folder');
  process.exit(2);
}

// Alone, these are ordinary pronouns: flagging every "he" or "her" in marketing copy buries the
// useful findings. (retext-equality flags them only when one form appears without the other.)
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', "he'd", "she'd", "he'll", "she'll", "he's", "she's"]);
const DOCS = 'https://github.com/retextjs/retext-equality/blob/main/rules.md';
const CATEGORY = { ablist: 'ableist', condescending: 'condescending', gender: 'gendered', lgbtq: 'LGBTQ+', misc: 'insensitive', press: 'insensitive', race: 'racial', slogans: 'insensitive', suicide: 'suicide-related' };

const list = (v) => (v == null ? [] : Array.isArray(v) ? v.map(String) : typeof v === 'object' ? Object.keys(v) : [String(v)]);

const banned = [];
const seen = new Set();
let patterns = 0;
let dropped = 0;
for (const file of fs.readdirSync(dataDir).filter((f) => f.endsWith('.yml')).sort()) {
  const category = CATEGORY[file.replace(/\.yml$/, '')] ?? 'insensitive';
  for (const p of parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) ?? []) {
    patterns++;
    const phrases = list(p.inconsiderate).filter((w) => !PRONOUNS.has(w.toLowerCase()) && !seen.has(w.toLowerCase()));
    if (phrases.length === 0) {
      dropped++;
      continue;
    }
    for (const w of phrases) seen.add(w.toLowerCase());
    const use = [...new Set(list(p.considerate))].slice(0, 6);
    const reason = [p.note ? String(p.note).replace(/`/g, '"') : `May be ${category}.`, p.condition ? `(Flagged ${String(p.condition)}.)` : ''].filter(Boolean).join(' ');
    const entry = { phrase: phrases.length === 1 ? phrases[0] : phrases };
    // Several alternatives are quick fixes the writer picks from. A single one would be applied by
    // --fix unasked, and these depend on the sentence: it goes into the reason instead.
    if (use.length > 1) entry.use = use;
    entry.because = use.length === 1 ? `${reason} Consider "${use[0]}".` : reason;
    // A condition ("when referring to a person") means it depends on context: a hint, not a warning.
    entry.level = p.condition ? 'hint' : 'info';
    const source = p.source ? String(p.source).split(/[\s,]+/)[0] : '';
    if (/^https?:\/\//.test(source)) entry.docs = source;
    banned.push(entry);
  }
}

const doc = new Document({ docs: DOCS, banned });
doc.commentBefore = [
  ' brandlint:inclusive — inclusive-language pack, built by packs/build-inclusive.mjs from',
  " retext-equality's data (https://github.com/retextjs/retext-equality), MIT, (c) 2015 Titus Wormer.",
  ` ${banned.length} entries from ${patterns} patterns (${dropped} pronoun-only or repeated patterns left out).`,
  ' Levels: info, or hint where retext-equality flags a word only in some contexts.',
  ' Do not edit by hand: change the script and run `node packs/build-inclusive.mjs`.',
].join('\n');
fs.writeFileSync(out, doc.toString({ lineWidth: 0 }));
console.log(`${path.relative(process.cwd(), out)}: ${banned.length} entries from ${patterns} patterns (${dropped} left out)`);
