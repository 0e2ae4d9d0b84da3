// Offsets <-> 1-based line/column (UTF-16 code units), the way editors and SARIF count.
// Line breaks are \n, \r\n and a lone \r, like LSP.

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly source: string) {
    this.starts = lineStarts(source);
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  /** Offset of a 1-based line and column (clamped to the document). */
  offset(line: number, column: number): number {
    const l = Math.min(Math.max(line - 1, 0), this.starts.length - 1);
    return Math.min(this.starts[l]! + Math.max(column - 1, 0), this.source.length);
  }

  lineStart(line0: number): number {
    return this.starts[Math.min(Math.max(line0, 0), this.starts.length - 1)]!;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Where each line starts: the breaks found with indexOf (a vectorized scan) rather than a loop
 * over every character; every document linted is indexed once. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  let nl = source.indexOf('\n');
  let cr = source.indexOf('\r');
  while (nl !== -1 || cr !== -1) {
    if (cr === -1 || (nl !== -1 && nl < cr)) {
      starts.push(nl + 1);
      nl = source.indexOf('\n', nl + 1);
    } else {
      // \r\n is one break, a lone \r another.
      const next = source.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      starts.push(next);
      if (next === cr + 2) nl = source.indexOf('\n', next);
      cr = source.indexOf('\r', cr + 1);
    }
  }
  return starts;
}
