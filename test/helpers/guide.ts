import type { BannedEntry, ClaimEntry, Guide, TermEntry, ToneSetting } from '../../rules/types.js';

// Build a Guide in a test without YAML (the loader has its own tests).
const ref = { file: 'brand.yaml', line: 1, column: 1 };

export function makeGuide(parts: {
  terms?: Array<Partial<TermEntry> & { use: string }>;
  banned?: Array<Partial<BannedEntry>>;
  claims?: Array<Partial<ClaimEntry>>;
  tone?: Record<string, ToneSetting>;
  allow?: string[];
  docs?: string;
}): Guide {
  return {
    path: '/virtual/brand.yaml',
    files: ['/virtual/brand.yaml'],
    docs: parts.docs,
    terms: (parts.terms ?? []).map((t) => ({ not: [], ref, ...t })),
    banned: (parts.banned ?? []).map((b) => ({ phrases: [], use: [], ref, ...b })),
    claims: (parts.claims ?? []).map((c) => ({ phrases: [], ref, ...c })),
    tone: parts.tone ?? {},
    channels: {},
    overrides: [],
    ignore: [],
    allow: parts.allow ?? [],
  };
}
