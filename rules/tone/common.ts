// Helpers every tone check shares: reading its setting, which block spans it may report,
// ordering blocks, and the rule metadata shape.
import type { Block, Guide, ProseDocument, Report, RuleMeta, ToneSetting } from '../types.js';
import { SEPARATOR } from '../types.js';
import { ruleDocs } from '../checks/docs.js';


/** A tone check's meta: off by default, set under `tone.<id>`; no options or messages until the rule adds its own. */
export function toneMeta(id: string, description: string, fixable: boolean): RuleMeta {
  return {
    id,
    description,
    defaultLevel: 'off',
    fixable,
    docs: ruleDocs(id),
    category: 'tone',
    options: { type: 'object', setIn: `tone.${id}`, properties: {}, additionalProperties: false },
    messages: {},
  };
}

export function setting(guide: Guide, id: string): ToneSetting | undefined {
  return guide.tone[id];
}

/** A numeric option (e.g. `max`), falling back to `fallback` when missing or not a usable number. */
export function numberOption(guide: Guide, id: string, key: string, fallback: number): number {
  const v = setting(guide, id)?.options?.[key];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The bare-string option (`contractions: avoid`, `spelling: en-GB`), normalized by the loader to `value`. */
export function valueOption<T extends string>(guide: Guide, id: string, allowed: readonly T[], fallback: T): T {
  const v = setting(guide, id)?.options?.value;
  if (typeof v === 'string') {
    const hit = allowed.find((a) => a.toLowerCase() === v.trim().toLowerCase());
    if (hit) return hit;
  }
  return fallback;
}

/** Extra fields a tone finding carries: the guide entry's reason, link and position. */
export function findingExtras(guide: Guide, id: string): Pick<Report, 'because' | 'docs' | 'ref'> {
  const s = setting(guide, id);
  const because = typeof s?.options?.because === 'string' ? (s.options.because as string) : undefined;
  const docs = typeof s?.options?.docs === 'string' ? (s.options.docs as string) : guide.docs ?? ruleDocs(id);
  return { because, docs, ref: s?.ref };
}

/**
 * A span of prose we may report: non-empty, inside the block, not touching excluded content, and
 * not reaching over source the parser skipped for being non-prose (a link's destination between
 * "majority" and "of"). Skipped emphasis markers, blockquote markers, escapes and entity tails are
 * fine: the words on both sides are one run of prose.
 */
export function reportable(doc: ProseDocument, block: Block, i: number, j: number): boolean {
  if (i < 0 || j > block.text.length || j <= i) return false;
  const k = block.text.indexOf(SEPARATOR, i);
  if (k !== -1 && k < j) return false;
  for (let x = i + 1; x < j; x++) {
    const gap = block.map[x]! - block.map[x - 1]! - 1;
    if (gap <= 0) continue;
    const skipped = doc.source.slice(block.map[x - 1]! + 1, block.map[x]!);
    if (!/^(?:[\s*_~>\\|+-]*|#?[A-Za-z0-9]+;)$/.test(skipped)) return false;
  }
  return true;
}

/** Blocks in source order (parsers may emit front matter or alt text out of order). */
export function blocksInOrder(doc: ProseDocument): Block[] {
  return [...doc.blocks].filter((b) => b.text.length > 0 && b.map.length > 0).sort((a, b) => a.map[0]! - b.map[0]!);
}
