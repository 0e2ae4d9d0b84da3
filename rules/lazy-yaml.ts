// `yaml` for the few paths that need its Document API (a guide the fast reader cannot read, placing a
// guide problem, front matter outside the fast reader's subset, social drafts' YAML, the "allow"
// edit, guide examples, Vale import): loaded on first use, so a start that reads its guide with
// rules/guide/fast-yaml.ts never compiles or initialises the package (scripts/bundle-options.mjs).
import type * as Yaml from 'yaml';
import { lazyModule } from './lazy-module.js';

export const yaml = lazyModule<typeof Yaml>('yaml', () => require('yaml'));
export const isAlias = ((n: unknown) => yaml().isAlias(n)) as typeof Yaml.isAlias;
export const isMap = ((n: unknown) => yaml().isMap(n)) as typeof Yaml.isMap;
export const isPair = ((n: unknown) => yaml().isPair(n)) as typeof Yaml.isPair;
export const isScalar = ((n: unknown) => yaml().isScalar(n)) as typeof Yaml.isScalar;
export const isSeq = ((n: unknown) => yaml().isSeq(n)) as typeof Yaml.isSeq;
