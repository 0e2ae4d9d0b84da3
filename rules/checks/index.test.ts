// Every rule's metadata is complete and true: its folder and id agree, it has a description, a
// level, a docs link, its options (as brand.yaml's schema allows them) and its message templates,
// and its tests sit beside it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from './index.js';
import { ruleDocs } from './docs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.resolve(here, '../../schema/brand.schema.json'), 'utf8')) as { definitions: Record<string, Json> };
type Json = { [key: string]: any };
const COMMON_TONE_KEYS = new Set(['level', 'because', 'docs']);

/** Follow `$ref`s; an anyOf gives its object branch (the form with options). */
function resolve(node: Json | undefined): Json | undefined {
  while (node?.$ref) node = schema.definitions[String(node.$ref).replace('#/definitions/', '')];
  if (node?.anyOf) return (node.anyOf as Json[]).map(resolve).find((n) => n?.type === 'object');
  return node;
}

/** The schema node at a dotted path under a definition (`channels` + `social.x.max`). */
function at(root: Json | undefined, dotted: string): Json | undefined {
  let node = resolve(root);
  for (const key of dotted.split('.')) node = resolve(node?.properties?.[key]);
  return node;
}

describe('rule metadata', () => {
  it('ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of RULES) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('lives in rules/checks/<id>/<id>.ts, which exports it, with its tests beside it', async () => {
        const file = path.join(here, meta.id, `${meta.id}.ts`);
        expect(existsSync(file)).toBe(true);
        const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
        expect(Object.values(mod)).toContain(rule);
        expect(existsSync(path.join(here, meta.id, `${meta.id}.test.ts`))).toBe(true);
      });

      it('has a description, a default level, fixable, docs and a category', () => {
        expect(meta.description.trim().length).toBeGreaterThan(10);
        expect(['error', 'warning', 'info', 'hint', 'off']).toContain(meta.defaultLevel);
        expect(typeof meta.fixable).toBe('boolean');
        expect(meta.docs).toBe(ruleDocs(meta.id));
        expect(['terms', 'banned', 'claims', 'tone', 'channel', 'guide']).toContain(meta.category);
        if (meta.category === 'tone') expect(meta.defaultLevel).toBe('off');
      });

      it('has message templates', () => {
        const messages = Object.entries(meta.messages);
        expect(messages.length).toBeGreaterThan(0);
        for (const [name, template] of messages) {
          expect(name).toMatch(/^[a-z][A-Za-z]*$/);
          expect(template).toMatch(/^\S[^]*[.]$/);
          // Placeholders are {{name}}; no stray braces.
          expect(template.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
        }
      });

      it('describes its options as brand.yaml\'s schema allows them', () => {
        const { options } = meta;
        expect(options.type).toBe('object');
        expect(options.additionalProperties).toBe(false);
        for (const [key, o] of Object.entries(options.properties)) {
          expect(['number', 'string'], key).toContain(o.type);
          expect(o.description.length, key).toBeGreaterThan(5);
          if (o.enum) expect(o.enum, key).toContain(o.default);
        }
        if (meta.category === 'tone') {
          expect(options.setIn).toBe(`tone.${meta.id}`);
          const inSchema = resolve(schema.definitions.tone!.properties[meta.id]);
          // A tone check without options is a level or { level, because, docs }.
          const keys = Object.keys(inSchema?.properties ?? {}).filter((k) => !COMMON_TONE_KEYS.has(k));
          expect(Object.keys(options.properties).sort()).toEqual(keys.sort());
          for (const key of keys) {
            const s = inSchema!.properties[key] as Json;
            expect(options.properties[key]!.type === 'number' ? ['number', 'integer'] : ['string']).toContain(s.type);
            if (s.enum) expect([...(options.properties[key]!.enum ?? [])]).toEqual(s.enum);
          }
        } else if (meta.category === 'channel') {
          expect(options.setIn).toMatch(/^channels\b/);
          const base = options.setIn!.split('.').slice(1).join('.');
          for (const key of Object.keys(options.properties)) {
            const node = at(schema.definitions.channels, base ? `${base}.${key}` : key);
            expect(node?.type, `${options.setIn}.${key}`).toMatch(/^(number|integer)$/);
          }
          expect(Object.keys(options.properties).length).toBeGreaterThan(0);
        } else {
          // term, trademark, banned, claim: the guide section is the data, there are no options.
          expect(options.properties).toEqual({});
        }
      });
    });
  }
});
