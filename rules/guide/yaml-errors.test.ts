import { describe, expect, it } from 'vitest';
import { loadGuide } from '../index.js';

/** The guide's problems as "line:col-endCol message". */
function problems(text: string): string[] {
  const r = loadGuide('/virtual/brand.yaml', { read: () => text, root: '/virtual' });
  return r.problems.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.message}`);
}

describe('YAML mistakes in plain words', () => {
  it.each([
    ['a key indented too little', 'banned:\n  - phrase: utilize\n   use: use\n', '3:4-12 indentation: "use" is indented 3 spaces, but "phrase" above it starts further right (4 spaces): keys of one entry line up under each other'],
    ['a key indented too far', 'banned:\n  - phrase: utilize\n      use: use\n', '3:7-15 indentation: "use" is indented 6 spaces, deeper than "phrase" (4 spaces) above it, so YAML reads it as part of that value: line them up'],
    ['list items out of line', 'terms:\n  - use: A\n   - use: B\n', '3:4-12 indentation: this list item\'s "-" is indented 3 spaces; the other items of this list start at 2 spaces: line up the dashes'],
    ['an unquoted ": " in a value', 'brand: Acme: Cloud\n', '1:8-19 a value that contains ": " must be quoted: brand: "Acme: Cloud"'],
    ['a key without its colon', 'brand Acme\nterms:\n  - use: A\n', '1:1-11 "brand Acme" has no ":" after its key: write "key: value"'],
    ['a value starting with @', 'brand: @acme\n', '1:8-13 a value cannot start with @ unless it is quoted: write "@acme"'],
    ['tabs', 'terms:\n\t- use: A\n', '2:1-2 indentation: YAML does not allow tabs for indentation; indent with spaces'],
    ['a quote never closed', 'brand: "Acme\n', '1:8-13 YAML: this quote " is never closed: add "'],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });
});
