import type { FormatName } from '../args.js';
import type { Formatter } from './model.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github };
export * from './model.js';
