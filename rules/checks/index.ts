import type { Rule } from '../types.js';
import { term } from './term.js';
import { trademark } from './trademark.js';
import { banned } from './banned.js';
import { claim } from './claim.js';

// Every rule brandlint knows, in reporting order. One module per rule; add new ones here.
export const RULES: Rule[] = [
  term,
  trademark,
  banned,
  claim,
];

const byId = new Map<string, Rule>();
export function ruleById(id: string): Rule | undefined {
  if (byId.size !== RULES.length) {
    byId.clear();
    for (const r of RULES) byId.set(r.meta.id, r);
  }
  return byId.get(id);
}
