import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('trademark', {
  guide: `
terms:
  - use: Acme Cloud
    trademark: ®
`,
  valid: [
    { name: 'the symbol on the first mention; later mentions need none', code: 'Acme Cloud® is here. Acme Cloud again.' },
    { name: 'the symbol as an HTML entity', code: 'Acme Cloud&reg; is here.' },
    'A cloud of our own.',
    { name: 'a name inside identifiers or a hashtag is no mention', code: 'Install acme-cloud-sync or @acme/cloud.', guide: 'terms:\n  - use: Acme Cloud\n    trademark: ®\n  - use: Acme\n    trademark: ™\n' },
  ],
  invalid: [
    {
      name: 'only the first mention is reported',
      code: 'Acme Cloud is here. Acme Cloud again.',
      errors: [
        {
          text: 'Acme Cloud',
          line: 1,
          column: 1,
          message: 'The first mention of "Acme Cloud" carries ®: write "Acme Cloud®".',
          suggestions: ['Acme Cloud®'],
          fixes: ['Add ® after "Acme Cloud"'],
        },
      ],
      output: 'Acme Cloud® is here. Acme Cloud again.',
    },
    { code: 'Try Acme Cloud now.', errors: [{ text: 'Acme Cloud', column: 5 }], output: 'Try Acme Cloud® now.' },
    {
      name: 'the first mention in prose after identifiers and hashtags carries the symbol',
      guide: 'terms:\n  - use: Acme Cloud\n    trademark: ®\n  - use: Acme\n    trademark: ™\n',
      file: 'launch.x.txt',
      code: 'Install acme-cloud-sync. Follow #Acme for Acme Cloud news from Acme.',
      errors: [{ text: 'Acme Cloud', fixes: ['Add ® after "Acme Cloud"'] }, { text: 'Acme', column: 64 }],
      output: 'Install acme-cloud-sync. Follow #Acme for Acme Cloud® news from Acme™.',
    },
  ],
});
