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

  it('stores each ref as [path index, line, column] and gives back the same guide, key order included', () => {
    const { dir, guide, read, store } = setup();
    // Refs in every place a guide has them: entries, tone, overrides and their sections.
    fs.appendFileSync(guide, 'overrides:\n  - files: ["*.txt"]\n    tone:\n      passive-voice: { level: info }\n    terms:\n      - use: Acme\n        not: [ACME]\n');
    const loaded = loadGuide(guide);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    store.put(loaded, read);
    const [name] = fs.readdirSync(path.join(dir, 'cache'));
    const text = fs.readFileSync(path.join(dir, 'cache', name!), 'utf8');
    expect(text.split(JSON.stringify(guide)).length - 1).toBe(4); // files, paths, guide.path, guide.files: no ref
    const hit = store.get(guide, read);
    expect(JSON.stringify(hit)).toBe(JSON.stringify(loaded));
    expect(hit).toEqual(loaded);
    if (!hit?.ok) throw new Error('miss');
    expect((hit.guide.overrides[0]!.tone as Record<string, { ref: unknown }>)['passive-voice']!.ref).toEqual({ file: guide, line: 14, column: 7 });
    // The loaded guide itself is not changed by writing it.
    expect(loaded.guide.terms[0]!.ref.file).toBe(path.join(dir, 'org.yaml'));
  });

  it('a corrupt or foreign entry is a miss, never a wrong guide', () => {
    const { dir, guide, read, store } = setup();
    store.put(loadGuide(guide), read);
    const cache = path.join(dir, 'cache');
    const file = path.join(cache, fs.readdirSync(cache)[0]!);
    const good = fs.readFileSync(file, 'utf8');
    const entry = JSON.parse(good);
    const variants = [
      good.slice(0, good.length / 2),
      JSON.stringify({ ...entry, paths: [] }),
      JSON.stringify({ ...entry, paths: undefined }),
      good.replace(/"ref":\[\d+,/, '"ref":[7,'),
      good.replace(/"ref":\[\d+,\d+,\d+\]/, '"ref":{"line":1}'),
    ];
    for (const v of variants) {
      expect(v).not.toBe(good);
      fs.writeFileSync(file, v);
      expect(store.get(guide, read)).toBeUndefined();
    }
    fs.writeFileSync(file, good);
    expect(store.get(guide, read)).toEqual(loadGuide(guide));
  });

  it('put(…, { later }) writes on flush(), once', () => {
    const { dir, guide, read, store } = setup();
    store.put(loadGuide(guide), read, { later: true });
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
    expect(store.get(guide, read)).toBeUndefined();
    store.flush();
    expect(store.get(guide, read)).toEqual(loadGuide(guide));
    fs.rmSync(path.join(dir, 'cache'), { recursive: true });
    store.flush();
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
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
