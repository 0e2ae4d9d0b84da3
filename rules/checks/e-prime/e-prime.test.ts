import { ruleTester } from '../../../test/helpers/rule-tester.js';

const EVERY_OTHER = ['passive-voice', 'weasel-words', 'cliches', 'wordy', 'adverbs', 'there-is', 'so'].map((id) => `  ${id}: warning\n`).join('');

ruleTester('e-prime', {
  guide: 'tone:\n  e-prime: info\n',
  valid: [
    { name: 'stays off when every other write-good check is on', guide: `tone:\n${EVERY_OTHER}`, code: 'NodeJs is awesome.' },
    'NodeJs runs fast.',
  ],
  invalid: [
    {
      code: 'NodeJs is awesome.',
      errors: [{ text: 'is', line: 1, column: 8, level: 'info', message: '"is" is a form of "to be".' }],
      output: null,
    },
  ],
});
