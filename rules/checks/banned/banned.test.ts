import { ruleTester } from '../../../test/helpers/rule-tester.js';

const JARGON = 'Jargon. Say what actually happens.';
// Words named like Object.prototype members.
const PROTO_WORDS = 'banned:\n  - phrase: constructor\n    use: builder\n  - phrase: toString\nterms:\n  - use: ValueOf\n    not: [value of]\n';

ruleTester('banned', {
  guide: `
brand: Acme
banned:
  - phrase: utilize
    use: [use]
    because: Plain words read faster.
  - phrase: [synergy, leverage]
    because: ${JARGON}
  - phrase: reach out
    use: contact
  - phrase: in order to
    use: to
  - pattern: '\\bcheap(er|est)?\\b'
    use: [affordable, low-cost]
    level: error
`,
  valid: [
    {
      name: 'an idiom that holds the word is not the word: light verbs, a clause-opening "given", "in person", "up and running"',
      guide: 'banned:\n  - phrase: take\n    use: require\n  - phrase: give\n    use: provide\n  - phrase: person\n    use: user\n  - phrase: run\n    use: operate\n  - phrase: easy\n    use: simple\n',
      code: 'Take a look at the docs. Give it a try. The event takes place in May. Given the cost, we waited. We met them in person. The site is up and running. Take it easy.\n',
    },
    {
      name: 'an adjective\'s form after an action verb is an adverb; "basically" is not "in a basic way"',
      guide: 'banned:\n  - phrase: hard\n    use: difficult\n  - phrase: basic\n    use: simple\n',
      code: 'We work hard for you. Basically, it just works.\n',
    },
    {
      name: 'a verb hyphened into a compound, and a form the replacement cannot take, are other words',
      guide: 'banned:\n  - phrase: run\n    use: operate\n  - phrase: buy\n    use: purchase\n  - phrase: kid\n    use: child\n  - phrase: basic\n    use: simple\n',
      code: 'Our long-running jobs need buy-in. Are you kidding? Learn the basics first.\n',
    },
    {
      name: 'a one-word verb and its particle are another verb; an adverb with a sense of its own is not the adjective',
      guide: 'banned:\n  - phrase: run\n    use: operate\n  - phrase: give\n    use: provide\n  - phrase: hard\n    use: difficult\n',
      code: 'We ran into a bug. Never give up. It ran out of memory. We hardly ever fail.\n',
    },
    {
      name: 'a minimizer that means "merely", "recently" or "exactly" tells no one a step is easy',
      guide: 'banned:\n  - phrase: [simply, just]\n    because: Do not tell readers something is easy.\n',
      code:
        'A Model is simply something that can convert colors. The sweep simply iterates through all spans. ' +
        "We can't simply delete it. Use a redirect rather than simply routing. There is simply no mechanism. " +
        'It is simply not necessary. To put it simply, it works. Simply put, it works. ' +
        'Use open ranges, just like you do for engines. I just migrated my own actions. ' +
        'Whenever I want to code, or just want to try something, I open it. It is often also simply called OTel.',
    },
    {
      name: '"simply" as "merely": an infinitive after a noun or adjective, a thing that can do it',
      guide: 'banned:\n  - phrase: [simply, just]\n    because: Do not tell readers something is easy.\n',
      code:
        'The plan was to simply replace the solver. It is easier to simply enumerate the types. ' +
        'We want not only to simply get people involved. The loop helper can simply run the benchmark.',
    },
    {
      name: '"of course" as a concession, an answer, the writer\'s assurance or admission, the last of a list of thanks, a plural noun',
      guide: 'banned:\n  - phrase: [of course]\n    because: Do not tell readers something is known.\n',
      code:
        'Everyone has their own things that take time to master, of course, but the rules are simple. ' +
        'Old code keeps compiling (modulo compiler bugs, of course). It fits, though of course, three years is a long time. ' +
        'Can I bring a friend? Of course! Yes, of course. ' +
        "We'll of course be looking for ways to help. And, of course, we will continue to fix bugs. We cannot of course forget the editors. " +
        'Of course, for other things (like the coloring problem), we don\'t have good solutions yet.\n\n' +
        'Many thanks to the design team, the reviewers and, of course, everyone who tested the beta.\n\n' +
        'The students took a set of courses in their first year.',
    },
    {
      name: 'quotations are someone else\'s words: a blockquote with an attribution line, "…" – Name, <blockquote>, <q>, an MDX <Testimonial>',
      code: '> We utilize Acme every day.\n>\n> — Jane Doe, CTO\n\n"Acme let us leverage our data." – Sam Lee, Initech\n',
    },
    { name: 'an HTML <blockquote> and <q>', file: 'mail.html', code: '<blockquote>We utilize it daily.</blockquote><p>She said <q>we leverage it</q>.</p>' },
    { name: 'an MDX <Testimonial>', file: 'page.mdx', code: '<Testimonial author="Jane">\nWe utilize it daily.\n</Testimonial>\n' },
    { name: 'a word mentioned as a word', code: 'Avoid jargon words like "synergy" and \'leverage\'. Never write the term "utilize".' },
    'We use the tools we have.',
    { name: 'inside inline code', code: 'Call `utilize()` once.' },
    { name: 'not inside longer words', code: 'leverageable utilizer synergyish. Outreach is fine. reaching outward' },
    {
      name: 'never inside URLs, e-mail addresses, handles or paths written in prose',
      code: 'See https://x.example/utilize or mail utilize@x.example, @utilize, ./utilize/x and docs/utilize/a.',
    },
    {
      name: 'an inflection that is also how a suggestion inflects is not the banned word',
      guide: 'banned:\n  - phrase: programme\n    use: program\n',
      code: 'Programming is fun.',
    },
    {
      name: 'allow: an allowed phrase silences the banned word inside it',
      guide: 'banned:\n  - phrase: free\n  - phrase: free trial\n    use: trial\nallow: [free trial]\n',
      code: 'A free trial.',
    },
    {
      name: 'identifiers written as plain text: packages, schemes, headers, dotted names, directives, CSS selectors',
      code: 'Install @acme/synergy-sync, open synergy://app, send x-synergy-cache, read synergy.config and cfg:leverage. Style a:leverage too.\n',
    },
  ],
  invalid: [
    {
      name: 'a minimizer before a step the reader takes: an instruction, "you simply click", a means',
      guide: 'banned:\n  - phrase: [simply, just]\n    because: Do not tell readers something is easy.\n',
      code:
        'Simply reply to this email. If you have questions, simply reply to this email. ' +
        'You simply click a button. I simply spin up a workspace. You can just run it. ' +
        'Annotations apply at the pod level simply by setting one.',
      errors: [
        { text: 'Simply', column: 1 },
        { text: 'simply', column: 52 },
        { text: 'simply', column: 84 },
        { text: 'simply', column: 109 },
        { text: 'just', column: 145 },
        { text: 'simply', column: 193 },
      ],
    },
    {
      name: 'a minimizer after a modal when a person takes the step',
      guide: 'banned:\n  - phrase: [simply, just]\n    because: Do not tell readers something is easy.\n',
      code: 'Users can simply apply the fix. One can simply write it. We can simply use a method expression. To get started, simply prefix the URL.',
      errors: [{ text: 'simply', column: 11 }, { text: 'simply', column: 41 }, { text: 'simply', column: 65 }, { text: 'simply', column: 113 }],
    },
    {
      name: '"of course" that presents something as known or easy to the reader',
      guide: 'banned:\n  - phrase: [of course]\n    because: Do not tell readers something is known.\n',
      code:
        'The main one is of course the LLVM backend. Of course, you need to configure the proxy first. ' +
        "You'll need Docker, of course. If you have requests, of course, we'd love to hear them. " +
        'We support Go, Java and, of course, Rust. (Though the proxy as a whole, of course, does require it.)',
      errors: [
        { text: 'of course', column: 17 },
        { text: 'Of course', column: 45 },
        { text: 'of course', column: 115 },
        { text: 'of course', column: 148 },
        { text: 'of course', column: 208 },
        { text: 'of course', column: 255 },
      ],
    },
    {
      name: '"in order to" after need, have, require or want is reported but not rewritten: "need to work" reads as an obligation',
      code: 'These are the files those dependencies need in order to work. It has in order to run. We did it in order to ship.',
      errors: [
        { text: 'in order to', column: 45, message: 'Avoid "in order to".', suggestions: [], fixes: [] },
        { text: 'in order to', column: 70, suggestions: [], fixes: [] },
        { text: 'in order to', column: 97, suggestions: ['to'] },
      ],
      output: 'These are the files those dependencies need in order to work. It has in order to run. We did it to ship.',
    },
    {
      name: 'a blockquote without attribution is the page\'s own copy (a note, a callout)',
      code: '> **Note:** utilize the cache.\n',
      errors: [{ text: 'utilize', suggestions: ['use'] }],
      output: '> **Note:** use the cache.\n',
    },
    {
      name: 'quotations.lint: [brand] reports in quotations, and a quotation is never rewritten',
      guide: 'banned:\n  - phrase: utilize\n    use: [use]\nquotations:\n  lint: [brand]\n',
      code: '"We utilize Acme every day." – Jane Doe\n\nWe utilize it too.\n',
      errors: [{ text: 'utilize', line: 1, fixes: [] }, { text: 'utilize', line: 3, fixes: ['Replace with "use"'] }],
      output: '"We utilize Acme every day." – Jane Doe\n\nWe use it too.\n',
    },
    {
      name: 'copy in a raw HTML block of Markdown, a JSX copy prop, an FAQ in front matter',
      code: '---\nfaq:\n  - question: Can I utilize it?\n    answer: Yes.\n---\n<div align="center">\n<p>We utilize HTML here.</p>\n</div>\n',
      // A value inside a front-matter list is reported; the fix guard rewrites top-level values only.
      errors: [{ text: 'utilize', line: 3, fixes: [] }, { text: 'utilize', line: 7 }],
      output: '---\nfaq:\n  - question: Can I utilize it?\n    answer: Yes.\n---\n<div align="center">\n<p>We use HTML here.</p>\n</div>\n',
    },
    {
      name: 'JSX props that are copy (title, alt, label, description, caption), in MDX',
      file: 'page.mdx',
      code: '<Card title="Utilize the cloud" href="/utilize" />\n',
      errors: [{ text: 'Utilize', suggestions: ['Use'] }],
      output: '<Card title="Use the cloud" href="/utilize" />\n',
    },
    {
      name: 'keyword string arguments of a template macro are copy, each its own block; never the tag itself',
      file: 'page.html',
      code: '{{ section(title="Utilize the cloud", body="Ship faster.", url="/utilize") }}\n',
      errors: [{ text: 'Utilize', line: 1, column: 19 }],
      output: '{{ section(title="Use the cloud", body="Ship faster.", url="/utilize") }}\n',
    },
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
    {
      name: 'inflected forms in any case get the same form and case',
      code: 'We utilized it. Utilizing helps. UTILIZES. utilize',
      errors: [
        { text: 'utilized', suggestions: ['used'] },
        { text: 'Utilizing', suggestions: ['Using'] },
        { text: 'UTILIZES', suggestions: ['USES'] },
        { text: 'utilize', suggestions: ['use'] },
      ],
      output: 'We used it. Using helps. USES. use',
    },
    {
      name: 'programmes is the banned word inflected, programming is not',
      guide: 'banned:\n  - phrase: programme\n    use: program\n',
      code: 'Programming a programme; programmes.',
      errors: [
        { text: 'programme', suggestions: ['program'] },
        { text: 'programmes', suggestions: ['programs'] },
      ],
      output: 'Programming a program; programs.',
    },
    {
      name: 'matches across line breaks and runs of spaces, on word boundaries',
      code: 'Please reach\n   out today. In  order to win. Outreach is fine. reaching outward',
      errors: [
        { text: 'reach\n   out', line: 1, endLine: 2, suggestions: ['contact'] },
        { text: 'In  order to', line: 2, suggestions: ['To'] },
      ],
    },
    {
      name: 'not inside longer words, but an inflection is the word',
      code: 'Leveraged buyouts? leverageable utilizer synergyish',
      errors: [{ text: 'Leveraged', message: `Avoid "Leveraged". ${JARGON}`, suggestions: [] }],
      output: null,
    },
    {
      name: 'reports the reason, the level and patterns (two suggestions: no automatic fix)',
      code: 'Synergy and cheaper plans.',
      errors: [
        { text: 'Synergy', message: `Avoid "Synergy". ${JARGON}`, level: 'warning', because: JARGON },
        { text: 'cheaper', level: 'error', suggestions: ['affordable', 'low-cost'], fixes: ['Replace with "affordable"', 'Replace with "low-cost"'] },
      ],
      output: null,
    },
    {
      name: 'allow keeps findings outside the allowed phrase',
      guide: 'banned:\n  - phrase: free\n  - phrase: free trial\n    use: trial\nallow: [free trial]\n',
      code: 'A free trial, free.',
      errors: [{ text: 'free', column: 15 }],
    },
    {
      name: 'the longest of overlapping matches wins',
      guide: 'banned:\n  - phrase: free\n  - phrase: free trial\n    use: trial\n',
      code: 'A free trial.',
      errors: [{ text: 'free trial', suggestions: ['trial'] }],
      output: 'A trial.',
    },
    {
      name: 'a phrase never runs from a link text into what follows its destination; markup inside one is kept unfixed',
      guide: 'banned:\n  - phrase: refer to\n    use: see\n  - phrase: reach out\n',
      code: 'Please [refer](https://x.example) to this. Please refer to that. Please reach **out**.',
      errors: [
        { text: 'refer to', suggestions: ['see'] },
        { text: 'reach **out', suggestions: [] },
      ],
      output: 'Please [refer](https://x.example) to this. Please see that. Please reach **out**.',
    },
    {
      name: 'a listed word glued into a dotted name (socket.io) is not the word',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: email\nbanned:\n  - phrase: io\nclaims:\n  - phrase: net\n',
      code: 'Build a Nuxt.js app, open index.js, use socket.io and ASP.NET.\n\nWe love JS and the IO of the net.\n\n![Send Better Email Today](a.png)\n',
      errors: [{ text: 'IO', line: 3, column: 20 }],
    },
    {
      name: 'email: "Click <a>here</a>" is the banned "click here"; a phrase still stops after a link',
      guide: 'banned:\n  - phrase: click here\n    use: select the link\n  - phrase: here now\n',
      file: 'emails/a.html',
      code: '<p>Click <a href="https://x.example">here</a> now.</p>\n',
      errors: [{ text: 'Click <a href="https://x.example">here', line: 1, column: 4 }],
    },
    {
      name: 'Markdown: "Click [here](…)" is the banned "click here"; a phrase still stops after a link',
      guide: 'banned:\n  - phrase: click here\n    use: select the link\n  - phrase: here now\n',
      code: 'Click [here](https://x.example) now.\n',
      errors: [{ text: 'Click [here', line: 1, column: 1 }],
    },
    {
      name: 'a banned "constructor" is matched and inflected, not looked up as an irregular verb (words named like Object.prototype members)',
      guide: PROTO_WORDS,
      code: 'The constructor and two constructors. Call toString on the value of it.\n',
      errors: [
        { text: 'constructor', suggestions: ['builder'] },
        { text: 'constructors', suggestions: ['builders'] },
        { text: 'toString', suggestions: [] },
      ],
    },
    { code: 'Real synergy.', errors: [{ text: 'synergy', message: `Avoid "synergy". ${JARGON}` }], output: null },
    {
      name: 'irregular participles follow has and be: never "has operate"',
      guide: 'banned:\n  - phrase: write up\n    use: document\n  - phrase: run\n    use: operate\n  - phrase: go\n    use: proceed\n  - phrase: kid\n    use: child\n  - phrase: analysis\n    use: review\n  - phrase: effortless\n    use: easy\n  - phrase: leverage\n    use: build on\n  - phrase: impact\n    use: affect\n  - phrase: reach out to\n    use: get in touch with\n  - phrase: awesome\n',
      code: 'She has written up the notes. He has run the team for years. The jobs were run by a robot.\n',
      errors: [
        { text: 'written up', suggestions: ['documented'] },
        { text: 'run', column: 38, suggestions: ['operated'] },
        { text: 'run', column: 76, suggestions: ['operated'] },
      ],
      output: 'She has documented the notes. He has operated the team for years. The jobs were operated by a robot.\n',
    },
    {
      name: 'short irregular verbs, irregular plurals and derived adverbs',
      guide: 'banned:\n  - phrase: write up\n    use: document\n  - phrase: run\n    use: operate\n  - phrase: go\n    use: proceed\n  - phrase: kid\n    use: child\n  - phrase: analysis\n    use: review\n  - phrase: effortless\n    use: easy\n  - phrase: leverage\n    use: build on\n  - phrase: impact\n    use: affect\n  - phrase: reach out to\n    use: get in touch with\n  - phrase: awesome\n',
      code: 'We went home, we have gone home and we go home. The kids read two analyses. It works effortlessly.\n',
      errors: [
        { text: 'went', suggestions: ['proceeded'] },
        { text: 'gone', suggestions: ['proceeded'] },
        { text: 'go', suggestions: ['proceed'] },
        { text: 'kids', suggestions: ['children'] },
        { text: 'analyses', suggestions: ['reviews'] },
        { text: 'effortlessly', suggestions: ['easily'] },
      ],
      output: 'We proceeded home, we have proceeded home and we proceed home. The children read two reviews. It works easily.\n',
    },
    {
      name: 'a replacement of another part of speech is offered, not applied',
      guide: 'banned:\n  - phrase: write up\n    use: document\n  - phrase: run\n    use: operate\n  - phrase: go\n    use: proceed\n  - phrase: kid\n    use: child\n  - phrase: analysis\n    use: review\n  - phrase: effortless\n    use: easy\n  - phrase: leverage\n    use: build on\n  - phrase: impact\n    use: affect\n  - phrase: reach out to\n    use: get in touch with\n  - phrase: awesome\n',
      code: 'The leverage is high. Big impacts on sales are coming. We leverage the cloud and it impacts sales.\n',
      errors: [
        { text: 'leverage', column: 5, suggestions: ['build on'], fixes: [] },
        { text: 'impacts', column: 27, suggestions: ['affects'], fixes: [] },
        { text: 'leverage', column: 59, suggestions: ['build on'] },
        { text: 'impacts', column: 85, suggestions: ['affects'] },
      ],
      output: 'The leverage is high. Big impacts on sales are coming. We build on the cloud and it affects sales.\n',
    },
    {
      name: 'as: verb flags only the verb, and its fix is applied',
      guide: 'banned:\n  - phrase: leverage\n    use: use\n    as: verb\n',
      code: 'The leverage is high, so we leverage the cloud.\n',
      errors: [{ text: 'leverage', column: 29, suggestions: ['use'] }],
      output: 'The leverage is high, so we use the cloud.\n',
    },
    {
      name: 'Title Case is kept in a multi-word replacement',
      guide: 'banned:\n  - phrase: write up\n    use: document\n  - phrase: run\n    use: operate\n  - phrase: go\n    use: proceed\n  - phrase: kid\n    use: child\n  - phrase: analysis\n    use: review\n  - phrase: effortless\n    use: easy\n  - phrase: leverage\n    use: build on\n  - phrase: impact\n    use: affect\n  - phrase: reach out to\n    use: get in touch with\n  - phrase: awesome\n',
      code: '# Reach Out To Us\n\n## How to Reach Out to Us\n\nPlease reach out to us.\n',
      errors: [
        { text: 'Reach Out To', suggestions: ['Get In Touch With'] },
        { text: 'Reach Out to', suggestions: ['Get in Touch with'] },
        { text: 'reach out to', suggestions: ['get in touch with'] },
      ],
      output: '# Get In Touch With Us\n\n## How to Get in Touch with Us\n\nPlease get in touch with us.\n',
    },
    {
      name: 'a company or street name is not the banned word',
      guide: 'banned:\n  - phrase: write up\n    use: document\n  - phrase: run\n    use: operate\n  - phrase: go\n    use: proceed\n  - phrase: kid\n    use: child\n  - phrase: analysis\n    use: review\n  - phrase: effortless\n    use: easy\n  - phrase: leverage\n    use: build on\n  - phrase: impact\n    use: affect\n  - phrase: reach out to\n    use: get in touch with\n  - phrase: awesome\n',
      code: 'Awesome Co\n\n123 Awesome St, Springfield\n\nAwesome work, Awesome Team. Your new Awesome account is ready, from awesome co. Have an Awesome time.\n',
      errors: [{ text: 'Awesome', line: 5, column: 1 }, { text: 'Awesome', line: 5, column: 89 }],
    },
    {
      name: 'with no company of that name in the document, only a capitalised banned word before the company\'s things is a name',
      guide: 'banned:\n  - phrase: awesome\n',
      code: 'Awesome work from the Awesome Team. Your new Awesome account is ready for all sorts of Awesome stuff, from awesome co.\n',
      errors: [{ text: 'Awesome', column: 1 }, { text: 'Awesome', column: 88 }, { text: 'awesome', column: 108 }],
    },
    {
      name: 'a banned word in a prose compound or beside an identifier is still flagged',
      code: 'A synergy-driven plan for @acme/sync users who utilize it.\n',
      errors: [{ text: 'synergy' }, { text: 'utilize', suggestions: ['use'] }],
      output: 'A synergy-driven plan for @acme/sync users who use it.\n',
    },
    {
      name: 'front matter stays valid YAML: a replacement with ": " quotes a plain value',
      guide: 'banned:\n  - phrase: fyi\n    use: ["note:"]\n',
      code: '---\ntitle: Our fyi list\n---\n\nBody.\n',
      errors: [{ text: 'fyi', suggestions: ['note:'] }],
      output: '---\ntitle: "Our note: list"\n---\n\nBody.\n',
    },
    {
      name: 'front matter stays valid YAML: a quote is escaped in a quoted value',
      guide: 'banned:\n  - phrase: dont\n    use: ["don\'t"]\n',
      code: "---\ntitle: 'We dont wait'\ndescription: \"We dont stop\"\n---\n\nBody.\n",
      errors: 2,
      output: "---\ntitle: 'We don''t wait'\ndescription: \"We don't stop\"\n---\n\nBody.\n",
    },
    {
      name: 'a fix that would take a social post over its limit is not applied, and the finding says why',
      guide: 'banned:\n  - phrase: utilize\n    use: [make good use of]\nchannels:\n  social:\n    x: { max: 30 }\n',
      file: 'launch.x.txt',
      code: 'We utilize it every day ok',
      errors: [{ text: 'utilize', fixes: [], message: /Not fixed automatically: the fix would take the post over X's limit \(35\/30\)\./ }],
      output: null,
    },
    {
      name: 'a fix that keeps a social post within its limit is applied',
      guide: 'banned:\n  - phrase: utilize\n    use: [make good use of]\nchannels:\n  social:\n    x: { max: 40 }\n',
      file: 'launch.x.txt',
      code: 'We utilize it every day ok',
      errors: 1,
      output: 'We make good use of it every day ok',
    },
    {
      name: 'fixes that fit a social post one by one but not together: those that fit are applied',
      guide: 'banned:\n  - phrase: utilize\n    use: [make good use of]\nchannels:\n  social:\n    x: { max: 37 }\n',
      file: 'launch.x.txt',
      code: 'We utilize it, utilize it ok',
      errors: 2,
      output: 'We utilize it, make good use of it ok',
    },
    {
      name: 'a verb offered for a word that is a noun first is applied only where the sentence reads it as a verb',
      guide: 'banned:\n  - phrase: impact\n    use: affect\n',
      code: 'Big impacts.\n\nThe impact was big.\n\n# Our Impact\n\nIt impacts sales.\n',
      errors: [
        { text: 'impacts', line: 1, suggestions: ['affects'], fixes: [] },
        { text: 'impact', line: 3, suggestions: ['affect'], fixes: [] },
        { text: 'Impact', line: 5, suggestions: ['Affect'], fixes: [] },
        { text: 'impacts', line: 7, suggestions: ['affects'] },
      ],
      output: 'Big impacts.\n\nThe impact was big.\n\n# Our Impact\n\nIt affects sales.\n',
    },
    {
      name: 'the article goes with the replacement, and a participle before its noun stays a participle',
      guide: 'banned:\n  - phrase: analysis\n    use: review\n  - phrase: select\n    use: choose\n  - phrase: easy\n    use: simple\n',
      code: 'Run an analysis weekly. An analysis follows. It is an easy choice.\n\nThe selected plan renews. We selected plans.\n',
      errors: [
        { text: 'an analysis', suggestions: ['a review'] },
        { text: 'An analysis', suggestions: ['A review'] },
        { text: 'an easy', suggestions: ['a simple'] },
        { text: 'selected', line: 3, column: 5, suggestions: ['chosen'] },
        { text: 'selected', line: 3, column: 30, suggestions: ['chose'] },
      ],
      output: 'Run a review weekly. A review follows. It is a simple choice.\n\nThe chosen plan renews. We chose plans.\n',
    },
    {
      name: 'a verb and its particle before "to": a one-word verb takes the object itself; another phrase, or no object, is not applied',
      guide: 'banned:\n  - phrase: reach out\n    use: contact\n  - phrase: touch base\n    use: get in touch\n',
      code: 'Please reach out to our team.\n\n# Reach Out To Us\n\nIf you have questions, reach out.\n\n**Reach out** to sales.\n',
      errors: [
        { text: 'reach out to', suggestions: ['contact'] },
        { text: 'Reach Out To', suggestions: ['Contact'] },
        { text: 'reach out', line: 5, suggestions: ['contact'], fixes: [] },
        { text: 'Reach out', line: 7, suggestions: ['Contact'], fixes: [] },
      ],
      output: 'Please contact our team.\n\n# Contact Us\n\nIf you have questions, reach out.\n\n**Reach out** to sales.\n',
    },
    {
      name: 'plurals, possessives and a pronoun between a verb and its particle follow the replacement',
      guide: 'banned:\n  - phrase: dashboard\n    use: control panel\n  - phrase: person\n    use: user\n  - phrase: kid\n    use: child\n  - phrase: onboard\n    use: set up\n',
      code: 'Open both dashboards. Most people\'s accounts are new. The kids\' corner is new. She has onboarded them.\n',
      errors: [
        { text: 'dashboards', suggestions: ['control panels'] },
        { text: "people's", suggestions: ["users'"] },
        { text: "kids'", suggestions: ["children's"] },
        { text: 'onboarded them', suggestions: ['set them up'] },
      ],
      output: "Open both control panels. Most users' accounts are new. The children's corner is new. She has set them up.\n",
    },
    {
      name: 'a noun after have is no participle; a Title Case participle before its noun; an imperative before its object',
      guide: 'banned:\n  - phrase: access\n    use: reach\n  - phrase: select\n    use: choose\n  - phrase: contact\n    use: email\n    as: verb\n',
      code: 'You have access to every report.\n\n# Selected Plans Renew Monthly\n\nContact us today. Contact sales for pricing. Contact information is below.\n',
      errors: [
        { text: 'access', suggestions: ['reach'], fixes: [] },
        { text: 'Selected', suggestions: ['Chosen'] },
        { text: 'Contact', column: 1, suggestions: ['Email'] },
        { text: 'Contact', column: 19, suggestions: ['Email'] },
      ],
      output: 'You have access to every report.\n\n# Chosen Plans Renew Monthly\n\nEmail us today. Email sales for pricing. Contact information is below.\n',
    },
    {
      name: 'the same words outside the idiom are still the word',
      guide: 'banned:\n  - phrase: take\n    use: require\n  - phrase: give\n    use: provide\n  - phrase: person\n    use: user\n',
      code: 'Imports take an hour. We give every person access. She was given the keys.\n',
      errors: [{ text: 'take', suggestions: ['require'] }, { text: 'give', suggestions: ['provide'] }, { text: 'person', suggestions: ['user'] }, { text: 'given', suggestions: ['provided'] }],
    },
    {
      name: 'as: noun counts a noun after its determiner, which the tagger may read as a verb; the verb stays quiet',
      guide: 'banned:\n  - phrase: ask\n    use: request\n    as: noun\n',
      code: 'That is a big ask. The asks are clear. We ask you to confirm. The team can ask.\n',
      errors: [{ text: 'ask', column: 15, suggestions: ['request'] }, { text: 'asks', suggestions: ['requests'] }],
      output: 'That is a big request. The requests are clear. We ask you to confirm. The team can ask.\n',
    },
    {
      name: 'still the adjective: after a linking verb, before its noun',
      guide: 'banned:\n  - phrase: hard\n    use: difficult\n',
      code: 'This step is hard. It keeps hard problems away. Setup seems hard.\n',
      errors: [{ text: 'hard', column: 14 }, { text: 'hard', column: 29 }, { text: 'hard', column: 61 }],
      output: 'This step is difficult. It keeps difficult problems away. Setup seems difficult.\n',
    },
    {
      name: 'a progressive is no participle, a plural replacement takes no second plural, an imperative of a noun-first word is a verb, as: verb after a modal',
      guide: 'banned:\n  - phrase: going forward\n    use: from now on\n  - phrase: low-hanging fruit\n    use: quick wins\n  - phrase: purchase\n    use: buy\n  - phrase: sunset\n    use: retire\n    as: verb\n  - phrase: onboard\n    use: set up\n',
      code: 'We are going forward with the launch. These are low-hanging fruits. Purchase the Pro plan today. We will sunset the API. She onboards every new hire.\n',
      errors: [
        { text: 'going forward', suggestions: ['from now on'] },
        { text: 'low-hanging fruits', suggestions: ['quick wins'] },
        { text: 'Purchase', suggestions: ['Buy'] },
        { text: 'sunset', suggestions: ['retire'] },
        { text: 'onboards', suggestions: ['sets up'] },
      ],
    },
    {
      name: 'a banned word in a hashtag is the brand saying it; a fix never renames the tag',
      guide: 'banned:\n  - phrase: synergy\n    use: [working together]\n  - phrase: utilize\n    use: use\n',
      file: 'launch.x.txt',
      code: 'Big news #synergy and synergy. We utilize AI now. #utilize',
      errors: [
        { text: 'synergy', column: 11, fixes: [] },
        { text: 'synergy', column: 23, fixes: ['Replace with "working together"'] },
        { text: 'utilize', column: 35 },
        { text: 'utilize', column: 52, fixes: [] },
      ],
      output: 'Big news #synergy and working together. We use AI now. #utilize',
    },
  ],
});
