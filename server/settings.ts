import path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { inside, realish } from '../rules/guide/load.js';
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

/**
 * Settings per resource, asked of the client once per document and kept until they change. A
 * client without `workspace/configuration` gets what it sent at initialize or in
 * didChangeConfiguration.
 */
export class SettingsStore {
  private global: unknown = {};
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly caps: { configuration: boolean },
  ) {}

  /** Settings sent without a scope: initializationOptions.settings, didChangeConfiguration. */
  setGlobal(raw: unknown): void {
    this.global = raw ?? {};
  }

  get(uri: string): Promise<Settings> {
    if (!this.caps.configuration) return Promise.resolve(normalizeSettings(this.global));
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'brandlint' }).then(
        (s) => normalizeSettings(s ?? this.global),
        () => normalizeSettings(this.global),
      );
      this.cache.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/**
 * The file `brandlint.guide` names, resolved in `folder` by the rule `extends` follows: relative to
 * the folder, and never outside it (symlinks count where they point). A workspace's
 * .vscode/settings.json sets this, so a repository must not be able to make the server read
 * /etc/passwd or ../../outside.yaml and show its text in diagnostics.
 */
export function resolveGuideSetting(setting: string, folder: string): { file: string } | { error: string } {
  const file = path.resolve(folder, setting);
  const root = realish(folder);
  if (!inside(root, realish(file))) {
    return { error: `the setting brandlint.guide ("${setting}") points outside the workspace folder (${root}); only a guide inside it can be used` };
  }
  return { file };
}
