import type { Level } from '../rules/index.js';

/** `brandlint.*` settings, read per resource. */
export interface Settings {
  enable: boolean;
  /** Path of the guide to use instead of the nearest brand.yaml (relative to the workspace folder). */
  guide: string;
  run: 'onType' | 'onSave';
  minLevel: Level;
  /** Debounce for onType, in milliseconds. */
  debounce: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, guide: '', run: 'onType', minLevel: 'hint', debounce: 150 };

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Whether a finding at `level` is shown when the user asked for `min` and above. */
export function atLeast(level: Level, min: Level): boolean {
  return LEVEL_RANK[level] <= LEVEL_RANK[min];
}

/** Coerce whatever the client sent (a partial object, nulls, wrong types) into Settings. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s = { ...DEFAULT_SETTINGS };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (typeof r.guide === 'string') s.guide = r.guide.trim();
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.minLevel === 'string' && r.minLevel in LEVEL_RANK) s.minLevel = r.minLevel as Level;
  if (typeof r.debounce === 'number' && Number.isFinite(r.debounce) && r.debounce >= 0) s.debounce = Math.min(r.debounce, 5000);
  return s;
}
