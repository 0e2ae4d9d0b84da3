// rules/parse/entities.ts decodes the commonest named references without loading
// decode-named-character-reference (its table is a lazy chunk): each must decode as the package does.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { describe, expect, it } from 'vitest';
import { COMMON_ENTITIES, decodeEntity } from './entities.js';

describe('common named character references', () => {
  it.each(Object.keys(COMMON_ENTITIES))('&%s; decodes as decode-named-character-reference does', (name) => {
    expect(decodeNamedCharacterReference(name)).not.toBe(false);
    expect(COMMON_ENTITIES[name]).toBe(decodeNamedCharacterReference(name));
    expect(decodeEntity(`&${name};`)).toBe(decodeNamedCharacterReference(name));
  });

  it('other names still go to the table; unknown ones stay text', () => {
    expect(decodeEntity('&copy;')).toBe(decodeNamedCharacterReference('copy'));
    expect(decodeEntity('&AMP;')).toBe(decodeNamedCharacterReference('AMP'));
    expect(decodeEntity('&notanentity;')).toBeUndefined();
  });
});
