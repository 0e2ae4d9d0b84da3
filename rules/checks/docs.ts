import type { EntryCommon, Guide } from '../types.js';

// Every rule's reference lives in the README; a guide's `docs:` (or an entry's) points to the brand's own page.
const DOCS_BASE = 'https://github.com/brandlint/brandlint/blob/main/README.md#rule-';

export function ruleDocs(id: string): string {
  return DOCS_BASE + id;
}

/** The link a finding shows: the entry's own, else the guide's, else the rule's reference. */
export function docsFor(entry: Pick<EntryCommon, 'docs'> | undefined, guide: Guide, ruleId: string): string {
  return entry?.docs ?? guide.docs ?? ruleDocs(ruleId);
}

/** Quote a phrase for a message. */
export function q(s: string): string {
  return `"${s.replace(/\s+/g, ' ')}"`;
}

/** A message with the guide's reason (`because:`) after it. */
export function withBecause(message: string, because: string | undefined): string {
  return because ? `${message} ${because.trim()}` : message;
}
