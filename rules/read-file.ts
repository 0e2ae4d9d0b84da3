// Every file a repository hands brandlint (guides, what they extend, copy, the cache, .gitignore) is
// read through here: opened without blocking (a FIFO would wait forever for a writer), checked on
// the opened descriptor to be a regular file (no stat-then-open window), and read no further than
// the size limit (a /dev/zero or a file that grows while read cannot exhaust memory).
import fs from 'node:fs';
import { formatSize } from './limits.js';

/** Why a file was not read: not a regular file, or over the limit. `code` as Node's errors carry it. */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code: 'ENOTREG' | 'EFBIG',
  ) {
    super(message);
  }
}

/** What a non-regular file is, in words. */
export function fileKind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer. It has no
// effect on regular files. Windows has no such flag (and no FIFOs in the file system).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file of at most `maxSize` bytes. Throws FileReadError for anything else
 * (a folder, FIFO, device or socket; a file over the limit, checked before reading and again while
 * reading), and Node's own errors (ENOENT, EACCES…) as they come.
 */
export function readRegularFile(file: string, maxSize: number): { bytes: Buffer; stats: fs.Stats } {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError(`${fileKind(stats)}, not a regular file`, 'ENOTREG');
    if (stats.size > maxSize) throw tooBig(stats.size, maxSize);
    // Read to the end, not to stats.size: the file may have grown (or shrunk) since fstat.
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 64 * 1024), maxSize + 1));
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxSize) throw tooBig(total, maxSize, true);
      chunks.push(chunk.subarray(0, n));
      if (n === chunk.length) chunk = Buffer.allocUnsafe(Math.min(chunk.length, maxSize + 1 - total));
      else chunk = chunk.subarray(n);
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), stats };
  } finally {
    fs.closeSync(fd);
  }
}

function tooBig(size: number, maxSize: number, grew = false): FileReadError {
  const what = grew ? `over ${formatSize(size)} (it grew while read)` : formatSize(size);
  return new FileReadError(`larger than the ${formatSize(maxSize)} limit (${what})`, 'EFBIG');
}

/** An error from reading a file, in words (for messages that name the file themselves). */
export function readErrorReason(e: unknown): string {
  if (e instanceof FileReadError) return e.message;
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return e instanceof Error ? e.message : String(e);
}
