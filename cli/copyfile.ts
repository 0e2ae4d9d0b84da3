import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileReadError, readRegularFile } from '../rules/read-file.js';

const BOM = '\uFEFF';

export type ReadResult =
  | {
      ok: true;
      /** Text to lint: decoded UTF-8 without a leading BOM. */
      text: string;
      bom: boolean;
      /** The bytes as read, to tell later whether the file changed on disk. */
      bytes: Buffer;
      /** Not valid UTF-8: linted with U+FFFD in place of bad bytes, and never rewritten. */
      invalidUtf8: boolean;
      mode: number;
    }
  | {
      ok: false;
      reason: string;
      /** It could not be read at all (missing, permission, not a regular file), as opposed to skipped by choice (size, binary). */
      unreadable: boolean;
    };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function readCopyFile(file: string, maxSize: number): ReadResult {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    // Opened once: the checks (regular file, size) are on the descriptor that is read.
    ({ bytes, stats: stat } = readRegularFile(file, maxSize));
  } catch (e) {
    if (e instanceof FileReadError && e.code === 'EFBIG') return { ok: false, reason: `${e.message}; raise --max-file-size to lint it`, unreadable: false };
    if (e instanceof FileReadError) return { ok: false, reason: `cannot read (${e.message})`, unreadable: true };
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, unreadable: true };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary (contains NUL bytes)', unreadable: false };
  const { text, bom, invalidUtf8 } = decode(bytes);
  return { ok: true, text, bom, bytes, invalidUtf8, mode: stat.mode & 0o7777 };
}

export function decode(bytes: Buffer): { text: string; bom: boolean; invalidUtf8: boolean } {
  let raw: string;
  let invalidUtf8 = false;
  try {
    raw = strictUtf8.decode(bytes);
  } catch {
    raw = lenientUtf8.decode(bytes);
    invalidUtf8 = true;
  }
  const bom = raw.startsWith(BOM);
  return { text: bom ? raw.slice(1) : raw, bom, invalidUtf8 };
}

export function encode(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? BOM + text : text, 'utf8');
}

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Replace a file's content atomically: write a temp file beside it (same file system, so rename is
 * atomic), give it the original's mode, and rename it over the original. Refuses when the file's
 * bytes are no longer the ones that were linted (an editor or another job wrote it meanwhile).
 */
export function writeAtomically(file: string, original: Buffer, next: Buffer, mode: number): WriteOutcome {
  let target = file;
  try {
    // Write through a symlink to its target, keeping the link.
    target = fs.realpathSync(file);
    const current = fs.readFileSync(target);
    if (!current.equals(original)) return { ok: false, reason: 'changed on disk since it was read; not written (run again)' };
  } catch (e) {
    return { ok: false, reason: `cannot re-read before writing (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.brandlint-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, next, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // writeFileSync's mode is filtered by the umask
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // best effort: the temp file may not exist
    }
    return { ok: false, reason: `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
