import type { Block, Rule } from '../../types.js';
import { fleschKincaid } from '../../tone/readability.js';
import { blocksInOrder, findingExtras, numberOption, toneMeta } from '../../tone/common.js';
import { sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';

const ID = 'reading-grade';
export const DEFAULT_MAX_GRADE = 9;
/** Below this many words a grade says little (one long sentence is not a section's voice). */
export const MIN_WORDS = 30;

// Body text of a section; headings, alt text, attributes and named fields (subject, title…) are
// not running prose.
const BODY = new Set<Block['kind']>(['paragraph', 'list-item', 'blockquote', 'text', 'table-cell']);

interface Section {
  heading?: Block;
  body: Block[];
}

/** Sections: the blocks from one heading to the next (and from one social post to the next). */
export function sections(blocks: Block[]): Section[] {
  const out: Section[] = [];
  let cur: Section = { body: [] };
  let post: number | undefined;
  for (const b of blocks) {
    const newPost = b.post !== undefined && b.post !== post;
    if (b.kind === 'heading' || (newPost && (cur.heading || cur.body.length))) {
      if (cur.heading || cur.body.length) out.push(cur);
      cur = { body: [] };
    }
    post = b.post ?? post;
    if (b.kind === 'heading') cur.heading = b;
    else if (BODY.has(b.kind) && !b.field) cur.body.push(b);
  }
  if (cur.heading || cur.body.length) out.push(cur);
  return out;
}

export const readingGrade: Rule = {
  meta: {
    ...toneMeta(ID, 'Flesch–Kincaid grade level of each section (text under one heading) at most `max` (default 9).', false),
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: { max: { type: 'number', minimum: 0, default: DEFAULT_MAX_GRADE, description: 'The highest Flesch–Kincaid grade of a section.' } },
      additionalProperties: false,
    },
    messages: {
      tooHard:
        'Reading grade {{grade}} (Flesch–Kincaid) in this section is above the target of {{max}}: {{words}} words in {{sentences}} sentences. Use shorter sentences and plainer words.',
    },
  },
  check({ doc, guide, report }) {
    const max = numberOption(guide, ID, 'max', DEFAULT_MAX_GRADE);
    const extras = findingExtras(guide, ID);
    for (const sec of sections(blocksInOrder(doc))) {
      if (sec.body.length === 0) continue;
      const r = fleschKincaid(sec.body);
      if (r.words < MIN_WORDS || r.grade <= max) continue;
      const at = anchor(sec);
      if (!at) continue;
      const grade = Math.round(r.grade * 10) / 10;
      report({
        ...sourceSpan(doc, at.block, at.i, at.j),
        message: withBecause(
          `Reading grade ${grade.toFixed(1)} (Flesch–Kincaid) in this section is above the target of ${max}: ` +
            `${r.words} words in ${r.sentences} sentences. Use shorter sentences and plainer words.`,
          extras.because,
        ),
        ...extras,
      });
    }
  },
};

// The finding sits on the heading, or on the first line of the section's first block.
function anchor(sec: Section): { block: Block; i: number; j: number } | undefined {
  const block = sec.heading ?? sec.body[0]!;
  const t = block.text;
  let i = 0;
  while (i < t.length && /[\s\uFFFC]/.test(t[i]!)) i++;
  let j = sec.heading ? t.length : t.indexOf('\n', i);
  if (j === -1) j = t.length;
  while (j > i && /[\s\uFFFC]/.test(t[j - 1]!)) j--;
  return j > i ? { block, i, j } : undefined;
}
