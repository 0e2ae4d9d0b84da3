// Types for the tests that import scripts/bundle-options.mjs.
export const root: string;
export const nodeBundle: Record<string, unknown>;
export const importMetaUrlFromFilename: { define: Record<string, string>; banner: { js: string } };
export function asciiOnly(code: string): string;
export const LAZY_PACKAGES: string[];
export const lazyChunks: { name: string; setup(build: unknown): void };
export function lazyChunkBuilds(dir: string): Array<Record<string, unknown>>;
