import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('adverbs', {
  guide: 'tone:\n  cliches: warning\n  wordy: warning\n  adverbs: warning\n',
  valid: [
    'Tools that work.',
    { name: 'allow: an allowed phrase silences what it covers (write-good whitelist)', guide: 'allow: [Read-Only]\ntone:\n  adverbs: warning\n', code: 'Never write read-only sentences.' },
  ],
  invalid: [
    {
      name: 'exact span on a later line',
      code: 'Left at loose\nends, we utilize tools that simply work.',
      errors: [{ text: 'simply', line: 2, column: 29, message: '"simply" can weaken meaning.' }],
      output: null,
    },
    { name: 'without the allow list', code: 'Never write read-only sentences.', errors: [{ text: 'only', column: 18 }] },
  ],
});
