import { describe, expect, it } from 'vitest';
import { completionsAt, hoverAt, placeAt } from './assist.js';

/** The source with `|` removed, and the cursor's offset there. */
function at(textWithCursor: string): [string, number] {
  const i = textWithCursor.indexOf('|');
  return [textWithCursor.slice(0, i) + textWithCursor.slice(i + 1), i];
}
const labels = (t: string) => completionsAt(...at(t)).items.map((c) => c.label);

describe('where the cursor is in a half-written guide', () => {
  it.each([
    ['brand: Acme\n|', [], 'key'],
    ['terms:\n  - use: Acme\n    |', ['terms', 0], 'key'],
    ['terms:\n  - use: A\n  - use: B\n    not: [b]\n    |', ['terms', 1], 'key'],
    ['banned:\n- phrase: x\n  |', ['banned', 0], 'key'],
    ['tone:\n  |', ['tone'], 'key'],
    ['tone:\n  sentence-length:\n    |', ['tone', 'sentence-length'], 'key'],
    ['channels:\n  email:\n    files: [a]\n    |', ['channels', 'email'], 'key'],
    ['overrides:\n  - files: [a]\n    tone:\n      |', ['overrides', 0, 'tone'], 'key'],
    ['terms:\n  - use: Acme\n    level: |', ['terms', 0], 'value'],
    ['terms:\n  - use: Acme\n    |\nbanned:\n  - phrase: x\n', ['terms', 0], 'key'],
  ])('%j', (text, path, kind) => {
    const p = placeAt(...at(text));
    expect(p.path).toEqual(path);
    expect(p.kind).toBe(kind);
  });
});

describe('completion', () => {
  it('offers the top-level keys not yet written, with their descriptions', () => {
    const { items } = completionsAt(...at('brand: Acme\n|'));
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['extends', 'terms', 'banned', 'claims', 'tone', 'channels', 'overrides', 'ignore', 'allow']));
    expect(items.map((i) => i.label)).not.toContain('brand');
    expect(items.find((i) => i.label === 'terms')!.documentation).toMatch(/term/i);
    expect(items.find((i) => i.label === 'terms')!.insertText).toBe('terms:\n');
  });

  it("offers a term's keys without the ones it has", () => {
    expect(labels('terms:\n  - use: Acme\n    |')).toEqual(expect.arrayContaining(['not', 'trademark', 'level', 'because', 'docs', 'examples']));
    expect(labels('terms:\n  - use: Acme\n    |')).not.toContain('use');
    expect(labels('banned:\n  - phrase: x\n    |\n    use: y\n')).not.toContain('use');
  });

  it('offers the tone checks and their options', () => {
    expect(labels('tone:\n  |')).toEqual(expect.arrayContaining(['passive-voice', 'weasel-words', 'sentence-length', 'exclamations']));
    expect(labels('tone:\n  sentence-length:\n    |')).toEqual(expect.arrayContaining(['level', 'max']));
  });

  it('offers enum values: levels, contractions, spelling', () => {
    expect(labels('terms:\n  - use: Acme\n    level: |')).toEqual(expect.arrayContaining(['error', 'warning', 'info', 'hint', 'off']));
    expect(labels('tone:\n  passive-voice: |')).toEqual(expect.arrayContaining(['error', 'warning', 'off']));
  });
});

describe('hover', () => {
  it("shows a key's documentation", () => {
    const h = hoverAt(...at('terms:\n  - use: Acme\n    trade|mark: ®\n'))!;
    expect(h.markdown).toMatch(/^\*\*trademark\*\*/);
    expect(h.markdown).toMatch(/first mention/);
  });

  it('knows which entry of terms, banned or claims the cursor is in (where its mapping starts)', () => {
    const src = 'brand: A\nterms:\n  - use: A\n  - use: B\n    not: [|b]\nbanned:\n  - phrase: x\n';
    expect(hoverAt(...at(src))!.entry).toEqual({ section: 'terms', line: 4, column: 5 });
    expect(hoverAt(...at('banned:\n  - phrase: |x\n'))!.entry).toEqual({ section: 'banned', line: 2, column: 5 });
    expect(hoverAt(...at('brand: |A\n'))?.entry).toBeUndefined();
  });
});
