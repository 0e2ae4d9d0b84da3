import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('cliches', {
  guide: 'tone:\n  cliches: warning\n  wordy: warning\n  adverbs: warning\n',
  valid: ['We fixed the last loose thread.'],
  invalid: [
    {
      name: 'exact span; a cliché may wrap a line',
      code: 'Left at loose\nends, we utilize tools that simply work.',
      errors: [{ text: 'at loose\nends', line: 1, column: 6, endLine: 2, message: '"at loose ends" is a cliché. Say it in your own words.' }],
      output: null,
    },
  ],
});
