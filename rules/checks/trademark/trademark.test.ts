import { ruleTester } from '../../../test/helpers/rule-tester.js';

ruleTester('trademark', {
  guide: `
terms:
  - use: Acme Cloud
    trademark: ®
`,
  valid: [
    { name: 'the symbol on the first mention; later mentions need none', code: 'Acme Cloud® is here. Acme Cloud again.' },
    { name: 'the symbol as an HTML entity', code: 'Acme Cloud&reg; is here.' },
    'A cloud of our own.',
    {
      name: 'a front-matter title is metadata: the first mention is in the body',
      code: '---\ntitle: Acme Cloud news\ndescription: All about Acme Cloud\nsummary: Acme Cloud is here, and more.\n---\n\nAcme Cloud® is here.\n',
    },
    {
      name: 'a name inside another capitalised name is not a mention of the brand',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'On Day 1 of European Galaxy Days we met. Join the first-ever Galaxy & Bioconductor Community Conference. Read the 2022 edition of the Galaxy Developer\nSurvey.\n',
    },
    {
      name: 'a name opening the title of another work, with a subtitle',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: '- Part 4 — **Galaxy Modules: v2 and Beyond** (this post)\n\nOn Day 2, Ann presented Galaxy Ecology: 2025 Update.\n\nGalaxy® runs it.\n',
    },
    { name: 'a name inside identifiers or a hashtag is no mention', code: 'Install acme-cloud-sync or @acme/cloud.', guide: 'terms:\n  - use: Acme Cloud\n    trademark: ®\n  - use: Acme\n    trademark: ™\n' },
  ],
  invalid: [
    {
      name: 'a name before a colon that opens no title, and a Title Case heading, hold the first mention',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'Galaxy: it works for everyone.\n\n# Galaxy Ecology: 2025 Update\n',
      errors: [{ text: 'Galaxy', line: 1, column: 1 }],
    },
    {
      name: 'only the first mention is reported',
      code: 'Acme Cloud is here. Acme Cloud again.',
      errors: [
        {
          text: 'Acme Cloud',
          line: 1,
          column: 1,
          message: 'The first mention of "Acme Cloud" carries ®: write "Acme Cloud®".',
          suggestions: ['Acme Cloud®'],
          fixes: ['Add ® after "Acme Cloud"'],
        },
      ],
      output: 'Acme Cloud® is here. Acme Cloud again.',
    },
    {
      name: 'the first mention after the front matter and the image alt text',
      code: '---\ntitle: Acme Cloud news\n---\n\n![Acme Cloud dashboard](a.png)\n\nWe love Acme Cloud.\n',
      errors: [{ text: 'Acme Cloud', line: 7, column: 9 }],
      output: '---\ntitle: Acme Cloud news\n---\n\n![Acme Cloud dashboard](a.png)\n\nWe love Acme Cloud®.\n',
    },
    {
      name: 'the brand after a longer name that holds it; "Galaxy Project" names the brand itself',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'On Day 2 of European Galaxy Days, we tried Galaxy. Galaxy Project is here.\n\nGalaxy Project is launching.\n',
      errors: [{ text: 'Galaxy', line: 1, column: 44 }],
    },
    {
      name: '"The Galaxy Project" starting a sentence names the brand as "the Galaxy Project" does',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'The Galaxy Project is growing. Join the Galaxy Project.\n',
      errors: [{ text: 'Galaxy', line: 1, column: 5 }],
      output: 'The Galaxy® Project is growing. Join the Galaxy Project.\n',
    },
    {
      name: '"the Galaxy Project" mid-sentence is a mention too',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'We thank the Galaxy Project. The Galaxy Project thanks you.\n',
      errors: [{ text: 'Galaxy', line: 1, column: 14 }],
    },
    {
      name: 'a capitalised sentence start other than an article still makes a longer name',
      guide: 'terms:\n  - use: Galaxy\n    trademark: ®\n',
      code: 'European Galaxy Days start today. The Galaxy Community Conference follows. Galaxy is ready.\n',
      errors: [{ text: 'Galaxy', column: 76 }],
    },
    {
      name: 'a Title Case heading is no longer name',
      guide: 'terms:\n  - use: Gitpod\n    trademark: ®\n',
      code: '## Getting Started With Gitpod Workspaces\n',
      errors: [{ text: 'Gitpod', line: 1, column: 25 }],
    },
    {
      name: 'a term inside a longer term: standalone by default, anywhere on request',
      guide: 'terms:\n  - use: Acme\n    trademark: ®\n  - use: Acme Cloud\n',
      code: 'Acme Cloud is new. Acme is not.\n',
      errors: [{ text: 'Acme', column: 20 }],
      output: 'Acme Cloud is new. Acme® is not.\n',
    },
    {
      name: 'mention: anywhere counts the name inside a longer term',
      guide: 'terms:\n  - use: Acme\n    trademark: ®\n    mention: anywhere\n  - use: Acme Cloud\n',
      code: 'Acme Cloud is new. Acme is not.\n',
      errors: [{ text: 'Acme', column: 1 }],
      output: 'Acme® Cloud is new. Acme is not.\n',
    },
    {
      name: 'a link whose text names its repository is no mention; the name in prose after it is',
      guide: 'terms:\n  - use: Gitpod\n    trademark: ®\n',
      code: 'Owners: [gitpod](https://github.com/gitpod-io/gitpod). Gitpod is here.\n',
      errors: [{ text: 'Gitpod', column: 56 }],
      output: 'Owners: [gitpod](https://github.com/gitpod-io/gitpod). Gitpod® is here.\n',
    },
    { code: 'Try Acme Cloud now.', errors: [{ text: 'Acme Cloud', column: 5 }], output: 'Try Acme Cloud® now.' },
    {
      name: 'the first mention in prose after identifiers and hashtags carries the symbol',
      guide: 'terms:\n  - use: Acme Cloud\n    trademark: ®\n  - use: Acme\n    trademark: ™\n',
      file: 'launch.x.txt',
      code: 'Install acme-cloud-sync. Follow #Acme for Acme Cloud news from Acme.',
      errors: [{ text: 'Acme Cloud', fixes: ['Add ® after "Acme Cloud"'] }, { text: 'Acme', column: 64 }],
      output: 'Install acme-cloud-sync. Follow #Acme for Acme Cloud® news from Acme™.',
    },
  ],
});
