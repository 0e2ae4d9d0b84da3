// A text's UTF-16 units in a reused typed array, for the char loops that read block texts several
// times. Block texts come in many string representations (flat, cons, sliced; one or two bytes), so
// text.charCodeAt in a hot loop is a megamorphic property load per read.

export class UnitBuffer {
  private units = new Uint16Array(1024);
  private text: string | undefined;

  /** The units of `text` (its first text.length entries); valid until the next call. */
  of(text: string): Uint16Array {
    // Callers ask again for the same text (a count per sentence of one block).
    if (text === this.text) return this.units;
    if (this.units.length < text.length) this.units = new Uint16Array(Math.max(text.length, this.units.length * 2));
    const u = this.units;
    for (let i = 0; i < text.length; i++) u[i] = text.charCodeAt(i);
    this.text = text;
    return u;
  }
}
