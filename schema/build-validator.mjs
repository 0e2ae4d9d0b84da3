#!/usr/bin/env node
// Build step (npm run build, after tsc): compile schema/brand.schema.json with ajv once, here, and
// write the validator as standalone code to dist/rules/guide/schema-validator.cjs, so loading a
// guide does not compile the schema at start-up. The JSON schema stays the source of truth: the file
// carries the hash of the schema it was made from, and rules/guide/schema.ts compiles at run time
// instead when they differ (or when this file is missing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { linearErrorCode, newAjv, schemaHash } = await import(pathToFileURL(path.join(root, 'dist/rules/guide/schema.js')).href);
const text = fs.readFileSync(path.join(root, 'schema/brand.schema.json'), 'utf8');
const ajv = newAjv({ code: { source: true, esm: false } });
const validate = ajv.compile(JSON.parse(text));
// ajv's standalone code is the code before code.process: make its error gathering linear here too.
const code = `${linearErrorCode(standaloneCode.default(ajv, validate))}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`;
const out = path.join(root, 'dist/rules/guide/schema-validator.cjs');
fs.writeFileSync(out, code);
console.log(`schema: standalone validator written to ${path.relative(root, out)} (${Math.round(code.length / 1024)} KB)`);
