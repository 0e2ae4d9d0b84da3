// server/convert.ts remembers which docs strings are http(s) links; the answer must be the same on
// the first and every later diagnostic, for links and for everything that is not one.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/index.js';
import { findingToDiagnostic } from '../../server/convert.js';

const doc = TextDocument.create('file:///x.md', 'markdown', 1, 'We utilize it.\n');
const finding = (docs: string | undefined): Finding => ({
  rule: 'wordy', level: 'warning', message: 'm', docs, start: 3, end: 10, line: 1, column: 4, endLine: 1, endColumn: 11, text: 'utilize', suggestions: [], fixes: [],
});

describe('docs links on diagnostics', () => {
  it.each([
    ['https://example.com/guide#wordy', true],
    ['http://example.com', true],
    ['HTTPS://EXAMPLE.COM/x', true],
    ['ftp://example.com/x', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['', false],
    [undefined, false],
  ])('%s', (docs, link) => {
    for (let i = 0; i < 3; i++) {
      const d = findingToDiagnostic(finding(docs), doc);
      expect(d.codeDescription).toEqual(link ? { href: docs } : undefined);
    }
  });
});
