// micromark (remark) reads MDX; it merges the adjacent `data` events of a paragraph with one
// Array.splice per line, so its cost grows with the square of the lines in one paragraph: a 2 MB file
// of 116,000 short lines and no blank line took three minutes in resolveAllText. Runs of lines that
// cannot change the block structure when joined are given to micromark with their line endings as
// spaces (one char for one char, so every offset holds), and unjoin() puts the line endings back
// into the block text. (The Markdown front end, lezer, is linear and needs none of this.)
import type { Mark } from '../types.js';
import { unicodeRegExp } from '../text/unicode-regexp.js';

/** Runs of at least this many plain lines are joined. */
export const LONG_RUN = 200;

/** Where joinLongRuns blanked the line endings of `source` (1 at each blanked char). */
export interface JoinedRuns {
  source: string;
  at: Uint8Array;
}

/**
 * Line endings inside long runs of "plain" lines blanked to spaces, or undefined when there is no
 * such run. A plain line starts at column 0 with a letter, so it can only continue what the line
 * before it is in (a paragraph, a lazy continuation, a code or HTML block); it holds no `|` (a
 * table row), no `>` (the end of an HTML block or comment), does not start an MDX import/export,
 * and does not end in a hard break (trailing blanks or `\`). Front matter is left alone.
 */
export function joinLongRuns(source: string, minRun: number): { text: string; at: Uint8Array } | undefined {
  if (source.length < minRun * 2) return undefined;
  let from = 0;
  const fence = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n?|\n)/.exec(source);
  if (fence) {
    const close = new RegExp(`[\\r\\n]${fence[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n?|\\n|$)`, 'g');
    close.lastIndex = fence[0].length - 1;
    const m = close.exec(source);
    if (m) from = m.index + m[0].length;
  }
  // Line starts, and for each line whether it is plain and where its line ending starts.
  const ends: number[] = []; // line ending offsets of consecutive plain lines in the current run
  let at: Uint8Array | undefined;
  let chars: string[] | undefined;
  const flush = (): void => {
    // ends[k] is the line ending after plain line k; joining needs the line after it to be plain too,
    // so the last ending of a run (after its last plain line) is kept.
    if (ends.length - 1 >= minRun) {
      at ??= new Uint8Array(source.length);
      chars ??= source.split('');
      for (let k = 0; k < ends.length - 1; k++) {
        for (let i = ends[k]!; i < source.length && (source[i] === '\r' || source[i] === '\n'); i++) {
          chars[i] = ' ';
          at[i] = 1;
          if (source[i] === '\n') break;
          if (source[i + 1] !== '\n') break; // a lone CR
        }
      }
    }
    ends.length = 0;
  };
  let start = from;
  while (start < source.length) {
    let end = start;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    if (end >= source.length) {
      // The last line has no ending to blank; it may still be joined to the line before.
      if (plainLine(source, start, end)) ends.push(end);
      break;
    }
    if (plainLine(source, start, end)) ends.push(end);
    else flush();
    start = source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  flush();
  return at && chars ? { text: chars.join(''), at } : undefined;
}

const LETTER = unicodeRegExp(String.raw`\p{L}`, 'uy');
const ESM = /(?:import|export)\b/y;

function plainLine(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  LETTER.lastIndex = start;
  if (!LETTER.test(s)) return false;
  const last = s.charCodeAt(end - 1);
  if (last === 32 || last === 9 || last === 92 /* \ */) return false;
  ESM.lastIndex = start;
  if (ESM.test(s)) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 124 /* | */ || c === 62 /* > */) return false;
  }
  return true;
}

/**
 * Put back the line endings joinLongRuns blanked: as the parser writes them in block text, '\n'
 * mapped to the '\n' (of a CRLF, whose '\r' has no char of its own) or to a lone '\r'.
 */
export function unjoin(b: { text: string; map: Int32Array; marks: Mark[] }, j: JoinedRuns): { text: string; map: Int32Array; marks: Mark[] } {
  const { text, map, marks } = b;
  let touched = false;
  for (let i = 0; i < map.length && !touched; i++) touched = j.at[map[i]!] === 1;
  if (!touched) return b;
  let out = '';
  const keep: number[] = [];
  const moved = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    moved[i] = keep.length;
    const o = map[i]!;
    if (j.at[o] !== 1) {
      out += text[i];
      keep.push(o);
      continue;
    }
    // A blanked CR of a CRLF: the '\n' right after it stands for the line ending.
    if (j.source[o] === '\r' && j.source[o + 1] === '\n') continue;
    out += '\n';
    keep.push(o);
  }
  moved[text.length] = keep.length;
  return { text: out, map: Int32Array.from(keep), marks: marks.map((m) => ({ kind: m.kind, at: moved[m.at]! })) };
}
