// syllable ships no types for its table of hard words (rules/tone/syllables.ts reads it).
declare module 'syllable/problematic.js' {
  export const problematic: Record<string, number>;
}
