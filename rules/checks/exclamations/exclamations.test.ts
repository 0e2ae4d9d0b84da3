import { ruleTester } from '../../../test/helpers/rule-tester.js';

const max = (n: number) => `tone:\n  exclamations: { level: warning, max: ${n} }\n`;

ruleTester('exclamations', {
  guide: max(1),
  valid: [
    {
      name: 'a quoted "!" neither counts nor is reported (a testimonial, <q>), nor escaped markup in <mj-raw>',
      code: '"We love it! Best tool ever!" – Jane Doe\n\nTry it today!\n',
    },
    { name: 'a template\'s filler text neither counts nor is reported', file: 'mail.html', code: '<p>Lorem ipsum dolor sit amet, aperiam! Nisi repellat!</p><p>Click me!</p>' },
    { name: 'escaped markup is not copy', file: 'mail.mjml', code: '<mj-raw>&lt;!--[if mso]&gt;&lt;table&gt;&lt;![endif]--&gt;</mj-raw><mj-text>Hi there!</mj-text>' },
    { name: 'a <q> in an email', file: 'mail.html', code: '<p>She said <q>wow! amazing!</q> and signed up!</p>' },
    { name: 'defaults to max 1', guide: 'tone:\n  exclamations: warning\n', code: 'Hello! Welcome.' },
    { name: 'at the limit', guide: max(2), code: 'Hello! Welcome!' },
    'No exclamation at all.',
    { name: 'code-like tokens are no exclamations', guide: max(0), code: 'Commits typed fix!: or feat(api)!: break the API. Rust prints with println!(x) and vec![1].' },
  ],
  invalid: [
    {
      name: 'quotations.lint: [exclamations] counts quotations again, but never rewrites them',
      guide: `quotations:\n  lint: [exclamations]\n${max(0)}`,
      code: '"We love it!" – Jane Doe\n\nTry it!\n',
      errors: [{ text: '!', line: 1, fixes: [] }, { text: '!', line: 3, fixes: ['Replace "!" with "."'] }],
      output: '"We love it!" – Jane Doe\n\nTry it.\n',
    },
    {
      name: 'each "!" beyond max, per document: a run of them loses all but one, which becomes a full stop',
      code: 'Big news! We launched.\n\nTry it today! Really!!',
      errors: [
        { text: '!', line: 3, column: 13, message: 'Too many exclamation marks: 4 in this document, at most 1.', fixes: ['Replace "!" with "."'] },
        { text: '!', line: 3, column: 21, fixes: ['Replace "!" with "."'] },
        { text: '!', line: 3, column: 22, fixes: ['Remove "!"'] },
      ],
      output: 'Big news! We launched.\n\nTry it today. Really.',
    },
    { name: 'max 0', guide: max(0), code: 'Hello!', errors: [{ text: '!', line: 1, column: 6 }], output: 'Hello.' },
    {
      name: 'an "!" that is not punctuation, in a brand name, or in code does not count',
      guide: `terms:\n  - use: Yahoo!\n${max(1)}`,
      code: 'Use Yahoo! and set !important. Then run `npm test!` now! Done!',
      errors: [{ text: '!', line: 1, column: 62 }],
    },
    { name: 'an exclamation before a colon in prose still counts', guide: max(0), code: 'Big news!: we launched.', errors: 1 },
  ],
});
