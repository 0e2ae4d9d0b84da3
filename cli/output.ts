// --output: the report goes to a regular file, never over the guide or a file being linted (a
// typo such as `-o brand.yaml` would destroy it), and never into a device, FIFO or /proc entry
// (writing there can hang or do harm). Checked on the opened descriptor before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { fileKind } from '../rules/read-file.js';

const SPECIAL_FS = /^\/(?:proc|sys|dev)(?:\/|$)/;

/**
 * Write `text` to `file`, or say why not. `protect` maps files that must not be overwritten to what
 * they are ("the guide"); they are compared by device and inode, so links and other spellings of
 * the same file count.
 */
export function writeReportFile(file: string, text: string, protect: Map<string, string>): string | undefined {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
  let fd: number;
  try {
    // No O_TRUNC: nothing is lost before the checks. O_NONBLOCK: a FIFO with no reader fails at once.
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | (fs.constants.O_NONBLOCK ?? 0), 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENXIO') return 'a named pipe (FIFO), not a regular file';
    if (code === 'EISDIR') return 'a folder, not a regular file';
    return code ?? (e as Error).message;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return `${fileKind(st)}, not a regular file`;
    const real = fs.realpathSync(file);
    if (process.platform !== 'win32' && SPECIAL_FS.test(real)) return `${real} is not a regular file on disk`;
    for (const [p, what] of protect) {
      let other: fs.Stats;
      try {
        other = fs.statSync(p);
      } catch {
        continue;
      }
      if (other.dev === st.dev && other.ino === st.ino) return `it is ${what}; the report would overwrite it`;
    }
    fs.ftruncateSync(fd, 0);
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off, off);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  } finally {
    fs.closeSync(fd);
  }
}
