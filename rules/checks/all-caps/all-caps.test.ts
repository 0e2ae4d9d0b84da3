import { ruleTester } from '../../../test/helpers/rule-tester.js';

const ON = 'tone:\n  all-caps: warning\n';

// Code, symbols and names in prose are not shouting; the last paragraph but one shouts.
const codeAndNames = [
  'Set your PATH and HOME in your shell profile. Set NODE_ENV and MAX_RETRIES, then LOG_LEVEL=DEBUG.',
  '',
  'Run it with --VERBOSE from /USR/LOCAL/BIN and edit CONFIG.yaml. Press CTRL+ALT+DELETE or the ENTER key.',
  '',
  'Acme (NYSE: SNOW) and Beta (NASDAQ: META) rose; $SHOP and $SNAP fell.',
  '',
  'The API takes GET, POST and DELETE requests. Apollo XIII, Super Bowl LVIII.',
  '',
  'We love SLACK and ACME CLOUD.',
  '',
  'This is HUGE NEWS. Find your PATH TO SUCCESS. DELETE your old habits.',
  '',
  'Embracing FAIR principles, DWARF debug data and type alias impl trait (TAIT). TAIT is stable.',
  '',
  'Shipping is (FREE) today.',
  '',
].join('\n');

ruleTester('all-caps', {
  guide: ON,
  valid: [
    {
      name: 'acronyms, short words, Roman numerals, codes with digits and brand terms',
      guide: `terms:\n  - use: ACME Cloud\n${ON}`,
      code: 'ACME Cloud speaks HTTPS, JSON and YAML per GDPR. NOTE: see the README. WWII, Part VIII, H264, API and USB.',
    },
    { name: 'a word of the guide\'s allow list, also inside an allowed phrase', guide: `allow: [the BOLD range]\n${ON}`, code: 'Meet the BOLD range.' },
  ],
  invalid: [
    {
      name: 'shouted words, with a fix (capitalized at a sentence start)',
      code: 'FREE shipping on EVERYTHING. Order TODAY!',
      errors: [
        { text: 'FREE', column: 1, message: '"FREE" is in all capitals, which reads as shouting. Write "Free".', suggestions: ['Free'] },
        { text: 'EVERYTHING', suggestions: ['everything'] },
        { text: 'TODAY', suggestions: ['today'] },
      ],
      output: 'Free shipping on everything. Order today!',
    },
    { name: 'a brand name the guide does not hold', code: 'ACME is great.', errors: [{ text: 'ACME', column: 1 }], output: 'Acme is great.' },
    {
      name: 'a word no English dictionary has is an acronym nobody listed (GOPATH, CNCF, ECDSA)',
      code: "Set GOPATH; the CNCF signs with ECDSA. DON'T PANIC.",
      errors: [{ text: "DON'T" }, { text: 'PANIC' }],
    },
    { name: 'without the allow list', code: 'Meet the BOLD range.', errors: 1 },
    {
      name: 'identifiers, flags, paths, tickers, keys, HTTP methods, shell variables, defined acronyms and brand names are not shouting',
      guide: `brand: Flowbase\nterms:\n  - use: Slack\n  - use: Acme Cloud\n${ON}`,
      file: 'blog/caps.md',
      code: codeAndNames,
      errors: [
        { text: 'HUGE', line: 11, column: 9 },
        { text: 'NEWS', line: 11, column: 14 },
        { text: 'PATH', line: 11, column: 30 },
        { text: 'SUCCESS', line: 11, column: 38 },
        { text: 'DELETE', line: 11, column: 47 },
        { text: 'FREE', line: 15, column: 14 },
      ],
    },
  ],
});
