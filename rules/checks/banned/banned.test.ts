import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('banned', {
  guide: `
brand: Acme
banned:
  - phrase: utilize
    use: [use]
    because: Plain words read faster.
  - phrase: synergy
`,
  valid: [
    'We use the tools we have.',
    { name: 'inside inline code', code: 'Call `utilize()` once.' },
  ],
  invalid: [
    {
      code: 'We utilize the tools we have.',
      errors: [{ text: 'utilize', line: 1, column: 4, message: 'Use "use" instead of "utilize". Plain words read faster.', suggestions: ['use'] }],
      output: 'We use the tools we have.',
    },
    {
      name: 'an inflected form gets the inflected suggestion',
      code: 'We utilized it.',
      errors: [{ text: 'utilized', suggestions: ['used'] }],
      output: 'We used it.',
    },
    { code: 'Real synergy.', errors: [{ text: 'synergy', message: 'Avoid "synergy".' }], output: null },
  ],
});
