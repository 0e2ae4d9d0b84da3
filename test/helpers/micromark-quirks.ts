// Where the random-document property of test/differential/markdown-remark.test.ts does not ask the Markdown front end (lezer) for
// remark's exact blocks: micromark quirks, found by fast-check, that rules/parse/markdown-syntax.ts
// does not reproduce (no corpus file has them; every corpus file is compared without exception).
// Each entry: a test on the document, and why.
const DEFINITION_LINE = /(?:^|[\r\n])[ \t]{0,3}\[[^\]\r\n]+\]:/;
const CONTAINER_LINE = /(?:^|[\r\n])[ \t]{0,3}(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/;
export const MICROMARK_QUIRKS: Array<[(doc: string) => boolean, string]> = [
  [
    (d) => (CONTAINER_LINE.test(d) || DEFINITION_LINE.test(d)) && /(?:^|[\r\n])[ \t]*<\/?[A-Za-z][^\r\n]*>[ \t]*(?:\r\n?|\n)[ \t]*[^\s<]/.test(d),
    'an HTML tag line on a lazy line of a list item or quote, or after a definition, then text: micromark ends the HTML block at the next line (`- a\\n<b>\\nt`)',
  ],
];

/** The reason a document is left out of the exact comparison, or undefined. */
export function micromarkQuirk(doc: string): string | undefined {
  for (const [test, why] of MICROMARK_QUIRKS) if (test(doc)) return why;
  return undefined;
}
