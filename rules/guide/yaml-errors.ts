// YAML syntax errors in the words of the person who made them. Whoever edits brand.yaml is more
// often a brand lead than a YAML expert: "Nested mappings are not allowed in compact mappings" means
// "this line is indented too far", and the squiggle covers the whole line or token at fault, not one
// character.

export interface PlainYamlError {
  start: number;
  end: number;
  message: string;
}

interface RawError {
  code: string;
  message: string;
  pos: [number, number];
}

interface Line {
  start: number;
  /** Offset of the first character that is not a space. */
  content: number;
  /** End of the line's content, trailing blanks and a comment left out. */
  end: number;
  indent: number;
  text: string;
}

function lineAt(source: string, offset: number): Line {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let stop = source.indexOf('\n', start);
  if (stop < 0) stop = source.length;
  const text = source.slice(start, stop).replace(/\r$/, '');
  const indent = /^ */.exec(text)![0].length;
  const body = text.replace(/\s+#.*$/, '').replace(/\s+$/, '');
  return { start, content: start + indent, end: start + Math.max(body.length, indent), indent, text };
}

function prevLine(source: string, line: Line): Line | undefined {
  let at = line.start - 1;
  while (at > 0) {
    const l = lineAt(source, at);
    if (l.text.trim() !== '' && !l.text.trim().startsWith('#')) return l;
    at = l.start - 1;
  }
  return undefined;
}

/** Where a line's key starts: after `- ` for the first key of a list item. */
function keyColumn(l: Line): number {
  const m = /^( *)((?:- +)*)/.exec(l.text)!;
  return m[1]!.length + m[2]!.length;
}

function keyOf(l: Line): string {
  return /^ *(?:- +)*([^:#]+?)\s*:/.exec(l.text)?.[1] ?? l.text.trim();
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/** The message and span for each YAML error, related errors of one mistake reported once. */
export function plainYamlErrors(source: string, errors: readonly RawError[]): PlainYamlError[] {
  const out: PlainYamlError[] = [];
  const seenLines = new Set<number>();
  for (const e of errors) {
    const p = plain(source, e, errors);
    if (!p) continue;
    const line = lineAt(source, p.start).start;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    out.push(p);
  }
  return out;
}

function plain(source: string, e: RawError, all: readonly RawError[]): PlainYamlError | undefined {
  const at = e.pos[0];
  const line = lineAt(source, at);
  const whole = (l: Line, message: string): PlainYamlError => ({ start: l.content, end: Math.max(l.end, l.content + 1), message });

  if (e.code === 'TAB_AS_INDENT') {
    const tabs = /^[ \t]*/.exec(line.text)![0].length;
    return { start: line.start, end: line.start + Math.max(1, tabs), message: 'indentation: YAML does not allow tabs for indentation; indent with spaces' };
  }
  if (e.code === 'MISSING_CHAR' && /without - indicator/.test(e.message)) {
    const above = prevLine(source, line);
    const want = above ? keyColumn(above) : 0;
    return whole(
      line,
      `indentation: "${keyOf(line)}" is indented ${spaces(line.indent)}, but "${above ? keyOf(above) : ''}" above it ${want > line.indent ? 'starts further right' : 'starts further left'} (${spaces(want)}): keys of one entry line up under each other`,
    );
  }
  if (e.code === 'BAD_INDENT' && /sequence items/.test(e.message)) {
    const above = prevLine(source, line);
    return whole(line, `indentation: this list item's "-" is indented ${spaces(line.indent)}; the other items of this list start at a different column: line up the dashes`.replace(' at a different column', above ? ` at ${spaces(findItemIndent(source, line) ?? above.indent)}` : ' elsewhere'));
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    const multi = all.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY' && x.pos[0] <= at && x.pos[1] >= at);
    if (multi) {
      const next = source.indexOf('\n', multi.pos[0]);
      if (next >= 0 && next < multi.pos[1]) {
        const below = lineAt(source, next + 1);
        const keyLine = lineAt(source, multi.pos[0]);
        if (below.indent > keyColumn(keyLine) || (e.code === 'BLOCK_AS_IMPLICIT_KEY' && below.indent > keyLine.indent)) {
          return whole(
            below,
            `indentation: "${keyOf(below)}" is indented ${spaces(below.indent)}, deeper than "${keyOf(keyLine)}" (${spaces(keyColumn(keyLine))}) above it, so YAML reads it as part of that value: line them up`,
          );
        }
        return whole(keyLine, `"${keyLine.text.trim()}" has no ":" after its key: write "key: value"`);
      }
    }
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
      const colon = line.text.indexOf(': ');
      const valueStart = colon >= 0 ? line.start + colon + 2 : at;
      return { start: valueStart, end: Math.max(line.end, valueStart + 1), message: `a value that contains ": " must be quoted: ${keyOf(line)}: "${source.slice(valueStart, line.end).replace(/"/g, '\\"')}"` };
    }
  }
  if (e.code === 'BAD_SCALAR_START') {
    const ch = source[at] ?? '';
    return { start: at, end: Math.max(line.end, at + 1), message: `a value cannot start with ${ch} unless it is quoted: write "${source.slice(at, line.end).replace(/"/g, '\\"')}"` };
  }
  // Anything else: the yaml library's words, on the whole token at the error.
  const tokenEnd = Math.max(e.pos[1], at + (/^\S*/.exec(source.slice(at))![0].length || 1));
  return { start: at, end: Math.min(tokenEnd, Math.max(line.end, at + 1)), message: `YAML: ${e.message.replace(/\s+/g, ' ').trim()}` };
}

/** The indentation of the first item of the list a misplaced `-` belongs to. */
function findItemIndent(source: string, line: Line): number | undefined {
  let l: Line | undefined = prevLine(source, line);
  let found: number | undefined;
  while (l) {
    if (/^ *- /.test(l.text)) found = l.indent;
    else if (l.indent < line.indent - 2 || (found !== undefined && l.indent < found)) break;
    l = prevLine(source, l);
  }
  return found;
}
