// Channel rules: each platform's counting, post length over threads, hashtags and mentions per post.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../rules/lint.js';
import { countFor, normalizePlatform } from '../rules/text/platforms.js';
import type { Guide } from '../rules/types.js';
import { makeGuide } from './helpers/guide.js';

const g = (social: Record<string, unknown>): Guide => ({ ...makeGuide({}), channels: { social: { files: [], ...social } } });
const lint = (src: string, file: string, guide: Guide, rule = 'length') =>
  lintText(file, src, guide, { format: 'social' }).findings.filter((f) => f.rule === rule);

describe('counting per platform', () => {
  const longUrl = 'https://example.com/' + 'a'.repeat(100);

  it('X: twitter-text weighted length, URLs count 23, CJK and emoji 2', () => {
    expect(countFor('x', 'hello').length).toBe(5);
    expect(countFor('x', `hi ${longUrl}`).length).toBe(3 + 23);
    expect(countFor('x', '日本語').length).toBe(6);
    expect(countFor('x', '👩‍👩‍👧 ok').length).toBe(5);
  });
  it('Bluesky: graphemes', () => {
    expect(countFor('bluesky', '👩‍👩‍👧 é').length).toBe(3);
    expect(countFor('bluesky', 'e\u0301').length).toBe(1);
    expect(countFor('bluesky', longUrl).length).toBe(longUrl.length);
  });
  it('Mastodon: characters, every URL 23, @user@instance as @user', () => {
    expect(countFor('mastodon', `see ${longUrl}`).length).toBe(4 + 23);
    expect(countFor('mastodon', 'hi @bob@mastodon.social').length).toBe(3 + 4);
    expect(countFor('mastodon', '😀').length).toBe(1);
  });
  it('others: graphemes', () => {
    expect(countFor('linkedin', '👩‍👩‍👧 ok').length).toBe(4);
    expect(countFor('facebook', 'abc').length).toBe(3);
  });
  it('where the part beyond the limit starts', () => {
    expect(countFor('linkedin', 'abcdef', 4).overflowAt).toBe(4);
    expect(countFor('x', '日本語です', 6).overflowAt).toBe(3);
    expect(countFor('x', 'a'.repeat(290)).overflowAt).toBeUndefined();
    expect(countFor('x', 'a'.repeat(290), 280).overflowAt).toBe(280);
    expect(countFor('x', 'ab😀cd', 3).overflowAt).toBe(2);
    // A lone low surrogate right after a pair, at the limit: the overflow starts at the lone one,
    // not inside the pair before it (found by the property tests; 'e\u0301' makes the text non-NFC).
    expect(countFor('x', `e\u0301${'a'.repeat(277)}🡰\udfff b`, 280).overflowAt).toBe(281);
    expect(countFor('mastodon', `${longUrl} tail`, 25).overflowAt).toBe(longUrl.length + 2);
  });
  it('platform names', () => {
    expect(['twitter', 'X', 'bsky', 'mastodon-eu-freiburg', 'linkedin-galaxyproject', 'matrix-eu-announce'].map(normalizePlatform)).toEqual([
      'x', 'x', 'bluesky', 'mastodon', 'linkedin', 'matrix',
    ]);
  });
});

describe('length of social posts', () => {
  const x = g({ x: { max: 280 } });

  it('a post over 280 raw characters that X counts under 280 because of a long URL passes', () => {
    const src = `${'Launch day for the new plan. '.repeat(8)}${'https://acme.com/launch/' + 'p'.repeat(120)}`;
    expect(src.length).toBeGreaterThan(280);
    expect(countFor('x', src).length).toBeLessThanOrEqual(280);
    expect(lint(src, 'launch.x.txt', x)).toEqual([]);
  });

  it('flags the part beyond the limit with N/LIMIT', () => {
    const src = 'a'.repeat(270) + ' ' + 'b'.repeat(20);
    const [f] = lint(src, 'launch.x.txt', x);
    expect(f!.message).toBe('Post is too long for X (291/280).');
    expect(f!.start).toBe(280);
    expect(f!.text).toBe('b'.repeat(11));
  });

  it('each post of a thread on its own; directive lines are not counted', () => {
    const long = 'w'.repeat(281);
    const src = `short one\n---\n# brandlint-disable-next-line banned\n${'c'.repeat(280)}\n---\n${long}\n`;
    const f = lint(src, 'thread.x.txt', x);
    expect(f.map((r) => r.message)).toEqual(['Post 3 is too long for X (281/280).']);
    expect(f[0]!.text).toBe('w');
  });

  it('several platforms in one finding, from the first overflow; the platform level applies', () => {
    const guide = g({ linkedin: { max: 10 }, bluesky: { max: 12, level: 'error' } });
    const src = '---\nplatforms: [linkedin, bluesky]\n---\nHello there, everyone';
    const f = lint(src, 'a.txt', guide);
    expect(f.map((r) => [r.message, r.text, r.level])).toEqual([
      ['Post is too long for LinkedIn (21/10), Bluesky (21/12).', 'e, everyone', 'warning'],
    ]);
  });

  it('Bluesky counts graphemes, Mastodon counts URLs as 23', () => {
    const emoji = '👩‍👩‍👧'.repeat(300);
    expect(lint(emoji, 'a.bluesky.txt', g({ bluesky: { max: 300 } }))).toEqual([]);
    expect(lint(emoji + '!', 'a.bluesky.txt', g({ bluesky: { max: 300 } }))[0]!.text).toBe('!');
    const toot = 'n'.repeat(470) + ' https://example.org/' + 'x'.repeat(200);
    expect(lint(toot, 'a.mastodon.txt', g({ mastodon: { max: 500 } }))).toEqual([]);
  });

  it('uses the channel platforms when the draft names none, and nothing without a social channel', () => {
    const src = 'z'.repeat(300);
    expect(lint(src, 'a.txt', g({ platforms: ['x'], x: { max: 280 } }))).toHaveLength(1);
    expect(lint(src, 'a.txt', g({ platforms: ['linkedin'], x: { max: 280 } }))).toEqual([]);
    expect(lintText('a.txt', src, makeGuide({}), { format: 'social' }).findings).toEqual([]);
  });
});

describe('hashtags and mentions per post', () => {
  const guide = g({ hashtags: { max: 2 }, mentions: { max: 1, level: 'info' } });
  const src = 'One #a #b #c and #d.\n---\nTwo #a @x @y@mastodon.social and a@b.com #1\n';

  it('spans the tags beyond the limit, per post', () => {
    const f = lint(src, 'a.txt', guide, 'hashtags');
    expect(f.map((r) => [r.line, r.text, r.message])).toEqual([[1, '#c and #d', 'Too many hashtags: 4/2 in this post.']]);
  });
  it('mentions: @user and @user@instance count, e-mails do not; configured level', () => {
    const f = lint(src, 'a.txt', guide, 'mentions');
    expect(f.map((r) => [r.line, r.text, r.message, r.level])).toEqual([[3, '@y@mastodon.social', 'Too many mentions: 2/1 in this post.', 'info']]);
  });
  it('a URL fragment is not a hashtag', () => {
    expect(lint('See https://a.com/#x #y #z', 'a.txt', guide, 'hashtags')).toEqual([]);
  });
});

describe('fixtures', () => {
  it('launch.x.txt: platform from the file name', () => {
    const file = path.resolve(__dirname, 'fixtures/social/launch.x.txt');
    const src = readFileSync(file, 'utf8');
    expect(lint(src, file, g({ x: { max: 20 }, linkedin: { max: 5 } })).map((f) => f.message)).toEqual(['Post is too long for X (63/20).']);
  });
});

describe('hashtags and mentions a posting tool appends from front matter', () => {
  const guide = g({ hashtags: { max: 3 }, mentions: { max: 1 } });
  it('Galaxy Social lists per account count for that platform, spanning the entries beyond the limit', () => {
    const src = [
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
    const f = lint(src, 'a.md', guide, 'hashtags');
    expect(f.map((r) => [r.text, r.message])).toEqual([['GalaxyProject', 'Too many hashtags: 4/3 in this post, with the ones front matter adds on Mastodon.']]);
    expect(lint(src, 'a.md', guide, 'mentions')).toEqual([]);
    const two = src.replace('Big #news', 'Big @ana #news');
    expect(lint(two, 'a.md', guide, 'mentions').map((r) => r.text)).toEqual(['galaxyproject@mstdn.science']);
  });
  it('a plain list counts for every platform; body tags over the limit are reported on the body alone', () => {
    expect(lint('---\nhashtags: [a, b]\n---\nHi #x #y', 'a.txt', guide, 'hashtags').map((r) => r.text)).toEqual(['b']);
    expect(lint('---\nhashtags: [a]\n---\nHi #w #x #y #z', 'a.txt', guide, 'hashtags').map((r) => r.text)).toEqual(['#z']);
  });
});
