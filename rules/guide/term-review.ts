// What `check-guide` says about a guide's terms beyond the schema: entries that will flag copy a
// careful editor would leave alone. Warnings, placed on the entry; the guide stays usable.
import type { GuideProblem, TermEntry } from '../types.js';
import { isEnglishWord } from '../tone/dictionary.js';

const oneLine = (s: string): string => s.trim().replace(/\s+/g, ' ');

export function reviewTerms(terms: TermEntry[]): GuideProblem[] {
  const out: GuideProblem[] = [];
  const byUse = new Map<string, TermEntry>();
  for (const t of terms) byUse.set(oneLine(t.use).toLowerCase(), t);
  const warn = (t: TermEntry, message: string) => out.push({ file: t.ref.file, line: t.ref.line, column: t.ref.column, message, level: 'warning' });
  for (const t of terms) {
    for (const n of t.not) {
      const other = byUse.get(oneLine(n).toLowerCase());
      if (!other) continue;
      if (oneLine(n) === oneLine(other.use)) {
        warn(t, `term "${t.use}": the wrong form "${n}" is how term "${other.use}" is written; one of the two entries is wrong.`);
      } else if (other !== t) {
        warn(t, `term "${t.use}": its wrong form "${n}" is term "${other.use}" in other capitals; only "${n}" exactly is flagged for "${t.use}".`);
      }
    }
    // A name with capitals whose words are all English ("Spaces", "Home Hub", "Design System"):
    // every lowercase "home hub" would be flagged as a misspelt name.
    const use = oneLine(t.use);
    if (t.match === 'case-sensitive' || use === use.toLowerCase() || use === use.toUpperCase()) continue;
    const words = use.split(' ');
    if (words.every((w) => /^\p{L}+$/u.test(w) && isEnglishWord(w) === true)) {
      warn(
        t,
        `term "${t.use}" is also common English ("${use.toLowerCase()}"): a lowercase "${use.toLowerCase()}" is flagged as a misspelt name. Add \`match: case-sensitive\` if only "${t.use}" as written is the name${words.length > 1 ? ', and `plural: generic` if a plural is a common noun' : ''}.`,
      );
    }
  }
  return out;
}
