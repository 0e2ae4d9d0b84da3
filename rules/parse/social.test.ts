// Social drafts: posts and threads, platforms, what is prose (not URLs, handles, e-mails, the `#` of a
// hashtag), directives, Markdown posts with front matter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { formatOf } from './index.js';
import { parseSocial } from './social.js';
import { SEPARATOR, type Guide } from '../types.js';
import { makeGuide } from '../../test/helpers/guide.js';
import { proseProblems } from '../../test/helpers/prose-invariants.js';

const FIX = path.resolve(__dirname, '../../test/fixtures/social');
const read = (f: string) => readFileSync(path.join(FIX, f), 'utf8');

function guide(channels: Guide['channels'] = {}): Guide {
  return {
    ...makeGuide({ banned: [{ phrases: ['utilize', 'synergy'] }, { pattern: String.raw`\bcheap(er|est)?\b` }] }),
    channels,
  };
}
const bannedIn = (file: string, g = guide()) =>
  lintText(path.join(FIX, file), read(file), g, { format: 'social' })
    .findings.filter((f) => f.rule === 'banned')
    .map((f) => `${f.line}:${f.text}`);

describe('posts and threads', () => {
  it('splits a thread at `---` lines; each block knows its post', () => {
    const src = read('thread.txt');
    const doc = parseSocial(src, 'thread.txt');
    expect(doc.posts!.map((p) => src.slice(p.start, p.end).split('\n')[0])).toEqual([
      'We utilize #synergy at @acme. Details: https://acme.example/utilize-synergy',
      // The directive line is for brandlint, not the audience: not part of the post.
      'Second post: we utilize it again.',
      'Third post, mail us at utilize@acme.example or @utilize@mastodon.social #1',
    ]);
    expect(doc.blocks.map((b) => b.post)).toEqual([0, 1, 2]);
    expect(proseProblems(doc)).toEqual([]);
  });

  it('does not take the front matter fences for post separators, and allows trailing blanks on them', () => {
    const src = '--- \nreply: https://x.com/a/status/1\n--- \n\nHello, world!\n\n--- \n\nSecond tweet!\n';
    const doc = parseSocial(src, 'a.tweet');
    expect(doc.posts!.map((p) => src.slice(p.start, p.end))).toEqual(['Hello, world!', 'Second tweet!']);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hello, world!', 'Second tweet!']);
    expect(doc.frontMatter).toEqual({ reply: 'https://x.com/a/status/1' });
  });

  it('a file without separators is one post; an empty file has none', () => {
    expect(parseSocial('Just one.\n\nTwo paragraphs.', 'a.txt').posts).toHaveLength(1);
    expect(parseSocial('', 'a.txt').posts).toEqual([]);
    expect(parseSocial('---\n---\n', 'a.txt').posts).toEqual([]);
  });
});

describe('what is prose in a post', () => {
  it('leaves out URLs, @handles (also @user@instance), e-mails and the # of hashtags', () => {
    const doc = parseSocial('Try #JavaScript with @acme and @bob@mastodon.social at acme.com/x or a@b.example. #1 deal', 'a.txt');
    expect(doc.blocks[0]!.text).toBe(`Try ${SEPARATOR}JavaScript with ${SEPARATOR} and ${SEPARATOR} at ${SEPARATOR} or ${SEPARATOR}. #1 deal`);
  });

  it('flags copy in posts but not in URLs, handles or e-mail addresses; hashtag words are copy', () => {
    expect(bannedIn('thread.txt')).toEqual(['1:utilize', '1:synergy']);
  });

  it('a disabled line is honoured in plain-text drafts (# brandlint-…) and Markdown posts (<!-- -->)', () => {
    expect(bannedIn('thread.txt')).not.toContain('4:utilize');
    expect(bannedIn('post.linkedin.md')).toEqual(['4:utilize']);
  });

  it('Markdown posts: markup and link targets are not copy, front matter is not a post', () => {
    const doc = parseSocial(read('post.linkedin.md'), 'post.linkedin.md');
    expect(doc.posts).toHaveLength(1);
    expect(doc.blocks.map((b) => b.text)).toEqual(['We utilize our tools every day.', `Teams utilize them too. ${SEPARATOR}Synergy`]);
    expect(proseProblems(doc)).toEqual([]);
  });

  it('Markdown post with a Galaxy Social front matter', () => {
    expect(bannedIn('galaxy.md')).toEqual(['10:utilize']);
  });
});

describe('platforms', () => {
  const platforms = (src: string, file: string, g?: Guide) => parseSocial(src, file, g).posts![0]!.platforms;
  it('from front matter platform / platforms / media (Galaxy account names)', () => {
    expect(platforms('---\nplatform: twitter\n---\nHi', 'a.txt')).toEqual(['x']);
    expect(platforms('---\nplatforms: [linkedin, bsky]\n---\nHi', 'a.txt')).toEqual(['linkedin', 'bluesky']);
    expect(platforms(read('galaxy.md'), 'galaxy.md')).toEqual(['mastodon', 'bluesky', 'linkedin']);
  });
  it("twitter-together's media list of images is not a platform list", () => {
    expect(platforms('---\nmedia:\n  - file: a.png\n    alt: A\n---\nHi', 'launch.x.tweet')).toEqual(['x']);
  });
  it('from a file-name infix', () => {
    expect(platforms('Hi', 'launch.x.txt')).toEqual(['x']);
    expect(platforms('Hi', 'post.linkedin.md')).toEqual(['linkedin']);
    expect(platforms('Hi', 'my.notes.txt')).toEqual([]);
  });
  it("else the channel's platforms, else every platform it sets a limit for", () => {
    const g1 = guide({ social: { files: ['**'], platforms: ['mastodon'], x: { max: 280 } } });
    expect(platforms('Hi', '/virtual/a.txt', g1)).toEqual(['mastodon']);
    const g2 = guide({ social: { files: ['**'], x: { max: 280 }, linkedin: { max: 3000 }, hashtags: { max: 3 } } });
    expect(platforms('Hi', '/virtual/a.txt', g2)).toEqual(['x', 'linkedin']);
  });
});

describe('format dispatch', () => {
  it('social extensions, the social-draft language and the social channel', () => {
    expect(formatOf('a.tweet')).toBe('social');
    expect(formatOf('a.post')).toBe('social');
    expect(formatOf('untitled', undefined, 'social-draft')).toBe('social');
    const g = guide({ social: { files: ['social/**'] } });
    expect(formatOf('/virtual/social/launch.md', g)).toBe('social');
  });
  it('never throws on odd input', () => {
    for (const s of ['---', '---\n', '\uFEFF---\na: [\n---\nx', '# brandlint-disable', '\r\n---\r\n\r\n', '@', '#', 'http://']) {
      expect(() => parseSocial(s, 'a.txt')).not.toThrow();
      expect(() => parseSocial(s, 'a.md')).not.toThrow();
    }
  });
});

describe('odd input (property)', () => {
  it('never throws, posts do not overlap, and every prose char maps back exactly', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom(
      '---', '--- ', '\n', '\r\n', ' ', 'word', 'platform: x', 'media:\n - mastodon-a', '# brandlint-disable', '# brandlint-enable banned',
      '<!-- brandlint-disable -->', '#tag', '#1', '@acme', '@a@b.social', 'a@b.com', 'https://a.com/x', 'acme.com/y', '**b**',
      '[l](https://x.com)', '`code`', '😀', '日本', 'é', '\uFEFF',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('a.txt', 'a.md', 'a.x.tweet'), (parts, file) => {
        const src = parts.join('');
        const doc = parseSocial(src, file);
        expect(proseProblems(doc)).toEqual([]);
        let prev = -1;
        for (const p of doc.posts!) {
          expect(p.start).toBeGreaterThan(prev);
          expect(p.end).toBeGreaterThan(p.start);
          prev = p.end;
        }
        for (const b of doc.blocks) {
          const p = doc.posts![b.post!]!;
          expect(b.map[0]!).toBeGreaterThanOrEqual(p.start);
          expect(b.map[b.map.length - 1]!).toBeLessThan(p.end);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('image descriptions in front matter', () => {
  it('twitter-together media alt and Galaxy images alt_text are copy of the first post', () => {
    const src = '---\nmedia:\n  - file: a.png\n    alt: "We utilize synergy"\nimages:\n  - url: https://a.com/b.png\n    alt_text: Cheap seats\n---\nHello\n---\nTwo';
    const doc = parseSocial(src, 'a.tweet');
    expect(doc.blocks.map((b) => [b.kind, b.text, b.post])).toEqual([
      ['alt', 'We utilize synergy', 0],
      ['alt', 'Cheap seats', 0],
      ['paragraph', 'Hello', 0],
      ['paragraph', 'Two', 1],
    ]);
    expect(proseProblems(doc)).toEqual([]);
    expect(lintText('a.tweet', src, guide()).findings.map((f) => f.text)).toEqual(['utilize', 'synergy', 'Cheap']);
  });
});

describe('line-per-item posts', () => {
  it('a line break ends a block unless the next line plainly continues the sentence', async () => {
    const { parseSocial } = await import('./social.js');
    const doc = parseSocial('Launch Day at Acme\nMarch 3, 2026\nBerlin, Germany\n#launch #acme\n\nWe are shipping the new dashboard\nto every team today, and\nNext week more.', 'p.tweet');
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Launch Day at Acme', 'March 3, 2026', 'Berlin, Germany', '\uFFFClaunch \uFFFCacme', 'We are shipping the new dashboard\nto every team today, and\nNext week more.',
    ]);
  });
});
