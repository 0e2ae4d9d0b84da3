// Collects a block's text one character at a time, each with its source offset, as the email and
// social parsers walk the source.
import { SEPARATOR, type Block, type BlockKind, type Mark, type Region } from '../types.js';
import { LETTER_OR_DIGIT } from '../text/unicode-regexp.js';

const PROSE_CHAR = LETTER_OR_DIGIT;

export class BlockBuilder {
  private chars: string[] = [];
  private offsets: number[] = [];
  private marks: Mark[] = [];
  private regions: Region[] = [];

  get length(): number {
    return this.chars.length;
  }

  push(ch: string, at: number): void {
    this.chars.push(ch);
    this.offsets.push(at);
  }

  /** Stands for skipped content (a template tag, code, an image) so no phrase matches across it. */
  separator(at: number, kind: Mark['kind']): void {
    this.marks.push({ kind, at: this.chars.length });
    this.push(SEPARATOR, at);
  }

  mark(kind: Mark['kind']): void {
    this.marks.push({ kind, at: this.chars.length });
  }

  /** Marks the characters pushed since `from` (a length() taken earlier) as a region. */
  region(kind: Region['kind'], from: number): void {
    if (this.chars.length > from) this.regions.push({ kind, start: from, end: this.chars.length });
  }

  lastIsSeparator(): boolean {
    return this.chars[this.chars.length - 1] === SEPARATOR;
  }

  /**
   * The block, trimmed of surrounding whitespace, or undefined when it holds no letter or digit
   * (layout whitespace, a lone template tag). Resets the builder.
   */
  take(kind: BlockKind, extra: Partial<Block> = {}): Block | undefined {
    const chars = this.chars;
    const offsets = this.offsets;
    const marks = this.marks;
    const regions = this.regions;
    this.chars = [];
    this.offsets = [];
    this.marks = [];
    this.regions = [];
    let s = 0;
    let e = chars.length;
    while (s < e && /\s/.test(chars[s]!)) s++;
    while (e > s && /\s/.test(chars[e - 1]!)) e--;
    const text = chars.slice(s, e).join('');
    if (!PROSE_CHAR.test(text)) return undefined;
    const block: Block = {
      kind,
      text,
      map: Int32Array.from(offsets.slice(s, e)),
      marks: marks.filter((m) => m.at >= s && m.at <= e).map((m) => ({ kind: m.kind, at: m.at - s })),
      ...extra,
    };
    const kept = regions
      .map((g) => ({ kind: g.kind, start: Math.max(g.start, s) - s, end: Math.min(g.end, e) - s }))
      .filter((g) => g.end > g.start);
    if (kept.length) block.regions = kept;
    return block;
  }
}
