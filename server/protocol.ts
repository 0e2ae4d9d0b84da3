// What the client and the server say to each other beyond LSP itself. Shared by client/extension.ts
// and the server, so the two cannot drift apart; it imports nothing, so the client bundle stays small.

/** The server's notification of one document's state, for the status bar. */
export const STATUS_NOTIFICATION = 'brandlint/status';

/** What the status bar shows for one document. */
export interface Status {
  uri: string;
  /** `loading`: its guide is being read (a large one is read off the request path). */
  state: 'ok' | 'stale' | 'error' | 'none' | 'disabled' | 'skipped' | 'loading';
  guide?: string;
  brand?: string;
  message: string;
  findings?: number;
}

/** The code action kind of "Fix all brandlint problems" (offered in the Ctrl+. menu and on save). */
export const FIX_ALL_KIND = 'source.fixAll.brandlint';
/** The server command behind the client's `brandlint.fixAll`: its argument is the document's URI. */
export const FIX_ALL_COMMAND = 'brandlint.server.fixAll';
