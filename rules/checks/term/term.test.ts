import { ruleTester } from '../../../test/helpers/rule-tester.js';

// Words named like Object.prototype members.
const PROTO_WORDS = 'banned:\n  - phrase: constructor\n    use: builder\n  - phrase: toString\nterms:\n  - use: ValueOf\n    not: [value of]\n';

const ACME = 'terms:\n  - use: Acme Cloud\n    not: [AcmeCloud]\n  - use: Acme\n  - use: iOS\n  - use: Android\n  - use: Go\n    not: [golang]\n  - use: GitHub\n';

ruleTester('term', {
  guide: `
terms:
  - use: GitHub
    not: [Git Hub]
  - use: email
    not: [e-mail]
  - use: JavaScript
`,
  valid: [
    'We love GitHub and JavaScript.',
    { name: 'a lowercase term may open a sentence', code: 'Email is here. We send email.' },
    { name: 'case variants in hashtags are left alone', code: 'Love #github and #javascript.' },
    {
      name: 'a listed word glued into a dotted name (Nuxt.js, index.js, ASP.NET) is not the word',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: email\n',
      code: 'Build a Nuxt.js app, open index.js and use ASP.NET.\n\n![Send Better Email Today](a.png)\n',
    },
    {
      name: 'a lowercase term capitalised by a Title Case line or label is styled, not misspelt',
      guide: 'terms:\n  - use: website\n  - use: email\n  - use: sign up\n  - use: dev environment\n',
      code: 'We Create Modern Websites\n\nManage Email Notifications | Unsubscribe\n\nTerms · Email preferences\n\n[Sign Up](https://example.com/join)\n\nSIGN UP\n\nFast Dev Environments for Teams\n',
    },
    {
      name: 'a lowercase term capitalised in the Title Case title of a work: a link, a list item, a title with a subtitle',
      guide: 'terms:\n  - use: service mesh\n  - use: open source\n  - use: rust-analyzer\n',
      code:
        'Watch [Supercharge Your CI/CD with Service Mesh and Kubernetes](https://example.com/talk).\n\n' +
        '- Go, Open Source, Community — Russ Cox ([video](https://example.com/v))\n- **[New Server API for Rust-Analyzer](https://example.com/p)** by Neil\n\n' +
        'From Data to Discovery: Service Mesh Basics for Busy Teams\n',
    },
    {
      name: 'a lowercase term capitalised as a word of a longer name',
      guide: 'terms:\n  - use: service mesh\n  - use: gopher\n  - use: open source\n',
      code: 'Watch the Service Mesh Academy workshop. Open Service Mesh adopters are welcome.\n\nWe follow the Gopher Values. Meet Google’s Open Source Strategy Team.\n',
    },
    {
      name: 'an open compound hyphenated inside a longer compound modifier',
      guide: 'terms:\n  - use: service mesh\n    not: [service-mesh]\n',
      code: 'It covers non-service-mesh use cases with a service-mesh-specific proxy.\n',
    },
    {
      name: 'a term broken across two lines is written right',
      guide: 'terms:\n  - use: VS Code\n  - use: service mesh\n',
      code: 'Open it in VS\nCode and compare service\nmeshes.\n',
    },
    {
      name: 'the alt text of a status badge is its label, not copy: inline, by reference, in HTML',
      guide: 'terms:\n  - use: npm\n    not: [NPM]\n  - use: GitHub\n',
      code:
        '[![NPM version][npm-image]][npm-url] ![Github](https://img.shields.io/github/stars/a/b)\n\n' +
        '<img alt="NPM Version" src="https://badgen.net/npm/v/acme"> [![Github CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://github.com/a/b)\n\n' +
        '[![NPM version](<https://img.shields.io/npm/v/acme.svg?label=npm%20(stable)>)](https://npmjs.org/package/acme)\n\n' +
        '[npm-image]: https://img.shields.io/npm/v/acme.svg\n[npm-url]: https://npmjs.org/package/acme\n',
    },
    {
      name: 'an all-caps term is not its lowercase English word',
      guide: 'terms:\n  - use: AMP\n  - use: LTS\n',
      code: 'Amp up the volume: an amp at full power. Ship AMP pages on LTS.\n',
    },
    {
      name: 'a listed form that differs from a term only in case matches only as written',
      guide: 'terms:\n  - use: Acme Cloud\n    not: [Acme cloud]\n  - use: Acme Cloud Platform\n',
      code: 'Acme Cloud Platform and Acme Cloud are ours.\n',
    },
    {
      name: 'match: case-sensitive leaves the common words alone',
      guide: 'terms:\n  - use: Home Hub\n    not: [HomeHub]\n    match: case-sensitive\n',
      code: 'Put a home hub in every room; the Home Hub is ours.\n',
    },
    {
      name: 'plural: generic reads a plural as a common noun',
      guide: 'terms:\n  - use: Design System\n    plural: generic\n',
      code: 'Compare the design systems of two teams with our Design System.\n',
    },
    {
      name: 'only the last word of a longer term takes the plural (the first word with -s is a verb)',
      guide: 'terms:\n  - use: twitter-together\n    not: [twitter together]\n',
      code: 'The bot now twitters together with its friends.\n',
    },
    {
      name: 'a name that is also an English word, used as that word (a verb, a noun after "a", a plural in lowercase)',
      guide: 'terms:\n  - use: Go\n  - use: Twitter\n',
      code: 'We can go back later; bugs go unnoticed; what can go wrong? The bot now twitters together. Give it a go. Have a go at it.\n',
    },
    {
      name: 'identifiers written as plain text: packages, repositories, headers, schemes, directives',
      guide: ACME,
      code: 'Install @acme/cloud-sync and the acme-cloud-plugin. Send x-acme-cache. Open acme://open. See golang/go, go/types, golang-nuts, go:wasmimport and acme.config.\n',
    },
    {
      name: 'a path to a file named in capitals',
      guide: ACME,
      code: 'We changed the go/VERSION file and acme/docs/README.md in the repository.\n',
    },
    {
      name: 'a lowercase name used as a command, a tool or a folder',
      guide: ACME,
      code: 'Then run acme deploy --prod to ship. By default, "go build -cover" works. The go statement starts it. The go tool and the "go" tool, built with "go build" or \u201cgo get,\u201d. Put it in the **ios** and **android** folders. Run npm install acme.\n',
    },
    {
      name: 'an issue reference, a module path and a component prefix name the code, not the brand',
      guide: ACME,
      code: 'Fixed in acme#1234 and golang/go#42. Import acme::io or std::acme.\n\n* acme: Add a --json flag\n\nacme: fix the retry loop\n',
    },
    {
      name: 'a lowercase name before a subcommand the document shows as code is that command',
      guide: ACME,
      code: 'Run `acme top`, `acme stat` or `acme tap` to watch traffic.\n\nWith acme top, acme stat and acme tap you see each request.\n\n```\n$ acme viz edges\n```\n\nThen acme viz edges draws the graph.\n',
    },
    {
      name: 'a lowercase name before a word in a sentence about commands, and a name alone in quotes as a literal value',
      guide: ACME,
      code: 'It also works with pure CLI commands, e.g. acme top, acme stat, and acme tap.\n\nIt forwards the query "golang" to the server, in its own namespace (\u201cacme\u201d).\n',
    },
    {
      name: 'a lowercase name in a team, label or channel name, or glued into a longer hyphenated name',
      guide: ACME,
      code: 'Ask the WG-acme-pub-deps group in the T-acme stream, or run acme-pub-deps-check.\n',
    },
    {
      name: 'a longer link text that is the name of the site it links to',
      guide: 'terms:\n  - use: Go\n    not: [golang]\n  - use: gopher\n',
      code: 'Find jobs at [Golang Cafe](https://golang.cafe/) and meet at [Golang UK](https://www.golanguk.com), or on the [Gophers slack](https://gophers.slack.com).\n',
    },
    {
      name: 'a lowercase name after a dot that starts the word is a file name',
      guide: ACME,
      code: 'Add a .acme file to the repository, or edit _.acme.yml_ (the .acme folder is ignored).\n',
    },
    {
      name: 'a lowercase name before one of its subcommands is a command line',
      guide: ACME,
      code: 'Use go fix to update your code, then go vet. Prototype acme check using acme build.\n',
    },
    {
      name: 'a link whose whole text is the name its address gives (repository, owner, last path segment)',
      guide: ACME,
      code: 'Champions: [acme](https://github.com/acme/acme) ([Jo](https://github.com/jo)), [acmecloud] and [go](https://go.dev/doc/go).\n\n[acmecloud]: https://github.com/acme/acme-cloud\n',
    },
    {
      name: 'an HTML link whose text is its repository',
      guide: ACME,
      file: 'goals.html',
      code: '<p><a href="https://github.com/acme/acme-cloud"><strong>acmecloud</strong></a> (<a href="https://github.com/jo">Jo</a>)</p>\n',
    },
    {
      name: 'a wrong form that differs from the term only in case or spacing never reads "Write X, not X"',
      guide: 'terms:\n  - use: Acme Cloud\n    not: [acme cloud, AcmeCloud]\n',
      code: 'We love Acme Cloud, Acme&nbsp;Cloud and Acme\nCloud.\n',
    },
    { name: 'a hashtag is one token', guide: ACME, code: 'Follow #AcmeCloud and #acmecloud.\n', file: 'launch.x.txt' },
    {
      name: 'the term with a non-breaking space or broken across lines is the term',
      guide: ACME,
      code: '---\ndescription: >-\n  We built Acme\n  Cloud for teams.\n---\n\nWe love Acme&nbsp;Cloud and Acme\nCloud.\n',
    },
  ],
  invalid: [
    {
      name: 'case variants and wrong forms get the canonical form',
      code: 'We love Github, GITHUB and Git Hub. Use GitHub.',
      errors: [
        { text: 'Github', message: 'Write "GitHub", not "Github".', suggestions: ['GitHub'], line: 1, column: 9 },
        { text: 'GITHUB', suggestions: ['GitHub'] },
        { text: 'Git Hub', suggestions: ['GitHub'] },
      ],
      output: 'We love GitHub, GitHub and GitHub. Use GitHub.',
    },
    {
      name: 'the alt text of an image that is no badge is copy; a lowercase name keeps its case at a sentence start',
      guide: 'terms:\n  - use: npm\n    not: [NPM]\n  - use: email\n',
      code: '![Publish to NPM](docs/publish.png)\n\nNPM is the registry. Email us.\n',
      errors: [
        { text: 'NPM', line: 1, column: 14, suggestions: ['npm'] },
        { text: 'NPM', line: 3, column: 1, message: 'Write "npm", not "NPM".', suggestions: ['npm'] },
      ],
      output: '![Publish to npm](docs/publish.png)\n\nnpm is the registry. Email us.\n',
    },
    {
      name: 'a name beside a capitalised word across a slash is still prose',
      guide: ACME,
      code: 'We ship golang/Rust tooling.\n',
      errors: [{ text: 'golang', suggestions: ['Go'] }],
    },
    {
      name: 'a link that is the name alone, or running text before a link, is no title',
      guide: 'terms:\n  - use: service mesh\n',
      code: 'Read about [Service Mesh](https://example.com/sm). We run a Service Mesh <a href="https://example.com">in Production Today For You</a>.\n',
      errors: [{ text: 'Service Mesh', column: 13 }, { text: 'Service Mesh', column: 61 }],
    },
    {
      name: 'a lowercase term may be capitalised in a Title Case title or heading, not in running text',
      code: '---\ntitle: Better Email For Busy Teams\n---\n\n# Why Email Still Works\n\nWe love Email.\n',
      errors: [{ text: 'Email', line: 7, column: 9, suggestions: ['email'] }],
      output: '---\ntitle: Better Email For Busy Teams\n---\n\n# Why Email Still Works\n\nWe love email.\n',
    },
    {
      name: 'a hyphenated open compound standing alone, or glued to a compound that is not the term, is still wrong',
      guide: 'terms:\n  - use: service mesh\n    not: [service-mesh]\n  - use: GitHub\n    not: [Git-Hub]\n',
      code: 'A service-mesh helps. Try the Git-Hub-based flow.\n',
      errors: [{ text: 'service-mesh', suggestions: ['service mesh'] }, { text: 'Git-Hub', suggestions: ['GitHub'] }],
      output: 'A service mesh helps. Try the GitHub-based flow.\n',
    },
    {
      name: 'a hashtag is left alone, the wrong form beside it is not',
      code: 'Love #github and Git Hub too',
      errors: [{ text: 'Git Hub', suggestions: ['GitHub'] }],
    },
    {
      name: 'a social post: hashtags are case-insensitive, the name in prose is not',
      file: 'launch.x.txt',
      code: 'Ship it with #javascript and Javascript',
      errors: [{ text: 'Javascript', suggestions: ['JavaScript'] }],
      output: 'Ship it with #javascript and JavaScript',
    },
    {
      name: 'wrong forms are fixed capitalised at a sentence start, inflected, and in all capitals',
      code: 'E-mail works. Send e-mails and an EMAIL.',
      errors: [
        { text: 'E-mail', suggestions: ['Email'] },
        { text: 'e-mails', suggestions: ['emails'] },
        { text: 'EMAIL', suggestions: ['email'] },
      ],
      output: 'Email works. Send emails and an email.',
    },
    {
      code: 'E-mail works. Send e-mails and Javascript.',
      errors: 3,
      output: 'Email works. Send emails and JavaScript.',
    },
    {
      name: 'a listed wrong form on its own is still flagged beside dotted names',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: email\nbanned:\n  - phrase: io\nclaims:\n  - phrase: net\n',
      code: 'Build a Nuxt.js app, open index.js, use socket.io and ASP.NET.\n\nWe love JS and the IO of the net.\n\n![Send Better Email Today](a.png)\n',
      errors: [{ text: 'JS', line: 3, column: 9, suggestions: ['JavaScript'] }],
    },
    {
      name: 'a wrong form next to words named like Object.prototype members (constructor, toString)',
      guide: PROTO_WORDS,
      code: 'The constructor and two constructors. Call toString on the value of it.\n',
      errors: [{ text: 'value of', suggestions: ['ValueOf'] }],
    },
    {
      name: 'a brand name in capitals is a wrong case of the name (not shouting)',
      guide: 'terms:\n  - use: Slack\n  - use: Acme Cloud\ntone:\n  all-caps: warning\n',
      code: 'We love SLACK and ACME CLOUD.\n',
      errors: [
        { text: 'SLACK', line: 1, column: 9, suggestions: ['Slack'] },
        { text: 'ACME CLOUD', line: 1, column: 19, suggestions: ['Acme Cloud'] },
      ],
      output: 'We love Slack and Acme Cloud.\n',
    },
    {
      name: 'a lowercase term capitalised mid-sentence, or beside a number or a lowercase word, is still flagged',
      guide: 'terms:\n  - use: gopher\n  - use: gopls\n  - use: sendwithus\n',
      code: 'Thousands of Gophers around the world helped.\n\n### More new Gophers\n\nWe use the Gopls language server.\n\nCopyright 2016 Sendwithus. All Rights Reserved.\n',
      errors: [
        { text: 'Gophers', line: 1, suggestions: ['gophers'] },
        { text: 'Gophers', line: 3, suggestions: ['gophers'] },
        { text: 'Gopls', line: 5, suggestions: ['gopls'] },
        { text: 'Sendwithus', line: 7, suggestions: ['sendwithus'] },
      ],
      output: 'Thousands of gophers around the world helped.\n\n### More new gophers\n\nWe use the gopls language server.\n\nCopyright 2016 sendwithus. All Rights Reserved.\n',
    },
    {
      name: 'still the name: after a sentence about commands but before a function word, or a sentence later',
      guide: ACME,
      code: 'Read about the CLI commands and then install acme and start it.\n\nWe added commands. Then acme grew fast.\n',
      errors: [{ text: 'acme', line: 1, suggestions: ['Acme'] }, { text: 'acme', line: 3, suggestions: ['Acme'] }],
    },
    {
      name: 'still the name: a link text that is the term alone, or not the name of the site',
      guide: 'terms:\n  - use: Go\n    not: [golang]\n',
      code: 'Read [Golang](https://golang.org) and [Golang tips](https://example.com/tips).\n',
      errors: [{ text: 'Golang', column: 7, suggestions: ['Go'] }, { text: 'Golang', column: 40, suggestions: ['Go'] }],
      output: 'Read [Go](https://golang.org) and [Go tips](https://example.com/tips).\n',
    },
    {
      name: 'a name that is also an English word, used as the name',
      guide: 'terms:\n  - use: Go\n  - use: Docker\n  - use: Galaxy\n',
      code: 'Check the go toolchain version. Upgrade to go 1.21 today. Bring a docker image from galaxy. Write a go program.\n',
      errors: [
        { text: 'go', column: 11, suggestions: ['Go'] },
        { text: 'go', column: 44, suggestions: ['Go'] },
        { text: 'docker', suggestions: ['Docker'] },
        { text: 'galaxy', suggestions: ['Galaxy'] },
        { text: 'go', column: 101, suggestions: ['Go'] },
      ],
      output: 'Check the Go toolchain version. Upgrade to Go 1.21 today. Bring a Docker image from Galaxy. Write a Go program.\n',
    },
    {
      name: 'a listed form that differs only in case is flagged where written so; other cases are case variants',
      guide: 'terms:\n  - use: open source\n    not: [Open Source]\n  - use: Acme Cloud\n    not: [Acme cloud]\n  - use: LTS\n    not: [lts]\n',
      code: 'Learn about Open Source contribution on Acme cloud and lts releases, or Lts ones.\n',
      errors: [
        { text: 'Open Source', suggestions: ['open source'] },
        { text: 'Acme cloud', suggestions: ['Acme Cloud'] },
        { text: 'lts', suggestions: ['LTS'] },
        { text: 'Lts', suggestions: ['LTS'] },
      ],
      output: 'Learn about open source contribution on Acme Cloud and LTS releases, or LTS ones.\n',
    },
    {
      name: 'match: case-sensitive still flags the listed wrong forms; plural: generic still flags the singular',
      guide: 'terms:\n  - use: Home Hub\n    not: [HomeHub]\n    match: case-sensitive\n  - use: Design System\n    plural: generic\n',
      code: 'Set up the HomeHub with our design system.\n',
      errors: [
        { text: 'HomeHub', suggestions: ['Home Hub'] },
        { text: 'design system', suggestions: ['Design System'] },
      ],
      output: 'Set up the Home Hub with our Design System.\n',
    },
    {
      name: 'a name in prose beside identifiers is still the name (quotations linted on request)',
      guide: `${ACME}quotations:\n  lint: [terms]\n`,
      code: 'The acme-cloud-plugin talks to acme cloud. A new github-based flow. We run acme on a laptop. She said "acme rocks!"\n',
      errors: [
        { text: 'acme cloud', suggestions: ['Acme Cloud'] },
        { text: 'github', suggestions: ['GitHub'] },
        { text: 'acme', column: 76, suggestions: ['Acme'] },
        { text: 'acme', column: 104, suggestions: ['Acme'] },
      ],
      output: 'The acme-cloud-plugin talks to Acme Cloud. A new GitHub-based flow. We run Acme on a laptop. She said "acme rocks!"\n',
    },
    {
      name: 'a lowercase name before a word the document shows as code only after another tool is the name',
      guide: ACME,
      code: 'Run `kubectl top` or `acme dashboard` first.\n\nWith acme top speeds, it flies.\n\n![acme dashboard](shot.png)\n',
      errors: [{ text: 'acme', line: 3, suggestions: ['Acme'] }, { text: 'acme', line: 5, suggestions: ['Acme'] }],
      output: 'Run `kubectl top` or `acme dashboard` first.\n\nWith Acme top speeds, it flies.\n\n![Acme dashboard](shot.png)\n',
    },
    {
      name: 'the name in prose beside issue numbers, colons, subcommand-like words and links',
      guide: ACME,
      code: 'See acme #12. We love acme: it is fast. Running acme checks it. Try [acme](https://example.com/pricing), [our acme plan](https://github.com/acme) and [Github](https://github.com/github).\n',
      errors: [
        { text: 'acme', column: 5, suggestions: ['Acme'] },
        { text: 'acme', column: 23, suggestions: ['Acme'] },
        { text: 'acme', column: 49, suggestions: ['Acme'] },
        { text: 'acme', column: 70, suggestions: ['Acme'] },
        { text: 'acme', column: 111, suggestions: ['Acme'] },
        { text: 'Github', suggestions: ['GitHub'] },
      ],
      output: 'See Acme #12. We love Acme: it is fast. Running Acme checks it. Try [Acme](https://example.com/pricing), [our Acme plan](https://github.com/acme) and [GitHub](https://github.com/github).\n',
    },
    {
      name: 'a wrong case across a line break or &nbsp; is fixed word by word, keeping the spacing',
      guide: ACME,
      code: 'We love acme&nbsp;cloud and acme\ncloud.\n',
      errors: [
        { text: 'acme&nbsp;cloud', message: 'Write "Acme Cloud", not "acme cloud".', fixes: ['Replace with "Acme Cloud"'] },
        { text: 'acme\ncloud', message: 'Write "Acme Cloud", not "acme cloud".' },
      ],
      output: 'We love Acme&nbsp;Cloud and Acme\nCloud.\n',
    },
    {
      name: 'a match across link or emphasis markup is reported on its text, with no fix',
      guide: ACME,
      code: 'See acme [cloud](https://example.com) and **acme** cloud.\n',
      errors: [
        { text: 'acme [cloud', column: 5, fixes: [] },
        { text: 'acme** cloud', fixes: [] },
      ],
      output: null,
    },
    {
      name: 'a hashtag in the wrong form is not split by a fix, the wrong form in prose is fixed',
      guide: ACME,
      file: 'launch.x.txt',
      code: 'Follow #AcmeCloud for AcmeCloud news',
      errors: [{ text: 'AcmeCloud', column: 23, suggestions: ['Acme Cloud'] }],
      output: 'Follow #AcmeCloud for Acme Cloud news',
    },
    {
      name: 'another word in a hashtag is reported with the name joined; a fix never renames the tag',
      guide: 'terms:\n  - use: JavaScript\n    not: [JS]\n  - use: Acme Cloud\n    not: [AcmeWeb]\n',
      file: 'launch.x.txt',
      code: 'Ship it with #JS and #AcmeWeb today',
      errors: [
        { text: 'JS', suggestions: ['JavaScript'], fixes: [] },
        { text: 'AcmeWeb', suggestions: ['AcmeCloud'], fixes: [] },
      ],
      output: 'Ship it with #JS and #AcmeWeb today',
    },
  ],
});
