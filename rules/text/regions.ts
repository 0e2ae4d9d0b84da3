// Regions of a block that are not the brand's own words (Block.regions: quotations, words
// mentioned as words, filler text, sponsors' copy), and which rules leave them alone.
import type { Block, Guide, Region, RuleMeta } from '../types.js';

const BRAND_CATEGORIES = new Set(['terms', 'banned', 'claims']);
const NONE: ReadonlySet<Region['kind']> = new Set();
const BOTH: ReadonlySet<Region['kind']> = new Set(['quotation', 'mention', 'placeholder', 'sponsor']);
const MENTIONS: ReadonlySet<Region['kind']> = new Set(['mention', 'placeholder', 'sponsor']);

/**
 * The regions a rule does not report in: the brand and tone rules judge the brand's own words, so
 * they skip quotations (unless the guide's `quotations.lint` names the rule, its family, or
 * `brand` for terms, banned and claims), words mentioned as words, filler and sponsors' copy. Channel rules (length,
 * hashtags…) count everything that is published.
 */
export function skippedRegions(meta: Pick<RuleMeta, 'id' | 'category'>, guide: Guide): ReadonlySet<Region['kind']> {
  const category = meta.category;
  if (category !== 'tone' && !BRAND_CATEGORIES.has(category)) return NONE;
  const lint = guide.quotations?.lint;
  if (!lint) return BOTH;
  const quoted = lint.includes(meta.id) || lint.includes(category) || (BRAND_CATEGORIES.has(category) && lint.includes('brand'));
  return quoted ? MENTIONS : BOTH;
}

/** Whether text index i of the block lies in a region of one of `kinds`. */
export function inRegion(block: Block, i: number, kinds: ReadonlySet<Region['kind']>): boolean {
  if (!block.regions || kinds.size === 0) return false;
  for (const g of block.regions) if (g.start <= i && i < g.end && kinds.has(g.kind)) return true;
  return false;
}
