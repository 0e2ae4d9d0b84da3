import type { Block, LevelSetting, Rule } from '../../types.js';
import { SEPARATOR } from '../../types.js';
import { countFor, emailChannel, graphemeSegments, limitOf, platformName, postPlatforms, postText, socialChannel } from '../../text/platforms.js';
import { maskTemplates } from '../../parse/mask.js';
import { ruleDocs } from '../docs.js';

// Channel lengths: an email's subject line and preheader, and each social post on each platform it
// is written for, counted the way that platform counts. The finding covers the part beyond the limit.
export const length: Rule = {
  meta: {
    id: 'length',
    description: 'Email subject and preheader length, and social post length per platform (X weighted, Bluesky in graphemes, Mastodon with URLs as 23).',
    defaultLevel: 'warning',
    fixable: false,
    docs: ruleDocs('length'),
    category: 'channel',
    options: {
      type: 'object',
      setIn: 'channels',
      properties: {
        'email.subject.max': { type: 'number', minimum: 1, description: 'The most characters of an email subject line.' },
        'email.preheader.max': { type: 'number', minimum: 1, description: 'The most characters of an email preheader (its invisible padding not counted).' },
        'social.x.max': { type: 'number', minimum: 1, description: 'The most characters of a post on X (Twitter), weighted as X counts: URLs 23, CJK and emoji 2.' },
        'social.linkedin.max': { type: 'number', minimum: 1, description: 'The most characters of a post on LinkedIn.' },
        'social.instagram.max': { type: 'number', minimum: 1, description: 'The most characters of a post on Instagram.' },
        'social.threads.max': { type: 'number', minimum: 1, description: 'The most characters of a post on Threads.' },
        'social.bluesky.max': { type: 'number', minimum: 1, description: 'The most characters of a post on Bluesky, in graphemes.' },
        'social.mastodon.max': { type: 'number', minimum: 1, description: 'The most characters of a post on Mastodon, every URL 23.' },
        'social.facebook.max': { type: 'number', minimum: 1, description: 'The most characters of a post on Facebook.' },
      },
      additionalProperties: false,
    },
    messages: {
      subject: 'Subject line is too long: {{length}}/{{max}} characters.',
      preheader: 'Preheader is too long: {{length}}/{{max}} characters.',
      post: 'Post is too long for {{platforms}}.',
      threadPost: 'Post {{number}} is too long for {{platforms}}.',
    },
  },
  check({ doc, guide, report }) {
    const email = emailChannel(doc, guide);
    if (email) {
      for (const [field, block, label] of [
        ['subject', doc.subject, 'Subject line'],
        ['preheader', doc.preheader, 'Preheader'],
      ] as const) {
        const limit = limitOf(email, field);
        if (!limit || !block) continue;
        const { length: n, overflowAt } = measureBlock(block, doc.source, limit.max);
        if (overflowAt === undefined) continue;
        report({
          start: overflowAt,
          end: blockEnd(block, doc.source),
          message: `${label} is too long: ${n}/${limit.max} characters.`,
          level: limit.level,
        });
      }
    }

    const social = socialChannel(doc, guide);
    if (!social || !doc.posts) return;
    doc.posts.forEach((post, i) => {
      const { text, map } = postText(doc, post);
      if (!text) return;
      const over: { name: string; n: number; max: number; at: number; level?: LevelSetting }[] = [];
      for (const p of postPlatforms(post, social)) {
        const limit = limitOf(social, p);
        if (!limit) continue;
        const c = countFor(p, text, limit.max);
        if (c.overflowAt !== undefined) over.push({ name: platformName(p), n: c.length, max: limit.max, at: c.overflowAt, level: limit.level });
      }
      if (over.length === 0) return;
      over.sort((a, b) => a.at - b.at);
      const which = doc.posts!.length > 1 ? `Post ${i + 1} is too long` : 'Post is too long';
      report({
        start: map[over[0]!.at]!,
        end: map[text.length - 1]! + 1,
        message: `${which} for ${over.map((o) => `${o.name} (${o.n}/${o.max})`).join(', ')}.`,
        level: strictest(over.map((o) => o.level)),
      });
    });
  },
};

const INVISIBLE_TAIL = /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]+$/u;

/**
 * Length of a subject or preheader as the reader sees it: graphemes of the decoded text, with a
 * template tag counted as written (what it renders to is unknown; as written is the safe side).
 */
function measureBlock(block: Block, source: string, max: number): { length: number; overflowAt?: number } {
  let n = 0;
  let overflowAt: number | undefined;
  // Preheaders are often padded with invisible characters (&zwnj;&nbsp;…) to keep the body text out
  // of the inbox preview; the padding is not part of what the reader sees.
  const text = block.text.replace(INVISIBLE_TAIL, '');
  for (const { segment, index } of graphemeSegments(text)) {
    const weight = segment === SEPARATOR ? Math.max(1, skippedEnd(source, block.map[index]!) - block.map[index]!) : 1;
    n += weight;
    if (overflowAt === undefined && n > max) overflowAt = block.map[index]!;
  }
  return overflowAt === undefined ? { length: n } : { length: n, overflowAt };
}

/** Where the content a SEPARATOR stands for ends: a template tag's close, else the char itself. */
function skippedEnd(source: string, at: number): number {
  const tag = maskTemplates(source.slice(at, at + 2000)).spans[0];
  return tag && tag.start === 0 ? at + tag.end : at + 1;
}

function blockEnd(block: Block, source: string): number {
  const last = block.map.length - 1;
  return block.text[last] === SEPARATOR ? skippedEnd(source, block.map[last]!) : block.map[last]! + 1;
}

const ORDER: LevelSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
/** The most severe of the platforms' own levels; undefined (the rule's level) if any has none. */
function strictest(levels: (LevelSetting | undefined)[]): LevelSetting | undefined {
  if (levels.some((l) => l === undefined)) return undefined;
  return [...(levels as LevelSetting[])].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0];
}
