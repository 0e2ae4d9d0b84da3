// What the core refuses to lint, shared by the CLI (on bytes) and the language server (on text).
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Why a document's text is not linted (binary, or over the size limit), or undefined. */
export function skipReason(text: string, maxSize = DEFAULT_MAX_FILE_SIZE): string | undefined {
  if (text.length > maxSize / 4) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > maxSize) return `larger than the ${formatSize(maxSize)} limit (${formatSize(size)})`;
  }
  if (text.includes('\u0000')) return 'binary (contains NUL bytes)';
  return undefined;
}

/**
 * A guide file (and each file it extends) larger than this is refused before it is read: a
 * repository's brand.yaml is data brandlint parses in full, so its size must be bounded too.
 * Generous: a 40,000-entry guide is about 1.5 MB.
 */
export const MAX_GUIDE_SIZE = 8 * 1024 * 1024;
