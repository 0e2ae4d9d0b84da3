import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('weasel-words', {
  guide: 'tone:\n  weasel-words: warning\n  there-is: warning\n',
  valid: [
    'We ship on Monday.',
    { name: 'off unless the guide turns it on', guide: 'tone:\n  passive-voice: warning\n', code: 'It is very good.' },
    // Lower confidence than the default threshold (0.5).
    { name: 'a quantity word in a factual question', code: 'How many days does a trial last? So many years went by.' },
    { name: 'a quantity word before a list or examples', code: 'There are several options: upgrade, export or wait. We fixed a few edge cases, such as empty files.' },
    { name: 'a quantity word in a time span or an idiom', code: 'We have used it for many years. Many thanks to the team. Read the first few bytes.' },
    { name: 'use–mention and emphatic "very"', code: 'This very post explains it. At the very least, try it. Your help is very much appreciated.' },
    { name: 'a word quoted as a word is mentioned, not used', code: 'Avoid the word "very" in headlines. Cut ‘quite’ too.' },
    { name: 'a scale label', code: 'Rate us from 1 to 10, 10 being very likely.\n\nVery satisfied\n' },
    { name: '"not completely" is precise', code: 'It does not completely eliminate pauses.' },
    { name: 'a quantity word whose count does not matter', code: 'There are many reasons to upgrade.' },
    {
      name: 'a quantity word before the list it counts: a colon ends the sentence, or the names follow in brackets',
      code: 'It also includes several fixes for those building from source:\n\n- Fix the linker.\n- Fix the docs.\n\nThe team came, with many team members attending (Alice, Benno, Björn, Gary).',
    },
    {
      name: 'a credit line with the people linked after it, and credit to a named contributor',
      code: "Many people came together to create Acme 2.0. We couldn't have done it without all of you. [Thanks!](https://acme.example/thanks)\n\nAs a bonus, Makai contributed several bug fixes.",
    },
    { name: 'thanks, "not quite" and "for quite some time"', code: 'Huge thanks to everyone who helped. Thank you very much! It did not quite outweigh the cost, and it doesn\'t quite cut it. We have waited for quite some time.' },
    { name: 'a changelog entry with no verb', code: '* Many minor improvements to the documentation.\n* Faster builds.\n' },
    {
      name: 'a caveat on how far something holds, and a degree given as a figure',
      code: 'The test command mostly just works on macOS. The design is mostly done. We mostly worked on the model. It is largely unstructured. Parallel builds can substantially speed up large crates; they get another 33% speedup.',
    },
    {
      name: 'a survey scale, praise inside thanks, how far a change went, a list after a colon',
      code:
        'Most were somewhat or very satisfied, and very or extremely productive. Thanks to the excellent speakers and the very helpful volunteers. ' +
        'The parser was completely rewritten. The API is entirely different. The project grew in many metrics: users, contributors and stars. ' +
        'Read this excellent article by Felix. Not many respondents (about 4%) said so.\n\n' +
        'Latency tells a very similar story. The median was 14ms against 26ms. It has a significantly smaller resource cost. It used 55% of the CPU.\n\n' +
        'To clearly mark each target, we label it. Word the question more clearly. The syntax cannot break completely. If you are completely new to it, start here.',
    },
    {
      name: 'a quantity the sentence gives as a figure, refers back to, or names examples of',
      code: 'Many respondents (29%) use it daily. Few survey respondents (6.8%) said so. Twice that many respondents wrote in. We want as many Go developers as possible. Many other features, such as Git integration, work too.',
    },
    {
      name: 'a count of things, not of people or results, leading its sentence; "a few" before the items it introduces',
      code: 'Many packages will not need a v2. Many years ago, the only option was a loop. Several third-party extensions exist. Many of the maintainers will attend. Work and ideas came from many people. Many people came together to create Acme 2.0.\n\nA few improvements to macros have landed. First, a new matcher. Cargo has a few new features too.',
    },
    {
      name: 'a count whose figure closes the sentence, a change that is over or how far it went, a size naming a range, a relative degree with its baseline',
      code:
        'Few survey respondents rank it as a language they know well (6.8%). The site is now completely powered by the hub. It lets us completely rethink the package. ' +
        'It serves everyone from small startups to huge enterprises. Starting at the relatively calm level of 20 RPS, latency differs. Joining the streams is now relatively simple, while it used to require threads.',
    },
    {
      name: 'a degree that is negated or measures a redesign, a size whose count follows, a known set, a list the next sentence introduces',
      code:
        'CPU usage was _not_ significantly below ours. The traits have been significantly refactored. This fixes a huge number of issues. We know of more than 200 issues it fixes. ' +
        'The few teams that use IRC will move. Go 1.24 comes with many improvements over Go 1.23. Here are some of the notable changes. ' +
        'Acme 2.6 brings several improvements to the dashboard. First, we added charts. It is not the default quite yet. What came through clearly was the praise.',
    },
  ],
  invalid: [
    {
      name: 'spans map to the source in later paragraphs and lines',
      code: 'Intro line here.\n\nWe think it is\nvery likely.\n\nThere are many improvements.',
      errors: [
        { text: 'very', line: 4, column: 1, message: '"very" is a weasel word and can weaken meaning.' },
        { text: 'many', line: 6, column: 11 },
      ],
      output: null,
    },
    {
      name: 'a quantity word that stands in for a figure: a claim about people or results, vague urgency',
      code: 'Many people want it. Only a few spots left. This release has several improvements. It is quite simple and very fast. It adds tests as well as many additional enhancements.',
      errors: [{ text: 'Many' }, { text: 'few' }, { text: 'several' }, { text: 'quite' }, { text: 'very' }, { text: 'many' }],
    },
    {
      name: 'still vague: a list item that makes a claim, a bracket that is an aside, "mostly" about what people think, a degree with no figure',
      code:
        'Acme 2.0 is here.\n\n* Many customers switched to Acme last year.\n\n' +
        'The community had many passionate members (or, as we call them, fans). Many other features work too. ' +
        'Users are mostly satisfied. Builds are significantly faster. It is quite fast and a huge improvement.\n\nMany workloads spend around 10% less time in the collector. It has been said that few developers write well.',
      errors: [{ text: 'Many', line: 3 }, { text: 'many', line: 5 }, { text: 'Many', line: 5, column: 72 }, { text: 'mostly' }, { text: 'significantly' }, { text: 'quite' }, { text: 'huge' }, { text: 'Many', line: 7 }, { text: 'few', line: 7 }],
    },
    {
      name: 'still weasels: "completely" as emphasis, praise outside thanks, a degree outside a scale',
      code: 'It is completely backward compatible. Our excellent support team helps. It is very satisfying or fun. Come for excellent talks. Acme is clearly leading the pack. It is a completely new brand.',
      errors: [{ text: 'completely' }, { text: 'excellent' }, { text: 'very' }, { text: 'excellent' }, { text: 'clearly' }, { text: 'completely' }],
    },
    {
      name: 'still vague: what people think as the subject, counts of results, a relative degree with no baseline',
      code: 'Many felt it was easy. Several people told us so. Many people are already familiar with it. Go 1.1 includes many improvements. The last few releases have been relatively minor, but Rust 1.25 contains a lot.',
      errors: [{ text: 'Many' }, { text: 'Several' }, { text: 'Many' }, { text: 'many' }, { text: 'relatively' }],
    },
    {
      name: 'still vague: a degree of an outcome, a size with no count, a count with no list',
      code: 'It significantly reduced costs. It fixes a huge number of issues in the tracker. A few teams use IRC. Go 1.24 comes with many improvements.',
      errors: [{ text: 'significantly' }, { text: 'huge' }, { text: 'few' }, { text: 'many' }],
    },
    {
      name: 'confidence: 0 reports every candidate',
      guide: 'tone:\n  weasel-words: { level: warning, confidence: 0 }\n',
      code: 'How many days? It is very fast.',
      errors: [{ text: 'many' }, { text: 'very' }],
    },
    {
      name: 'confidence: 0.9 reports only the surest',
      guide: 'tone:\n  weasel-words: { level: warning, confidence: 0.9 }\n',
      code: 'It is very fast. Only a few spots left.',
      errors: [{ text: 'few' }],
    },
  ],
});
