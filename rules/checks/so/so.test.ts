import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('so', {
  guide: 'tone:\n  so: warning\n  there-is: warning\n',
  valid: [
    { name: 'a soft line break inside a sentence is not a clause start', code: 'We changed the code\nso that it works, and\nthere is more.' },
    { name: 'so mid-sentence', code: 'This is so good.' },
  ],
  invalid: [
    {
      name: 'a leading So, also after several spaces and without end punctuation; not "So?" alone',
      code: 'It works.   So we ship it\n\nSo?\n\nThis is so good.',
      errors: [{ text: 'So', line: 1, column: 13, message: '"So" adds no meaning at the start of a sentence.' }],
      output: null,
    },
    {
      name: '"So-called" is not a filler So (a deliberate difference from write-good)',
      code: 'So-called experts agree. So, what now?',
      errors: [{ text: 'So', column: 26 }],
    },
  ],
});
