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
  '  - GalaxyProject',
  ' bluesky-galaxyproject:',
  '  - UseGalaxy',
  ' linkedin-galaxyproject:',
  '  - A',
  '  - B',
  '  - C',
  'mentions:',
  '  - galaxyproject@mstdn.science',
  '---',
  'Big #news and #more',
].join('\n');
const MAX3 = 'channels:\n  social: { files: ["social/**"], hashtags: { max: 3 }, mentions: { max: 1 } }\n';

ruleTester('hashtags', {
  guide: 'channels:\n  social: { files: ["social/**"], hashtags: { max: 2 }, mentions: { max: 1, level: info } }\n',
  file: 'a.txt',
  format: 'social',
  valid: [{ name: 'a URL fragment is not a hashtag', code: 'See https://a.com/#x #y #z' }, 'Two #tags #only'],
  invalid: [
    {
      name: 'spans the tags beyond the limit, per post; no fix',
      code: thread,
      errors: [{ line: 1, text: '#c and #d', message: 'Too many hashtags: 4/2 in this post.', fixes: [] }],
      output: null,
    },
    {
      name: 'Galaxy Social lists per account count for that platform, spanning the entries beyond the limit',
      file: 'a.md',
      guide: MAX3,
      code: galaxy,
      errors: [{ text: 'GalaxyProject', message: 'Too many hashtags: 4/3 in this post, with the ones front matter adds on Mastodon.' }],
    },
    {
      name: 'a plain front-matter list counts for every platform',
      guide: MAX3,
      code: '---\nhashtags: [a, b]\n---\nHi #x #y',
      errors: [{ text: 'b' }],
    },
    {
      name: 'body tags over the limit are reported on the body alone',
      guide: MAX3,
      code: '---\nhashtags: [a]\n---\nHi #w #x #y #z',
      errors: [{ text: '#z' }],
    },
  ],
});
