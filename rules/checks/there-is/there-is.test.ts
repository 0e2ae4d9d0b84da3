import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('there-is', {
  guide: 'tone:\n  there-is: warning\n  weasel-words: warning\n',
  valid: [
    { name: 'a soft line break inside a sentence is not a clause start', code: 'We changed the code\nso that it works, and\nthere is more.' },
    'I think it works.',
  ],
  invalid: [
    {
      name: '"There is/are" opening a sentence or a paragraph, not mid-sentence',
      code: 'There is a fix. I think there are two.\n\nthere are options',
      errors: [
        { text: 'There is', line: 1, column: 1, message: '"There is" is unnecessary verbiage. Start with the subject.' },
        { text: 'there are', line: 3, column: 1 },
      ],
      output: null,
    },
    {
      name: 'in a later paragraph',
      code: 'Intro line here.\n\nWe think it is\nvery likely.\n\nThere are many reasons.',
      errors: [{ text: 'There are', line: 6, column: 1 }],
    },
  ],
});
