import { ruleTester } from '../../../test/helpers/rule-tester.js';

const PREFER = 'tone:\n  contractions: warning\n';
const AVOID = 'tone:\n  contractions: { level: warning, value: avoid }\n';

ruleTester('contractions', {
  guide: PREFER,
  valid: [
    {
      name: 'prefer: clause-final auxiliaries, "have" as a main verb, and quotations are left alone',
      code: 'I know what it is. Here we are. We have a plan. That is, not now. "We are not amused," he wrote. “It is what it is.”',
    },
    { name: 'prefer: a possessive and a contraction already written', code: "Acme's team can't wait." },
    { name: 'avoid: possessives and quotations are not contractions', guide: AVOID, code: 'The company\'s plan is Acme\'s. She said "don\'t" twice.' },
  ],
  invalid: [
    {
      name: 'prefer (the default): expanded forms, with a fix that keeps case',
      code: 'We are ready. Do not wait, it is time. I am sure you will like it. DO NOT miss it.\n\nWe cannot stop and it will not break. It has been great.',
      errors: [
        { text: 'We are', line: 1, column: 1, message: 'Write "We\'re" instead of "We are": this brand prefers contractions.', suggestions: ["We're"] },
        { text: 'Do not' },
        { text: 'it is' },
        { text: 'I am' },
        { text: 'you will' },
        { text: 'DO NOT' },
        { text: 'cannot' },
        { text: 'will not' },
        { text: 'It has' },
      ],
      output: "We're ready. Don't wait, it's time. I'm sure you'll like it. DON'T miss it.\n\nWe can't stop and it won't break. It's been great.",
    },
    {
      name: 'prefer: "it is not" becomes "it isn\'t"; the document\'s curly apostrophe is used',
      code: 'It is not hard. We’re sure it does not hurt.',
      errors: [
        { text: 'is not', column: 4 },
        { text: 'does not', column: 31 },
      ],
      output: 'It isn’t hard. We’re sure it doesn’t hurt.',
    },
    {
      name: 'avoid: contractions, with a fix each way of reading them',
      guide: AVOID,
      code: "We're sure it's been a while. Don't stop; I'd better go, I'd like that. Let's see. It’s here. CAN'T stop, won't stop.",
      errors: [
        { text: "We're", line: 1, column: 1, message: 'Write "We are" instead of "We\'re": this brand avoids contractions.' },
        { text: "it's" },
        { text: "Don't" },
        { text: "I'd" },
        { text: "I'd" },
        { text: "Let's" },
        { text: 'It’s' },
        { text: "CAN'T" },
        { text: "won't" },
      ],
      output: 'We are sure it has been a while. Do not stop; I had better go, I would like that. Let us see. It is here. CANNOT stop, will not stop.',
    },
    {
      name: 'avoid: a contraction inside a quotation is left, one outside is not',
      guide: AVOID,
      code: 'She wrote ‘we’re done’ and we’re not.',
      errors: [{ text: 'we’re', column: 28 }],
      output: 'She wrote ‘we’re done’ and we are not.',
    },
    {
      name: 'never a fix that would eat markup',
      code: 'We **are** ready and we are set.',
      errors: [
        { text: 'We **are', fixes: [] },
        { text: 'we are', fixes: ['Replace with "we\'re"'] },
      ],
      output: "We **are** ready and we're set.",
    },
  ],
});
