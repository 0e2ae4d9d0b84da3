import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('claim', {
  guide: `
claims:
  - phrase: [best, '#1', number one]
    needs: citation
  - phrase: [guaranteed, risk-free]
    needs: disclaimer
    disclaimer: Terms apply
  - phrase: clinically proven
    level: error
`,
  valid: [
    { name: 'a marker or a bracketed reference cites the claim', code: 'The #1 app*. Number one [1].' },
    { name: 'the disclaimer anywhere in the document, whatever its spacing', code: 'Results guaranteed.\n\nTerms  apply.' },
    {
      name: 'allow: an allowed phrase silences the claim inside it',
      guide: 'claims:\n  - phrase: best\n    needs: citation\nallow: [best practice]\n',
      code: 'Our best practices.',
    },
    {
      name: '"[^1]" cites a claim where no definition makes it a Markdown footnote (an email)',
      guide: 'claims:\n  - phrase: organic\n    needs: citation\n',
      file: 'emails/a.html',
      code: '<p>Certified organic[^1].</p>\n',
    },
    {
      name: 'a claim word inside an identifier is part of a name',
      code: 'Install @acme/best-sync, open best://app and read best.config.\n',
    },
  ],
  invalid: [
    {
      name: 'needs a citation in the same sentence',
      code: 'The best tool. The #1 app*. Number one [1].',
      errors: [{ text: 'best', column: 5, message: 'The claim "best" needs a citation in the same sentence: a link, a footnote or a marker such as *.' }],
      output: null,
    },
    { code: 'We are #1 in sales.', errors: [{ text: '#1' }] },
    {
      name: 'needs the disclaimer somewhere in the document',
      code: 'Results guaranteed.',
      errors: [{ text: 'guaranteed', message: 'The claim "guaranteed" needs the disclaimer "Terms apply" in this document.' }],
    },
    {
      name: 'a claim the brand never makes',
      code: 'Clinically proven formula.',
      errors: [{ text: 'Clinically proven', level: 'error', message: 'The claim "Clinically proven" is not one the brand makes.' }],
    },
    {
      name: 'allow covers only the allowed phrase',
      guide: 'claims:\n  - phrase: best\n    needs: citation\nallow: [best practice]\n',
      code: 'Our best practices. The best tool.',
      errors: [{ text: 'best', column: 25 }],
    },
    {
      name: 'a listed word glued into a dotted name (ASP.NET) is not the word',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: email\nbanned:\n  - phrase: io\nclaims:\n  - phrase: net\n',
      code: 'Build a Nuxt.js app, open index.js, use socket.io and ASP.NET.\n\nWe love JS and the IO of the net.\n\n![Send Better Email Today](a.png)\n',
      errors: [{ text: 'net', line: 3, column: 30 }],
    },
    {
      name: 'an email: "[^1]" cites its own sentence only',
      guide: 'claims:\n  - phrase: organic\n    needs: citation\n',
      file: 'emails/a.html',
      code: '<p>Certified organic[^1]. Organic soil.</p>\n',
      errors: [{ text: 'Organic', line: 1, column: 27 }],
    },
    {
      name: 'a disclaimer or a citation, with the reason after the message',
      guide: 'claims:\n  - phrase: fastest\n    disclaimer: Measured on our benchmark\n    because: Speed claims need proof.\n',
      code: 'The fastest tool.',
      errors: [
        {
          text: 'fastest',
          message:
            'The claim "fastest" needs a citation in the same sentence (a link, footnote or marker) or the disclaimer "Measured on our benchmark". Speed claims need proof.',
          because: 'Speed claims need proof.',
        },
      ],
    },
    {
      name: 'a claim in a prose compound beside an identifier is still a claim; across emphasis it is reported on its text',
      code: 'Our best-in-class @acme/sync app. We are **number** one.\n',
      errors: [{ text: 'best' }, { text: 'number** one' }],
    },
  ],
});
