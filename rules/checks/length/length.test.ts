import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleTester } from '../../../test/helpers/rule-tester.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const launch = readFileSync(path.resolve(here, '../../../test/fixtures/social/launch.x.txt'), 'utf8');
const social = (limits: string) => `channels:\n  social: { files: ["social/**"], ${limits} }\n`;
const X = social('x: { max: 280 }');
const EMAIL = 'banned:\n  - phrase: utilize\n    use: use\nchannels:\n  email: { files: ["**/*.html"], subject: { max: 20 }, preheader: { max: 10, level: error } }\n';
const longUrlPost = `${'Launch day for the new plan. '.repeat(8)}${'https://acme.com/launch/' + 'p'.repeat(120)}`;
const emojiFamily = '👩‍👩‍👧'.repeat(300);

ruleTester('length', {
  guide: X,
  format: 'social',
  valid: [
    { name: 'a post over 280 raw characters that X counts under 280 because of a long URL', file: 'launch.x.txt', code: longUrlPost },
    { name: 'Bluesky counts graphemes', file: 'a.bluesky.txt', guide: social('bluesky: { max: 300 }'), code: emojiFamily },
    { name: 'Mastodon counts a URL as 23', file: 'a.mastodon.txt', guide: social('mastodon: { max: 500 }'), code: 'n'.repeat(470) + ' https://example.org/' + 'x'.repeat(200) },
    { name: 'the channel platforms when the draft names none', file: 'a.txt', guide: social('platforms: [linkedin], x: { max: 280 }'), code: 'z'.repeat(300) },
    { name: 'nothing without a social channel', file: 'a.txt', guide: 'brand: Acme\n', code: 'z'.repeat(300) },
    {
      name: 'email: the invisible padding after a preheader does not count',
      file: 'e.html',
      format: undefined,
      guide: EMAIL,
      code: `<div class="preheader">Fresh idea${'&nbsp;&zwnj;'.repeat(50)}</div>`,
    },
    { name: 'email: nothing when the guide has no email channel', file: 'e.html', format: undefined, guide: 'banned:\n  - phrase: utilize\n', code: `<title>${'x'.repeat(200)}</title>` },
  ],
  invalid: [
    {
      name: 'a Markdown email: its front-matter subject and preheader get the email lengths, as in .hbs',
      file: 'news.md',
      format: undefined,
      guide: 'channels:\n  email: { files: ["**/news.md"], subject: { max: 20 }, preheader: { max: 10 } }\n',
      code: '---\nsubject: Our spring launch is finally here\npreheader: Everything new this month\n---\nHello.\n',
      errors: [
        { message: 'Subject line is too long: 33/20 characters.', line: 2 },
        { message: 'Preheader is too long: 25/10 characters.', line: 3 },
      ],
    },
    {
      name: 'the part beyond the limit, with N/LIMIT; no fix',
      file: 'launch.x.txt',
      code: 'a'.repeat(270) + ' ' + 'b'.repeat(20),
      errors: [{ text: 'b'.repeat(11), line: 1, column: 281, message: 'Post is too long for X (291/280).', fixes: [] }],
      output: null,
    },
    {
      name: 'each post of a thread on its own; directive lines are not counted',
      file: 'thread.x.txt',
      code: `short one\n---\n# brandlint-disable-next-line banned\n${'c'.repeat(280)}\n---\n${'w'.repeat(281)}\n`,
      errors: [{ text: 'w', message: 'Post 3 is too long for X (281/280).' }],
    },
    {
      name: 'several platforms in one finding, from the first overflow; the platform level applies',
      file: 'a.txt',
      guide: social('linkedin: { max: 10 }, bluesky: { max: 12, level: error }'),
      code: '---\nplatforms: [linkedin, bluesky]\n---\nHello there, everyone',
      errors: [{ text: 'e, everyone', message: 'Post is too long for LinkedIn (21/10), Bluesky (21/12).', level: 'warning' }],
    },
    { name: 'Bluesky: one grapheme over', file: 'a.bluesky.txt', guide: social('bluesky: { max: 300 }'), code: emojiFamily + '!', errors: [{ text: '!' }] },
    { name: 'the channel platforms when the draft names none', file: 'a.txt', guide: social('platforms: [x], x: { max: 280 }'), code: 'z'.repeat(300), errors: 1 },
    {
      name: 'launch.x.txt: the platform from the file name',
      file: 'launch.x.txt',
      guide: social('x: { max: 20 }, linkedin: { max: 5 }'),
      code: launch,
      errors: [{ message: 'Post is too long for X (63/20).' }],
    },
    {
      name: 'email: the subject line beyond its limit, with N/LIMIT',
      file: 'e.html',
      format: undefined,
      guide: EMAIL,
      code: '<title>A subject line that is long</title><span class="preheader">Short one</span>',
      errors: [{ text: 'is long', message: 'Subject line is too long: 27/20 characters.', level: 'warning' }],
    },
    {
      name: 'email: a template tag counts as written; the configured level',
      file: 'e.html',
      format: undefined,
      guide: EMAIL,
      code: '<span class="preheader">Hi {{first_name}}</span>',
      errors: [{ text: '{{first_name}}', message: 'Preheader is too long: 17/10 characters.', level: 'error' }],
    },
    {
      name: 'email: the preheader before its invisible padding',
      file: 'e.html',
      format: undefined,
      guide: EMAIL,
      code: `<div class="preheader">Fresh ideas${'&nbsp;&zwnj;'.repeat(50)}</div>`,
      errors: 1,
    },
  ],
});
