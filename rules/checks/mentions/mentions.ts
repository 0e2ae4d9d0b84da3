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
  },
  check(ctx) {
    countPerPost(ctx, 'mention', 'mentions', (n, max, extra) => `Too many mentions: ${n}/${max} in this post${extra}.`);
  },
};
