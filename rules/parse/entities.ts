// Character references as micromark decodes them, shared by both Markdown front ends.
import { lazyModule } from '../lazy-module.js';

// Its table of the ~2,000 HTML entity names (character-entities) is built at load: loaded with the
// first named reference, which most copy does not have.
const named = lazyModule<typeof import('decode-named-character-reference')>('decode-named-character-reference', () =>
  require('decode-named-character-reference'),
);
/** The commonest named references, decoded without the table (test/differential checks them against it). */
export const COMMON_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&name;`, `&#123;` or `&#x1F;`: group 1 hex, group 2 decimal, group 3 name. */
export const ENTITY_SOURCE = '&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));';
const WHOLE_ENTITY = new RegExp(`^${ENTITY_SOURCE}$`);

/** The text of a reference matched by ENTITY_SOURCE, or undefined when micromark leaves it as text. */
export function decodeEntityMatch(m: RegExpExecArray): string | undefined {
  if (m[3] !== undefined) {
    if (Object.hasOwn(COMMON_ENTITIES, m[3])) return COMMON_ENTITIES[m[3]];
    const d = named().decodeNamedCharacterReference(m[3]);
    return d === false ? undefined : d;
  }
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  // As micromark: invalid code points decode to U+FFFD.
  if (
    code < 9 ||
    code === 11 ||
    (code > 13 && code < 32) ||
    (code > 126 && code < 160) ||
    (code > 55295 && code < 57344) ||
    (code > 64975 && code < 65008) ||
    (code & 65535) === 65535 ||
    (code & 65535) === 65534 ||
    code > 1114111
  )
    return '\uFFFD';
  return String.fromCodePoint(code);
}

/** A whole reference (`&amp;`) decoded, or undefined when it is none micromark knows. */
export function decodeEntity(raw: string): string | undefined {
  const m = WHOLE_ENTITY.exec(raw);
  return m ? decodeEntityMatch(m) : undefined;
}
