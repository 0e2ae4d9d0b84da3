import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('wordy', {
  guide: 'tone:\n  cliches: warning\n  wordy: warning\n  adverbs: warning\n',
  valid: ['We use tools that work.'],
  invalid: [
    {
      name: 'exact span on a later line',
      code: 'Left at loose\nends, we utilize tools that simply work.',
      errors: [{ text: 'utilize', line: 2, column: 10, message: '"utilize" is wordy or unneeded.' }],
      output: null,
    },
  ],
});
