-- Headless Neovim as an LSP client of brandlint-ls: wait for diagnostics, ask for code actions on
-- the first one, apply the preferred quick fix and wait for the diagnostic to go. Writes what it
-- saw as JSON to $OUT and exits 0 on success.
local out = assert(os.getenv('OUT'))
local server = assert(os.getenv('SERVER'))
local result = { ok = false, steps = {} }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(result.ok and 'qall!' or 'cquit!')
end

local function brandlint_diags(bufnr)
  return vim.tbl_filter(function(d) return d.source == 'brandlint' end, vim.diagnostic.get(bufnr))
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  result.file = vim.api.nvim_buf_get_name(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'brandlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  if not client_id then result.error = 'start_client failed'; return finish() end
  vim.lsp.buf_attach_client(bufnr, client_id)
  table.insert(result.steps, 'attached')

  local got = vim.wait(20000, function() return #brandlint_diags(bufnr) > 0 end, 50)
  local diags = brandlint_diags(bufnr)
  result.diagnostics = diags
  if not got then result.error = 'no brandlint diagnostics within 20s'; return finish() end
  table.insert(result.steps, 'diagnostics')

  local d = diags[1]
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = { { range = range, message = d.message, source = d.source, severity = d.severity, code = d.code } } },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  if not responses then result.error = 'codeAction request failed: ' .. tostring(err); return finish() end
  local actions = {}
  for _, resp in pairs(responses) do for _, a in ipairs(resp.result or {}) do table.insert(actions, a) end end
  result.code_actions = vim.tbl_map(function(a) return { title = a.title, kind = a.kind, isPreferred = a.isPreferred } end, actions)
  local preferred
  for _, a in ipairs(actions) do if a.isPreferred then preferred = a; break end end
  if not preferred then result.error = 'no preferred quick fix'; return finish() end
  table.insert(result.steps, 'codeActions')

  local before = #diags
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.line_after_fix = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  vim.wait(10000, function() return #brandlint_diags(bufnr) < before end, 50)
  result.diagnostics_after_fix = #brandlint_diags(bufnr)
  result.diagnostics_before_fix = before
  result.ok = result.diagnostics_after_fix < before
  table.insert(result.steps, 'applied')
  vim.lsp.stop_client(client_id)
  finish()
end

-- -u init.lua runs before the file argument is loaded: start once Vim has entered.
vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function()
  local ok, e = pcall(run)
  if not ok then result.error = tostring(e); finish() end
end })
vim.defer_fn(function() result.error = result.error or 'global timeout'; finish() end, 50000)
