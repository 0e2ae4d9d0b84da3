import { ruleTester } from '../../../test/helpers/rule-tester.js';

const thread = 'One #a #b #c and #d.\n---\nTwo #a @x @y@mastodon.social and a@b.com #1\n';
const galaxy = [
  '---',
  'media:',
  ' - mastodon-eu-freiburg',
  ' - bluesky-galaxyproject',
  'hashtags:',
  ' mastodon-eu-freiburg:',
  '  - UseGalaxy',
  ' bluesky-galaxyproject:',
  '  - UseGalaxy',
  'mentions:',
  '  - galaxyproject@mstdn.science',
  '---',
  'Big #news and #more',
].join('\n');
const MAX1 = 'channels:\n  social: { files: ["social/**"], hashtags: { max: 3 }, mentions: { max: 1 } }\n';

ruleTester('mentions', {
  guide: 'channels:\n  social: { files: ["social/**"], hashtags: { max: 2 }, mentions: { max: 1, level: info } }\n',
  file: 'a.txt',
  format: 'social',
  valid: [
    { name: 'an e-mail address is not a mention', code: 'Write to a@b.com or c@d.org, @x' },
    { name: 'one mention from front matter is within the limit', file: 'a.md', guide: MAX1, code: galaxy },
  ],
  invalid: [
    {
      name: '@user and @user@instance count, e-mails do not; the configured level; no fix',
      code: thread,
      errors: [{ line: 3, text: '@y@mastodon.social', message: 'Too many mentions: 2/1 in this post.', level: 'info', fixes: [] }],
      output: null,
    },
    {
      name: 'a mention in the body and one from front matter: the front-matter one is beyond the limit',
      file: 'a.md',
      guide: MAX1,
      code: galaxy.replace('Big #news', 'Big @ana #news'),
      errors: [{ text: 'galaxyproject@mstdn.science', message: 'Too many mentions: 2/1 in this post, with the ones front matter adds.' }],
    },
  ],
});
