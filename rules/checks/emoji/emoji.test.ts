import { ruleTester } from '../../../test/helpers/rule-tester.js';

const max = (n: number) => `tone:\n  emoji: { level: info, max: ${n} }\n`;

ruleTester('emoji', {
  guide: max(1),
  valid: [
    { name: 'ZWJ sequences, flags and keycaps count once; ©, ® and ™ are not emoji', guide: max(4), code: 'Acme® and Acme™ © 2024. 👩‍💻 🇬🇧 1️⃣ ✅' },
    { name: 'defaults to max 3', guide: 'tone:\n  emoji: warning\n', code: '🎉 🎉 🎉' },
  ],
  invalid: [
    {
      name: 'each emoji beyond max, with a fix that removes it',
      code: 'Launch day 🚀 and thanks 🙏🏽\n\nSee you 👋',
      errors: [
        { text: '🙏🏽', line: 1, level: 'info', message: 'Too many emoji: 3 in this document, at most 1.' },
        { text: '👋', line: 3 },
      ],
      output: 'Launch day 🚀 and thanks \n\nSee you ',
    },
    { name: 'one beyond', guide: max(3), code: 'Acme® and Acme™ © 2024. 👩‍💻 🇬🇧 1️⃣ ✅', errors: [{ text: '✅' }] },
    { name: 'the fourth beyond the default 3', guide: 'tone:\n  emoji: warning\n', code: '🎉 🎉 🎉 🎉', errors: 1 },
  ],
});
