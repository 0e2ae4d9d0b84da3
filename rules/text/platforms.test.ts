// How each platform counts a post's length (rules/text/platforms.ts), and the names platforms go by.
import { describe, expect, it } from 'vitest';
import { countFor, normalizePlatform } from './platforms.js';

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
