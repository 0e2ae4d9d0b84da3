// The imported guide as brand.yaml text: the entries, a header with the figures, and every item
// that did not convert listed as comments at the end with its reason.
import { yaml } from '../lazy-yaml.js';
import type { ImportResult } from './convert.js';

export function share(converted: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((1000 * converted) / total) / 10}%`;
}

export function emitGuide(r: ImportResult, opts: { source: string; brand?: string }): string {
  const t = r.totals;
  const body: Record<string, unknown> = {};
  if (opts.brand) body.brand = opts.brand;
  if (r.terms.length) body.terms = r.terms;
  if (r.banned.length) body.banned = r.banned;
  const doc = new (yaml().Document)(body);
  doc.commentBefore = [
    ` Imported from the Vale style ${opts.source} by \`brandlint import vale\`.`,
    ` Rules: ${t.convertedRules} of ${t.rules} converted fully, ${t.partialRules} partly; items (swaps, tokens, names): ${t.convertedItems} of ${t.items} (${share(t.convertedItems, t.items)}).`,
    ' Differences from Vale: brandlint matches case-insensitively and on word boundaries, follows inflections',
    ' (utilize → utilized), and checks every prose block whatever the Vale scope was.',
    ' Review, then prove entries with examples: {bad: […], good: […]} and `brandlint check-guide`.',
  ].join('\n');
  const notes = r.rules.filter((x) => x.notes.length).map((x) => ` ${x.name}: ${x.notes.join('; ')}`);
  const skipped = r.unconverted.map((u) => ` ${u.rule}${u.item !== undefined ? `: ${JSON.stringify(u.item)}` : ''} — ${u.reason}`);
  const tail: string[] = [];
  if (notes.length) tail.push(' Notes:', ...notes);
  if (skipped.length) tail.push(` Not converted (${skipped.length}):`, ...skipped);
  if (tail.length) doc.comment = tail.join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
