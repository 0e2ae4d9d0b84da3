// Neovim (headless, its built-in LSP client) as a second real editor for brandlint-ls.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SERVER_BUILT, workspace } from '../lsp/client.js';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const HAVE_NVIM = NVIM.status === 0;
if (!HAVE_NVIM) console.warn('test/e2e/nvim: skipped, Neovim is not installed (apt-get install neovim)');

describe.skipIf(!HAVE_NVIM || !SERVER_BUILT)(
  `Neovim headless with brandlint-ls${HAVE_NVIM ? (SERVER_BUILT ? '' : ' — skipped: run npm run build first') : ' — skipped: Neovim is not installed (apt-get install neovim)'}`, () => {
  it('shows brandlint diagnostics and applies the preferred quick fix', () => {
    const guide = fs.readFileSync(path.join(ROOT, 'samples/brand.yaml'), 'utf8');
    const dir = workspace({ 'brand.yaml': guide, 'copy.md': '# Launch\n\nWe utilize our platform every day.\n' });
    const out = path.join(dir, 'result.json');
    const xdg = (n: string) => path.join(dir, '.nvim', n);
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(ROOT, 'test/e2e/nvim/init.lua'), path.join(dir, 'copy.md')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      // Keep Neovim's log and state out of $HOME.
      env: { ...process.env, OUT: out, SERVER: path.join(ROOT, 'bin/brandlint-ls.js'), XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state') },
    });
    const result = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : { error: `no result (rc ${r.status}) ${r.stderr}` };
    expect(result.error, JSON.stringify(result)).toBeUndefined();
    expect(result.steps).toEqual(['attached', 'diagnostics', 'codeActions', 'applied']);
    const banned = result.diagnostics.find((d: { code: string }) => d.code === 'banned');
    expect(banned).toMatchObject({ lnum: 2, col: 3, end_col: 10, source: 'brandlint' });
    expect(result.code_actions[0]).toMatchObject({ title: 'Replace with "use"', isPreferred: true, kind: 'quickfix' });
    expect(result.line_after_fix).toBe('We use our platform every day.');
    expect(result.diagnostics_after_fix).toBeLessThan(result.diagnostics_before_fix);
    expect(r.status).toBe(0);
  });
});
