import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes. main() passes the process's; tests may pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** A bad command line: the message is printed with a hint to --help, and the exit code is 2. */
export class UsageError extends Error {}

/** Exit codes, the contract CI scripts rely on. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

export function notice(io: CliIo, message: string): void {
  io.stderr.write(`brandlint: ${message}\n`);
}

/** Write and wait until the stream has taken it (process exit must not cut a large report short). */
export function writeAll(stream: Writable, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text.length === 0) return resolve();
    quietOnClosedPipe(stream);
    // A reader that went away (`brandlint | head`) is not a failure: stop writing, keep the exit code.
    stream.write(text, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
  });
}

const guarded = new WeakSet<Writable>();
function quietOnClosedPipe(stream: Writable): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

/** Everything the stream gives, or undefined as soon as it passes `max` bytes (memory stays bounded). */
export async function readAll(stream: Readable, max = Infinity): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > max) {
      stream.destroy();
      return undefined;
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}
