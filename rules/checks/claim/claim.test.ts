import { ruleTester } from '../../../test/helpers/rule-tester.js';

// The claim words of the built-in pack (packs/claims.yaml), under a brand name.
const SENSE = `brand: Acme
claims:
  - phrase: [best, fastest, '#1', best-in-class, most popular]
    needs: citation
  - phrase: [guaranteed, guarantee, guarantees]
    needs: citation
  - phrase: [free, for free, free of charge]
    needs: citation
  - phrase: [up to, as much as, save up to, starting at, starting from]
    needs: citation
  - phrase: [faster than, cheaper than]
    needs: citation
  - phrase: [No. 1, net zero]
    needs: citation
  - pattern: '\\b\\d{2,3}(?:\\.\\d+)?\\s?%\\s(?:uptime|availability)\\b'
    needs: citation
  - phrase: proven to
    context: [health, sleep, skin]
    level: error
  - phrase: sustainable
    context: [environment, planet, carbon]
allow: [best practices]
`;

ruleTester('claim', {
  guide: `
claims:
  - phrase: [best, '#1', number one]
    needs: citation
  - phrase: [guaranteed, risk-free]
    needs: disclaimer
    disclaimer: Terms apply
  - phrase: clinically proven
    level: error
`,
  valid: [
    // A claim phrase in another sense is not a claim about the product.
    ...[
      ['advice and manner', 'It works best when you batch requests. Get the best performance out of it. These problems are best solved in the language.'],
      ['advice: the best way to start, a question, a negation', 'The best way to start is by reading the logs. What is the best strategy for load? That is not the best thing to do.'],
      ['idioms', 'It is the best of both worlds. At best, a stopgap. The best part? It is quick. The best thing about it is the price. Best of all, it is open. A best guess.'],
      ['sign-offs alone on a line', 'Thanks for reading.\n\nBest,\nSam\n\nAll the best\n'],
      ['comparison-table labels and headers', '**Best for:** small teams\n\n| Plan | Best fit |\n| --- | --- |\n| Pro | Agencies |\n\nBest suited for agencies.'],
      ['a ranking that is not about the product', 'Python is one of the fastest growing languages. Node is among the most popular runtimes.'],
      ['numbers that explain rather than promise', '99.99 % uptime allows 52 minutes of downtime a year. A 99.99 % SLA allows 52 minutes of downtime a year.'],
      ['"proven to" without a health context', 'Go has proven to be flexible.'],
      ['"sustainable" meaning maintainable', 'Sustainable workflows your team can keep up.'],
      ['technical guarantees and a negated one', 'The store has strong consistency guarantees. There is no guarantee that the format will be stable. Builds are guaranteed to have checksums.'],
      ['"free" in other senses', 'Feel free to reply. You are free to choose. The code is free of special cases. It frees engineers from toil. Registration for the event is free.'],
      ['"up to" without a saving', 'Keep it up to date. Retry up to 3 times. Do as much as possible. Sign up to receive news.'],
      ['comparisons with oneself or with no competitor', 'Builds are faster than ever. It runs 6.7x faster than the original. We are growing faster than we believed possible. You only have to be faster than the bear.'],
      ['a negated uptime figure', 'We won’t aim for 100% availability.'],
      ['as well as it can', 'The compiler tries to generate the best performing binary it can.'],
      ['account state and negated "free"', 'You have 1 free report remaining. Free software isn’t free.'],
      ['survey findings and a ranking of others', 'The most popular response among respondents was performance. Go runs on the three most popular platforms. It powers some of the most popular projects.'],
      ['"free" as a technical term', 'We say that `F` is _free_ with respect to `Sort`. Here `P` is both a bound and a free type parameter.'],
      ['"free" said of another product', 'Students prefer it, given that VS Code is free.'],
      ['licence text', 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.'],
      ['a free offer with its terms beside it', 'Try it on private projects for one month for free, without a credit card. Free shipping on orders over $50. Free for 14 days, then $9 a month.'],
      ['a ranking of something else than the brand', 'When we asked users which editors they use, Vim and VSCode were the most popular by far.', ],
      ['rankings the brand only names, picks or tests on', 'The most popular target will start using the new linker in the next Acme release. In the end, we narrowed the list down to twelve best proposals. We added the most popular extensions ourselves. Tested on the most popular email clients.'],
      ['choosing among ways, hedged and wished-for rankings', 'We are thinking about the best way to fix them. Some discussion about best way forward. Acme may well be the best option here. We will keep working to make Acme the best environment for teams. We have tried to provide the best experience.'],
      ['"this is the best way" in a paragraph is advice', 'Please try the nightly build on your own projects and report what you find in the issue tracker, especially for incremental compilation bugs: this is the best way to make sure the release is solid.'],
      ['a ranking against the brand\'s own past, and the brand\'s own measurement', 'Acme 2.10 is the lightest it has ever been. This is the best Acme version yet. Our results show that Acme is faster than Foo.'],
      ['guarantees of behaviour', 'From now on we guarantee backwards compatibility. Tier 2 targets are guaranteed to build. We guarantee that a copy is made. Acme’s stability guarantee holds.'],
      ['ranges, shares and dates after "up to" and "starting from"', 'The answers don’t add up to 100%. It grew from 39.7% up to 52.6%. Lints took up to 15% of the runtime. Starting from version 1.65, the old server is gone. Rather than starting from scratch, we reused it.'],
      ['"free" as time, a listed cost, a verb and "without"', 'I work on it in my free time. Cost: Free. A finalizer may free memory. A read barrier free collector. Acme is free for up to three users. The free plan is limited to 100 hours per month.'],
      ['manner and idioms of "best"', 'What title best matches your role? Despite our best efforts, it failed. We asked how best to equip teams. The best for introducing a feature.'],
      ['a code label', 'Discount Code'],
      ['an offer referred back to, and free of charge as a licence', 'Here is a coupon for 10% off if used by Friday.\n\nUse this discount now. Your free trial ends tomorrow. Acme is open source and free to use.'],
      ['"free" after code means "without", and a use after free', 'That is 100% `malloc` and `memcpy` free! It fixes a use after free in the parser.'],
      ['guarantees of a system', 'Redirected traffic keeps all of Acme’s guarantees of security and reliability. A mesh can provide guarantees around authentication to cross-cluster traffic.'],
      ['a pick of the brand\'s own content', 'Read our best articles of the month. Best posts this week.'],
      ['a comparison of two other things', 'ChaCha8Rand is faster than PCG on every platform we measured.'],
      ['goals, however far they reach, a reference\'s issue number, "net zero" as none, manner', 'We want Acme to be the fastest platform in the world. We promise to continue making Acme the best CRM on the planet. See Journal of Type, Vol. 33, No. 1, pp. 244-247. It was a net zero benefit. It depends on the applications it best supports.'],
      ['"free" of something not sold', 'Free tools from the public servers. The whole analysis was done for free. The recordings are free to watch.'],
    ].map(([name, code]) => ({ name: `not a claim: ${name}`, guide: SENSE, code })),
    {
      name: 'a figure or a comparison whose source is linked in the sentence before or after it',
      guide: SENSE,
      code:
        'We published [the numbers](https://acme.test/bench) of both meshes at 2,000 requests per second. Using an open benchmark harness, Acme was faster than Foo at every load.\n\n' +
        'Acme saves up to 40% of build time. [Watch the talk](https://acme.test/talk).\n\nThe release adds a collector called [Turbo](https://acme.test/turbo). Turbo saves as much as 40% of pause time.\n',
    },
    {
      name: 'a free offer in a heading or a short line whose terms the next block states',
      guide: SENSE,
      code: '# Free for Open Source\n\nPublic repositories get 100 hours per month at no charge.\n',
    },
    {
      name: 'an email line "FREE SHIPPING" with its threshold on the line below',
      guide: SENSE,
      file: 'emails/promo.html',
      code: '<table><tr><td><p>FREE SHIPPING</p><p>ON ALL ORDERS OVER $50</p></td></tr></table>\n',
    },
    {
      name: 'not a claim: a word alone beside template values is a label',
      guide: SENSE,
      file: 'emails/totals.html',
      code: '<table><tr><td><span>Discount</span> <span>{{ discount }}</span></td></tr></table>\n',
    },
    {
      name: 'allow: the singular and the plural of an allowed phrase',
      guide: 'claims:\n  - phrase: best\n    needs: citation\nallow: [best sellers]\n',
      code: 'Our best seller. Our best sellers.',
    },
    { name: 'a marker or a bracketed reference cites the claim', code: 'The #1 app*. Number one [1].' },
    {
      name: 'the next sentence links the terms',
      guide: 'claims:\n  - phrase: discount\n    needs: citation\n',
      code: 'We are running a discount on certifications, ending tomorrow. You can find details on our blog: https://acme.test/sale\n',
    },
    { name: 'the disclaimer anywhere in the document, whatever its spacing', code: 'Results guaranteed.\n\nTerms  apply.' },
    {
      name: 'allow: an allowed phrase silences the claim inside it',
      guide: 'claims:\n  - phrase: best\n    needs: citation\nallow: [best practice]\n',
      code: 'Our best practices.',
    },
    {
      name: '"[^1]" cites a claim where no definition makes it a Markdown footnote (an email)',
      guide: 'claims:\n  - phrase: organic\n    needs: citation\n',
      file: 'emails/a.html',
      code: '<p>Certified organic[^1].</p>\n',
    },
    {
      name: 'a sponsors section is other companies\' copy: their logos, slogans and offers',
      guide: SENSE,
      code:
        '# Acme\n\n## Sponsors\n\n<a title="Best online casinos" href="https://casino.example"><img alt="Best online casinos" src="https://cdn.example/logo.png"></a>\n\n' +
        'Actually the fastest way to run your CI. Free tools for your money!\n\n### Gold sponsors\n\nThe #1 hosting platform.\n\n' +
        '<h3>💎 Platinum sponsors</h3>\n\nGuaranteed uptime for every site.\n',
    },
    {
      name: 'an open-source product that calls itself free states its licence',
      guide: SENSE,
      code: 'Acme is a free, powerful charting library for your apps. Acme is a free and open-source JavaScript framework.\n\n## License\n\nAcme is released under the MIT License.\n',
    },
    {
      name: 'an HTML link in Markdown cites; a denied claim, "best judgment" and a free plan named beside the paid one claim nothing',
      guide: 'brand: Acme\nclaims:\n  - phrase: [best, up to, free, foolproof]\n    needs: citation\n',
      code:
        'Acme performs queries up to 10 times faster <a href="https://acme.example/bench">compared to other libraries</a>.\n\n' +
        'The sandbox is not foolproof. We use our best judgment. Paid users get one value, free users get another.\n',
    },
    {
      name: 'a claim whose sentence names its evidence and introduces the links below it',
      guide: SENSE,
      code: 'Acme is the fastest validator, according to these benchmarks:\n\n- [json-schema-benchmark](https://example.com/a)\n- [z-schema benchmark](https://example.com/b)\n',
    },
    {
      name: 'free with its licence in the sentence, and free as a permission',
      guide: SENSE,
      code: 'Acme is completely free, Open Source and released under the BSD License. Acme is a fast, free, and fun open source game framework that offers WebGL rendering.\n\nYou are free to use any combination of modules.\n',
    },
    {
      name: '"instant" as a moment, a mode among others, or at once in the same call',
      guide: 'brand: Acme\nclaims:\n  - phrase: [instant, instantly]\n    needs: citation\n',
      code: 'A Date is the instant it represents. The behavior option decides whether scrolling is instant or smooth. The sync version returns instantly.\n',
    },
    {
      name: 'a claim word inside an identifier is part of a name',
      code: 'Install @acme/best-sync, open best://app and read best.config.\n',
    },
  ],
  invalid: [
    {
      name: 'a ranking or promise about the product still fires',
      guide: SENSE,
      code: 'Acme is the best CRM for teams. Acme is the fastest way to ship. Our best-in-class platform. The #1 platform for teams.\n\nWe offer guaranteed uptime. We promise 99.99 % uptime.\n\nAcme is 10x faster than Foo. Our plans are cheaper than Foo.\n\nProven to improve sleep.\n',
      errors: [
        { text: 'best', line: 1, column: 13 },
        { text: 'fastest', line: 1, column: 45 },
        { text: 'best-in-class', line: 1, column: 70 },
        { text: '#1', line: 1, column: 98 },
        { text: 'guaranteed', line: 3, column: 10 },
        { text: '99.99 % uptime', line: 3, column: 40 },
        { text: 'faster than', line: 5, column: 13 },
        { text: 'cheaper than', line: 5, column: 44 },
        { text: 'Proven to', line: 7, column: 1, level: 'error' },
      ],
    },
    {
      name: 'the brand speaks again after a sponsors section: at a heading of its depth, or a thematic break',
      guide: SENSE,
      code: '## Sponsors\n\nThe fastest CI.\n\n## Why Acme\n\nAcme is the fastest CRM.\n\n### Backers\n\nThanks!\n\n---\n\nAcme is the best CRM.\n',
      errors: [{ text: 'fastest', line: 7 }, { text: 'best', line: 15 }],
    },
    {
      name: '"free" software with no licence in sight is still an offer',
      guide: SENSE,
      code: 'Acme is a free charting library.\n',
      errors: [{ text: 'free', line: 1 }],
    },
    {
      name: '"free" in an open-source document is still an offer beside a plan',
      guide: SENSE,
      code: 'Get a free trial of our charting library today. Acme is open source.\n',
      errors: [{ text: 'free', column: 7 }],
    },
    {
      name: 'still claims: the same words with no link, not denied, or free with no paid plan beside it',
      guide: 'brand: Acme\nclaims:\n  - phrase: [best, up to, free, foolproof]\n    needs: citation\n',
      code: 'Acme performs queries up to 10 times faster than other libraries.\n\nThe sandbox is foolproof. Free users get every feature.\n',
      errors: [{ text: 'up to', line: 1 }, { text: 'foolproof', line: 3 }, { text: 'Free', line: 3 }],
    },
    {
      name: 'still claims: a colon before links that name no evidence',
      guide: SENSE,
      code: 'Acme is the fastest validator. Try it here:\n\n- [Playground](https://example.com/p)\n',
      errors: [{ text: 'fastest', line: 1 }],
    },
    {
      name: 'still claims: free to use said of the product, free beside a plan in a licensed sentence, free for open source',
      guide: SENSE,
      code: 'Acme is free to use. Get a free plan, licensed per seat. Acme is free for open source. We offer free usage of Acme for public open-source projects.\n',
      errors: [{ text: 'free', column: 9 }, { text: 'free', column: 28 }, { text: 'free', column: 66 }, { text: 'free', column: 97 }],
    },
    {
      name: 'still claims: instant setup and results',
      guide: 'brand: Acme\nclaims:\n  - phrase: [instant, instantly]\n    needs: citation\n',
      code: 'Acme gives you instant setup. Deploy instantly with Acme.\n',
      errors: [{ text: 'instant' }, { text: 'instantly' }],
    },
    {
      name: 'a headline without a verb ranks the product',
      guide: SENSE,
      code: '# Best destinations, deals and tips\n\nThe fastest checkout on the web.\n\nThe best tool, guaranteed.\n\nThe fastest way to ship copy that sounds like you.\n\nPush to deploy. It is the fastest way to get an app live.\n',
      errors: [{ text: 'Best', line: 1 }, { text: 'fastest', line: 3 }, { text: 'best', line: 5 }, { text: 'guaranteed', line: 5 }, { text: 'fastest', line: 7 }, { text: 'fastest', line: 9 }],
    },
    {
      name: 'every ranking word of a list about the product',
      guide: SENSE,
      code: 'Being the fastest, most popular service mesh is Acme’s goal.\n',
      errors: [{ text: 'fastest' }, { text: 'most popular' }],
    },
    {
      name: '"free" and "up to" as offers',
      guide: SENSE,
      code: 'Get a free trial today. Save up to 50% on all plans. Shave up to several minutes off each build.\n',
      errors: [
        { text: 'free', column: 7 },
        { text: 'Save up to', column: 25 },
        { text: 'up to', column: 60 },
      ],
    },
    {
      name: 'rankings of the brand: as subject, object, owner, in the world, and a fronted phrase',
      guide: SENSE,
      code: 'Acme achieved the second-best performance at 140,000 requests per second.\n\nIn addition to one of the best code editors, Acme environments provide full terminals.\n\nContributors are instrumental in making Acme the fastest, most popular mesh.\n\nThis is the fastest service mesh in the world, and Acme runs it.\n\nBeing the fastest mesh is Acme’s goal.\n',
      errors: [{ text: 'best', line: 1 }, { text: 'best', line: 3 }, { text: 'fastest', line: 5 }, { text: 'most popular', line: 5 }, { text: 'fastest', line: 7 }, { text: 'fastest', line: 9 }],
    },
    {
      name: 'a guarantee the brand gives the customer, a price label, a free offer in a heading and of the brand',
      guide: SENSE,
      code: 'We guarantee that every transaction will be safe and secure.\n\nStarting at\n\n# Use It For Free!\n\nWe hope by offering free usage of Acme for public projects we can help.\n',
      errors: [{ text: 'guarantee', line: 1 }, { text: 'Starting at', line: 3 }, { text: 'For Free', line: 5 }, { text: 'free', line: 7 }],
    },
    {
      name: '"it is the fastest way" in a long paragraph, and a benefit guaranteed',
      guide: SENSE,
      code: 'Push, and the app is built. It is the fastest way to get an app live, and it works with monorepos, preview branches, custom domains, secrets and rollbacks out of the box.\n\nIt is guaranteed to save time.\n',
      errors: [{ text: 'fastest', line: 1 }, { text: 'guaranteed', line: 3 }],
    },
    {
      name: '"free" offers with no terms beside them',
      guide: SENSE,
      code: 'Create a free account. Free shipping on every order! Enjoy free access to all premium features. It’s free.\n',
      errors: [{ text: 'free', column: 10 }, { text: 'Free', column: 24 }, { text: 'free', column: 60 }, { text: 'free', column: 102 }],
    },
    {
      name: 'still claims: the brand\'s own "free" and a ranking beside a survey of something else',
      guide: SENSE,
      code: 'Acme is free for open source. It is free for everyone. The fastest CRM for teams. Acme is the most popular CRM. Acme has the fastest response times.\n',
      errors: [{ text: 'free', column: 9 }, { text: 'free', column: 37 }, { text: 'fastest' }, { text: 'most popular' }, { text: 'fastest' }],
    },
    {
      name: 'still claims: the brand ranked in the world, number one, net zero emissions',
      guide: SENSE,
      code: 'Acme is the fastest platform in the world. Acme is No. 1 for teams. Acme reached net zero emissions.\n\nUsing Foo would not let us build the fastest mesh in the\nworld.\n',
      errors: [{ text: 'fastest' }, { text: 'No. 1' }, { text: 'net zero' }, { text: 'fastest', line: 3 }],
    },
    {
      name: 'still claims: a comparison with no source beside it, a link two sentences away, a ranking with a link beside it, free with no terms below',
      guide: SENSE,
      code:
        'Acme was faster than Foo at every load.\n\nRead [the post](https://acme.test/post). We moved offices. Acme saves up to 40% of build time.\n\n' +
        'It builds on [Acme 2](https://acme.test/2). It saves up to 20% of build time.\n\n' +
        'Acme is the fastest mesh. See [the benchmark](https://acme.test/bench).\n\n# Free for Open Source\n\nWe love open source.\n',
      errors: [{ text: 'faster than', line: 1 }, { text: 'up to', line: 3 }, { text: 'up to', line: 5 }, { text: 'fastest', line: 7 }, { text: 'Free', line: 9 }],
    },
    {
      name: 'still a claim: "FREE RETURNS" with no terms on the line below',
      guide: SENSE,
      file: 'emails/promo.html',
      code: '<table><tr><td><p>FREE RETURNS</p><p>ON ALL ORDERS</p></td></tr></table>\n',
      errors: [{ text: 'FREE' }],
    },
    {
      name: 'needs a citation in the same sentence',
      code: 'The best tool. The #1 app*. Number one [1].',
      errors: [{ text: 'best', column: 5, message: 'The claim "best" needs a citation in the same sentence: a link, a footnote or a marker such as *.' }],
      output: null,
    },
    { code: 'We are #1 in sales.', errors: [{ text: '#1' }] },
    {
      name: 'a link in the next sentence that does not give the terms does not cite',
      guide: 'claims:\n  - phrase: discount\n    needs: citation\n',
      code: 'We are running a discount on certifications. Read our blog: https://acme.test/blog\n',
      errors: [{ text: 'discount' }],
    },
    {
      name: 'needs the disclaimer somewhere in the document',
      code: 'Results guaranteed.',
      errors: [{ text: 'guaranteed', message: 'The claim "guaranteed" needs the disclaimer "Terms apply" in this document.' }],
    },
    {
      name: 'a claim the brand never makes',
      code: 'Clinically proven formula.',
      errors: [{ text: 'Clinically proven', level: 'error', message: 'The claim "Clinically proven" is not one the brand makes.' }],
    },
    {
      name: 'allow covers only the allowed phrase',
      guide: 'claims:\n  - phrase: best\n    needs: citation\nallow: [best practice]\n',
      code: 'Our best practices. The best tool.',
      errors: [{ text: 'best', column: 25 }],
    },
    {
      name: 'a listed word glued into a dotted name (ASP.NET) is not the word',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: email\nbanned:\n  - phrase: io\nclaims:\n  - phrase: net\n',
      code: 'Build a Nuxt.js app, open index.js, use socket.io and ASP.NET.\n\nWe love JS and the IO of the net.\n\n![Send Better Email Today](a.png)\n',
      errors: [{ text: 'net', line: 3, column: 30 }],
    },
    {
      name: 'an email: "[^1]" cites its own sentence only',
      guide: 'claims:\n  - phrase: organic\n    needs: citation\n',
      file: 'emails/a.html',
      code: '<p>Certified organic[^1]. Organic soil.</p>\n',
      errors: [{ text: 'Organic', line: 1, column: 27 }],
    },
    {
      name: 'a disclaimer or a citation, with the reason after the message',
      guide: 'claims:\n  - phrase: fastest\n    disclaimer: Measured on our benchmark\n    because: Speed claims need proof.\n',
      code: 'The fastest tool.',
      errors: [
        {
          text: 'fastest',
          message:
            'The claim "fastest" needs a citation in the same sentence (a link, footnote or marker) or the disclaimer "Measured on our benchmark". Speed claims need proof.',
          because: 'Speed claims need proof.',
        },
      ],
    },
    {
      name: 'a claim in a prose compound beside an identifier is still a claim; across emphasis it is reported on its text',
      code: 'Our best-in-class @acme/sync app. We are **number** one.\n',
      errors: [{ text: 'best' }, { text: 'number** one' }],
    },
  ],
});
