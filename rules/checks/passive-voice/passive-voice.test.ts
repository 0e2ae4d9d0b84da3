import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('passive-voice', {
  guide: 'tone:\n  passive-voice: error\n  weasel-words: "off"\n',
  valid: [
    { name: 'off unless the guide turns it on', guide: 'brand: Acme\n', code: 'The report was written by the team. It is very good.' },
    'The team wrote the report.',
  ],
  invalid: [
    {
      name: 'runs at the level the guide gives; no fix',
      code: 'The report was written by the team. It is very good.',
      errors: [{ text: 'was written', line: 1, column: 12, level: 'error', message: '"was written" may be passive voice. Say who acts.', fixes: [] }],
      output: null,
    },
    {
      name: 'the reason and the link come from the guide',
      guide: 'docs: https://brand.example/voice\ntone:\n  passive-voice: { level: warning, because: We own our actions. }\n',
      code: 'Mistakes were made.',
      errors: [
        {
          text: 'were made',
          message: '"were made" may be passive voice. Say who acts. We own our actions.',
          because: 'We own our actions.',
          docs: 'https://brand.example/voice',
        },
      ],
    },
  ],
});
