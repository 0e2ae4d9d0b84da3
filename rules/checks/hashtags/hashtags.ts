import type { Rule } from '../../types.js';
import { countPerPost } from '../../text/platforms.js';
import { ruleDocs } from '../docs.js';

// Hashtags per social post: the channel's `hashtags: {max}`; the finding spans the tags beyond it.
export const hashtags: Rule = {
  meta: {
    id: 'hashtags',
    description: 'At most `max` hashtags per social post (channels.social.hashtags).',
    defaultLevel: 'warning',
    fixable: false,
    docs: ruleDocs('hashtags'),
    category: 'channel',
    options: {
      type: 'object',
      setIn: 'channels.social.hashtags',
      properties: { max: { type: 'number', minimum: 0, description: 'The most hashtags per post.' } },
      additionalProperties: false,
    },
    messages: {
      tooMany: 'Too many hashtags: {{count}}/{{max}} in this post.',
      tooManyWithFrontMatter: 'Too many hashtags: {{count}}/{{max}} in this post, with the ones front matter adds{{onPlatform}}.',
    },
  },
  check(ctx) {
    countPerPost(ctx, 'hashtag', 'hashtags', (n, max, extra) => `Too many hashtags: ${n}/${max} in this post${extra}.`);
  },
};
