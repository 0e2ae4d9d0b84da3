import { ruleTester } from '../../../test/helpers/rule-tester.js';

const max = (n: number) => `tone:\n  sentence-length: { level: warning, max: ${n} }\n`;
const long = 'This sentence has far more words than the brand allows for one idea at a time.';
const abbreviations = 'Acme Inc. ships tools, e.g. hammers and saws, i.e. the basics, to the U.S. for $3.50 each in v2.1.0 from acme.com… and more.';
const withCode = 'Run `npm run build.all` then open https://acme.example/docs.html now.';
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ') + '.';

ruleTester('sentence-length', {
  guide: max(10),
  valid: [
    { name: 'abbreviations, decimals, versions, domains and mid-sentence ellipses under a high max', guide: max(40), code: `${abbreviations} Done.` },
    { name: 'an ellipsis that ends a sentence, ! and ? split', guide: max(4), code: 'One two three four... Five six seven eight! Nine ten eleven twelve? Go.' },
    { name: 'inline code and a URL are one word each', guide: max(6), code: withCode },
    { name: 'defaults to 30 words', guide: 'tone:\n  sentence-length: warning\n', code: words(30) },
    // Ends sentence-splitter does not see.
    { name: 'a full stop inside closing quotes ends the sentence', guide: max(6), code: 'She said “we are almost ready.” Then we shipped it to everyone.' },
    { name: 'a full stop after a number ends the sentence', guide: max(6), code: 'We started the project in 2019. Our team has grown since then. It runs until April 9. They offer a discount.' },
    { name: 'a list number is not an end', guide: max(6), code: '1. Install the tool.' },
    { name: 'sentences inside a long quotation', guide: max(7), code: '“We moved every service to the mesh. It took us a single week. Nothing broke,” said Ana.' },
    { name: 'a label, a spaced dash and a sentence', guide: max(15), code: 'Restart your trial - If you did not get a chance to try the product, just let us know.' },
    { name: 'sentences inside a parenthesis', guide: max(7), code: '(As an aside, this took a week. The team was small.)' },
    {
      name: 'the length is someone else\'s quoted words',
      code: 'The audit concluded that Acme "is fully capable of preventing major attacks and should be considered strong against most attempts", said the firm.',
    },
  ],
  invalid: [
    {
      name: 'a dash before a name or a lowercase word joins one sentence',
      guide: max(8),
      code: 'We built it for one team - Acme Cloud runs it for every customer today. It is fast - you can see it in every build we run.',
      errors: [{ text: 'We built it for one team - Acme Cloud runs it for every customer today.' }, { text: 'It is fast - you can see it in every build we run.' }],
    },
    {
      name: 'still long: a quoted name or a short quotation is part of the brand\'s own sentence',
      guide: max(12),
      code: 'C has a set of rules called "the usual arithmetic conversions" and it is an indicator of their subtlety that they changed. Have you ever thought "if I could just run a script here" and then downloaded the data and uploaded it again?',
      errors: [{ text: 'C has a set of rules called "the usual arithmetic conversions" and it is an indicator of their subtlety that they changed.' }, { text: 'Have you ever thought "if I could just run a script here" and then downloaded the data and uploaded it again?' }],
    },
    {
      name: 'spans the long sentence and names its length; no fix',
      code: `Short one. ${long} Another short one.`,
      errors: [{ text: long, column: 12, message: 'Sentence is 16 words long; keep it to 10 or fewer.', fixes: [] }],
      output: null,
    },
    {
      name: 'does not split at abbreviations, decimals, versions, domains or mid-sentence ellipses',
      guide: max(12),
      code: `${abbreviations} Done.`,
      errors: [{ text: abbreviations, column: 1, message: 'Sentence is 23 words long; keep it to 12 or fewer.' }],
    },
    { name: 'does split at an ellipsis that ends a sentence, and at ! and ?', guide: max(3), code: 'One two three four... Five six seven eight! Nine ten eleven twelve? Go.', errors: 3 },
    {
      name: 'counts inline code and a URL as one word each, never splitting at their dots',
      guide: max(5),
      code: withCode,
      errors: [{ text: withCode, column: 1, message: 'Sentence is 6 words long; keep it to 5 or fewer.' }],
    },
    {
      name: 'an abbreviation inside quotes does not end a sentence (quotations linted on request)',
      guide: `${max(8)}quotations:\n  lint: [tone]\n`,
      code: '“Ask Dr. Smith about it, e.g. on Monday and Tuesday, before noon,” she said.',
      errors: [{ message: 'Sentence is 14 words long; keep it to 8 or fewer.' }],
    },
    { name: 'the 31st word is over the default', guide: 'tone:\n  sentence-length: warning\n', code: words(31), errors: 1 },
  ],
});
