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

/** The whole content behind an open descriptor, from the start. */
function readFd(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) return Buffer.concat(chunks, pos);
    chunks.push(buf.subarray(0, n));
    pos += n;
  }
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Write `bytes` to a new temp file beside `target` with its mode and owner, or throw. */
function tempBeside(target: string, bytes: Buffer, st: fs.Stats): string {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.brandlint-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { mode: st.mode & 0o7777, flag: 'wx' });
    fs.chmodSync(tmp, st.mode & 0o7777); // writeFileSync's mode is filtered by the umask
    // The owner is kept (root fixing a user's file), or the file is not replaced (EPERM below).
    if (fs.statSync(tmp).uid !== st.uid || fs.statSync(tmp).gid !== st.gid) fs.chownSync(tmp, st.uid, st.gid);
    return tmp;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Milliseconds a writer that already had the old file open is given to finish its write. */
const GRACE_MS = 3;
function graceWait(): void {
  Atomics.wait(pause, 0, 0, GRACE_MS);
}

/**
 * Put back the old file's content (which holds a concurrent write) in place of the fixed one, with
 * whatever was appended to the fixed one meanwhile; `fixedFd` is the fixed file, open. The fixed
 * file is checked again after it is replaced, like the original was.
 */
function restore(target: string, fixedFd: number, old: Buffer, next: Buffer, st: fs.Stats): void {
  try {
    const now = readFd(fixedFd);
    const extra = now.length > next.length && now.subarray(0, next.length).equals(next) ? now.subarray(next.length) : Buffer.alloc(0);
    fs.renameSync(tempBeside(target, Buffer.concat([old, extra]), st), target);
    graceWait();
    // Appended to the fixed file while it was being put back: append that to the restored one.
    const later = readFd(fixedFd);
    if (later.length > now.length) fs.appendFileSync(target, later.subarray(now.length));
  } finally {
    fs.closeSync(fixedFd);
  }
}

/**
 * Replace a file's content atomically: a temp file beside it (same file system, so rename is
 * atomic) with the original's mode and owner, renamed over it. Refuses a read-only file, a file with
 * other hard links (a new inode would split them), one whose owner cannot be kept, and one whose
 * bytes are no longer the ones that were linted.
 *
 * The compare-then-rename window: a writer that opened the file before the rename and wrote after
 * the compare wrote into the old inode, which is still open here. It is read again after the
 * rename; if it changed, the old content with that write is put back (keeping anything appended
 * to the new file meanwhile) and the fix is not applied. No concurrent write is lost.
 */
export function writeAtomically(file: string, original: Buffer, next: Buffer): WriteOutcome {
  let target: string;
  let fd: number;
  try {
    // Write through a symlink to its target, keeping the link.
    target = fs.realpathSync(file);
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: `cannot re-read before writing (${errCode(e)})` };
  }
  let tmp: string | undefined;
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'no longer a regular file; not written' };
    // root may write anything: the mode bits say whether the owner meant it to be written.
    let writable = (st.mode & 0o222) !== 0;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) return { ok: false, reason: 'read-only; not fixed (its findings are reported)' };
    if (st.nlink > 1) return { ok: false, reason: `has ${st.nlink} hard links; not fixed (replacing it would split them)` };
    try {
      tmp = tempBeside(target, next, st);
    } catch (e) {
      const code = errCode(e);
      return { ok: false, reason: code === 'EPERM' ? 'owned by another user, whose ownership cannot be kept; not fixed' : `cannot write (${code})` };
    }
    if (!readFd(fd).equals(original)) return { ok: false, reason: 'changed on disk since it was read; not written (run again)' };
    fs.renameSync(tmp, target);
    tmp = undefined;
    // A writer that opened the old file just before the rename writes a moment later: wait a little.
    graceWait();
    const old = readFd(fd);
    if (old.equals(original)) return { ok: true };
    restore(target, fs.openSync(target, fs.constants.O_RDONLY), old, next, st);
    return { ok: false, reason: 'changed on disk while it was being fixed; not written (run again)' };
  } catch (e) {
    return { ok: false, reason: `cannot write (${errCode(e)})` };
  } finally {
    fs.closeSync(fd);
    if (tmp) fs.rmSync(tmp, { force: true });
  }
}
