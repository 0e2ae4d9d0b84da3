import type { Rule } from '../../types.js';
import { countPerPost } from '../../text/platforms.js';
import { ruleDocs } from '../docs.js';

// @mentions per social post: the channel's `mentions: {max}`; the finding spans the handles beyond it.
export const mentions: Rule = {
  meta: {
    id: 'mentions',
    description: 'At most `max` @mentions per social post (channels.social.mentions).',
    defaultLevel: 'warning',
    fixable: false,
    docs: ruleDocs('mentions'),
    category: 'channel',
    options: {
      type: 'object',
      setIn: 'channels.social.mentions',
      properties: { max: { type: 'number', minimum: 0, description: 'The most @mentions per post.' } },
      additionalProperties: false,
    },
    messages: {
      tooMany: 'Too many mentions: {{count}}/{{max}} in this post.',
      tooManyWithFrontMatter: 'Too many mentions: {{count}}/{{max}} in this post, with the ones front matter adds{{onPlatform}}.',
    },
  },
  check(ctx) {
    countPerPost(ctx, 'mention', 'mentions', (n, max, extra) => `Too many mentions: ${n}/${max} in this post${extra}.`);
  },
};
