import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('passive-voice', {
  guide: 'tone:\n  passive-voice: error\n  weasel-words: "off"\n',
  valid: [
    { name: 'off unless the guide turns it on', guide: 'brand: Acme\n', code: 'The report was written by the team. It is very good.' },
    'The team wrote the report.',
    // be + adjective is not passive.
    { name: 'be + an adjective in -ed', code: 'The report was unprecedented. They were interested in it. We are pleased to announce it.' },
    { name: 'be + a participle of feeling, even with "by"', code: 'We are excited to share this. We were amazed by the attention. The team is thrilled.' },
    { name: 'a state: "packed with", "is meant to", "you are done"', code: 'Go 1.21 is packed with features. It is meant to help. Once you are done, close the tab.' },
    { name: 'a compound adjective', code: 'Concurrency is built-in.' },
    { name: 'scarce, said of a thing', code: 'Sizes are limited.' },
    { name: 'un- + participle is an adjective', code: 'Existing programs are unaffected. The result is unchanged.' },
    { name: 'an adjective in -ed that names a quality', code: 'The full answer is nuanced and technical. These are advanced tools. Our engineers are experienced.' },
    {
      name: 'a verb that takes no object, a plan, a state of mind',
      code: "The package will be gone after a restart. Since you've been gone, we shipped a lot. The old rule is gone. We *are* convinced of it. Rust 1.65, which is set to release on Monday, adds them.",
    },
    {
      name: 'finished, said of a thing where its clause ends',
      code: 'Wait until the GC is done. The design is done, but some questions remain. Tell when the work is finished and it is safe to look. Once this is done, we will announce it.',
    },
  ],
  invalid: [
    {
      name: 'a genuine passive, with or without an agent',
      code: 'The file was deleted by the job. The invoices were sent yesterday. It can be referenced by its number. Even more can be done.\n\nEach client is configured to retry. It protects services from being overloaded.\n\nCircuit breakers are configured through annotations. Names may be abbreviated. The door was unlocked by the admin.\n',
      errors: [{ text: 'was deleted' }, { text: 'were sent' }, { text: 'be referenced' }, { text: 'be done' }, { text: 'is configured' }, { text: 'being overloaded' }, { text: 'are configured' }, { text: 'be abbreviated' }, { text: 'was unlocked' }],
    },
    {
      name: 'still passive: the deed done, a setting, a finding',
      code: 'There is more work to be done. Assembly was done by Linelle. It is done by attaching a role. The flag is set to false. The lint is set to allow by default. The type is determined by its syntax. Half the heap is dedicated to live memory. The tasks were finished by Friday.',
      errors: [{ text: 'be done' }, { text: 'was done' }, { text: 'is done' }, { text: 'is set' }, { text: 'is set' }, { text: 'is determined' }, { text: 'is dedicated' }, { text: 'were finished' }],
    },
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
