import type { FormatName } from '../args.js';
import type { Formatter, PerFile } from './model.js';
import { github } from './github.js';
import { json, jsonPerFile } from './json.js';
import { sarif, sarifPerFile } from './sarif.js';
import { stylish, stylishPerFile } from './stylish.js';

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github };
/** The formats a run can format file by file as it goes. */
export const PER_FILE: Partial<Record<FormatName, PerFile>> = { stylish: stylishPerFile, json: jsonPerFile, sarif: sarifPerFile };
export * from './model.js';
