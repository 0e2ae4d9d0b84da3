import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('weasel-words', {
  guide: 'tone:\n  weasel-words: warning\n  there-is: warning\n',
  valid: ['We ship on Monday.', { name: 'off unless the guide turns it on', guide: 'tone:\n  passive-voice: warning\n', code: 'It is very good.' }],
  invalid: [
    {
      name: 'spans map to the source in later paragraphs and lines',
      code: 'Intro line here.\n\nWe think it is\nvery likely.\n\nThere are many reasons.',
      errors: [
        { text: 'very', line: 4, column: 1, message: '"very" is a weasel word and can weaken meaning.' },
        { text: 'many', line: 6, column: 11 },
      ],
      output: null,
    },
  ],
});
