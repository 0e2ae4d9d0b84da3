// The two text edits the server makes on its own: `allow:` in brand.yaml and the suppression comment.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { addAllowedPhrase } from '../../server/allow.js';
import { disableLineEdit } from '../../server/comments.js';

function allow(source: string, phrase: string): string {
  const r = addAllowedPhrase(source, phrase);
  if (!('edit' in r)) throw new Error(JSON.stringify(r));
  return source.slice(0, r.edit.start) + r.edit.text + source.slice(r.edit.end);
}

describe('addAllowedPhrase', () => {
  it('appends to a block list at its indentation, after a trailing comment, keeping every comment and blank line', () => {
    const src = '# Acme\nbrand: Acme  # name\n\nallow:\n  - foo   # ok\n  - bar\n\n# tail\nbanned:\n  - phrase: x\n';
    expect(allow(src, 'Utilize')).toBe('# Acme\nbrand: Acme  # name\n\nallow:\n  - foo   # ok\n  - bar\n  - Utilize\n\n# tail\nbanned:\n  - phrase: x\n');
  });
  it('adds allow: when there is none, and to an empty file', () => {
    expect(allow('brand: Acme\n# end\n', 'synergy')).toBe('brand: Acme\n# end\nallow:\n  - synergy\n');
    expect(allow('', 'synergy')).toBe('allow:\n  - synergy\n');
  });
  it('extends flow lists, quoting what flow syntax needs', () => {
    expect(allow('allow: [a, b]  # c\n', 'x, y')).toBe('allow: [a, b, "x, y"]  # c\n');
    expect(allow('allow: []\n', 'z')).toBe('allow: [z]\n');
  });
  it('fills an empty allow: below its comment', () => {
    expect(allow('allow:   # none yet\nbanned: []\n', 'q')).toBe('allow:   # none yet\n  - q\nbanned: []\n');
  });
  it('quotes YAML-special phrases and keeps CRLF', () => {
    const out = allow('brand: A\r\nallow:\r\n  - a\r\n', 'Note: #1');
    expect(out).toBe('brand: A\r\nallow:\r\n  - a\r\n  - "Note: #1"\r\n');
    expect(parseDocument(out).toJS().allow).toEqual(['a', 'Note: #1']);
  });
  it('says so when the phrase is already allowed (any case or spacing) or the file cannot take it', () => {
    expect(addAllowedPhrase('allow:\n  - Best  In class\n', 'best in Class')).toEqual({ already: true });
    expect(addAllowedPhrase('allow: yes\n', 'x')).toHaveProperty('error');
    expect(addAllowedPhrase('allow: [a\n', 'x')).toHaveProperty('error');
  });
});

describe('disableLineEdit', () => {
  const apply = (t: string, at: number, style: Parameters<typeof disableLineEdit>[3]) => {
    const i = disableLineEdit(t, at, 'banned', style);
    return t.slice(0, i.at) + i.text + t.slice(i.at);
  };
  it('puts the comment above, indented like the line', () => {
    const t = '- a\n\n  We utilize it.\n';
    expect(apply(t, t.indexOf('utilize'), 'markdown')).toBe('- a\n\n  <!-- brandlint-disable-next-line banned -->\n  We utilize it.\n');
  });
  it('uses end-of-line comments inside a Markdown paragraph or table, a YAML comment in front matter', () => {
    const t = '| a | b |\n| - | - |\n| utilize | x |\n';
    expect(apply(t, t.indexOf('utilize'), 'markdown')).toBe('| a | b |\n| - | - |\n| utilize | x | <!-- brandlint-disable-line banned -->\n');
    const fm = '---\ntitle: We utilize\n---\n\nText\n';
    expect(apply(fm, fm.indexOf('utilize'), 'markdown')).toBe('---\n# brandlint-disable-next-line banned\ntitle: We utilize\n---\n\nText\n');
  });
  it('MDX, HTML and social drafts', () => {
    expect(apply('A\nB utilize\n', 4, 'mdx')).toBe('A\nB utilize {/* brandlint-disable-line banned */}\n');
    expect(apply('<p>\n  utilize\n</p>', 6, 'html')).toBe('<p>\n  <!-- brandlint-disable-next-line banned -->\n  utilize\n</p>');
    expect(apply('Post one\r\nutilize\r\n', 11, 'hash')).toBe('Post one\r\n# brandlint-disable-next-line banned\r\nutilize\r\n');
  });
});
