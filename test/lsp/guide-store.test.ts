// The language server's disk cache of loaded guides: a hit gives exactly what loadGuide gives, and
// any change to any file the guide was built from (on disk or in an unsaved buffer) is a miss.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuide } from '../../rules/index.js';
import { GuideStore, MAX_ENTRIES } from '../../server/guide-store.js';

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-store-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'org.yaml'), 'terms:\n  - use: GitHub\n    not: [Git Hub]\n    trademark: "®"\n');
  fs.writeFileSync(
    path.join(dir, 'brand.yaml'),
    'brand: Acme\nextends: ./org.yaml\nbanned:\n  - phrase: utilize\n    use: use\n    examples: { bad: [We utilize it.] }\ntone:\n  sentence-length: { max: 25 }\n  contractions: prefer\nallow: [synergy]\n',
  );
  const read = (f: string) => fs.readFileSync(f, 'utf8');
  return { dir, guide: path.join(dir, 'brand.yaml'), read, store: new GuideStore(path.join(dir, 'cache')) };
}

describe('GuideStore', () => {
  it('a hit is the loaded guide, exactly', () => {
    const { guide, read, store } = setup();
    expect(store.get(guide, read)).toBeUndefined();
    const loaded = loadGuide(guide);
    store.put(loaded, read);
    const hit = store.get(guide, read);
    expect(hit).toEqual(JSON.parse(JSON.stringify(loaded)));
    expect(hit).toEqual(loaded);
  });

  it('misses when the guide, a file it extends, or an unsaved buffer differs', () => {
    const { dir, guide, read, store } = setup();
    store.put(loadGuide(guide), read);
    const org = path.join(dir, 'org.yaml');
    expect(store.get(guide, (f) => (f === org ? read(f) + '# edited\n' : read(f)))).toBeUndefined();
    expect(store.get(guide, (f) => (f === guide ? read(f).replace('utilize', 'leverage') : read(f)))).toBeUndefined();
    fs.appendFileSync(org, '  - use: GitLab\n');
    expect(store.get(guide, read)).toBeUndefined();
    expect(store.get(path.join(dir, 'other.yaml'), read)).toBeUndefined();
  });

  it('never keeps a failing guide, nor one whose values JSON cannot hold', () => {
    const { dir, guide, read, store } = setup();
    fs.writeFileSync(guide, 'brand: Acme\ncolour: red\n');
    const bad = loadGuide(guide);
    expect(bad.ok).toBe(false);
    store.put(bad, read);
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
    fs.writeFileSync(guide, 'brand: Acme\ntone:\n  sentence-length: { max: 25 }\n');
    const ok = loadGuide(guide);
    if (!ok.ok) throw new Error('guide');
    // Infinity would come back as null from JSON.
    ok.guide.tone['sentence-length']!.options.max = Infinity;
    store.put(ok, read);
    expect(store.get(guide, read)).toBeUndefined();
    ok.guide.tone['sentence-length']!.options.max = 25;
    store.put(ok, read);
    expect(store.get(guide, read)).toEqual(ok);
  });

  it(`keeps at most ${MAX_ENTRIES} guides`, () => {
    const { dir, read, store } = setup();
    for (let i = 0; i < MAX_ENTRIES + 5; i++) {
      const g = path.join(dir, `g${i}`, 'brand.yaml');
      fs.mkdirSync(path.dirname(g));
      fs.writeFileSync(g, `brand: B${i}\n`);
      store.put(loadGuide(g), read);
    }
    expect(fs.readdirSync(path.join(dir, 'cache')).filter((n) => n.endsWith('.json')).length).toBe(MAX_ENTRIES);
  });
});
