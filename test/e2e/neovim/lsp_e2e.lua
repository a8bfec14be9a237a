-- Headless Neovim (0.7+) with the documented setup (editors/neovim/cilium-config.lua) driving dist/server.js
-- over stdio: diagnostics, hover, code lens, explanation, go-to-definition into the chart's values.yaml served by
-- the server, and the bpf.masquerade quick-fix applied and written to disk.
-- Usage: SERVER_JS=... VALUES=... SETUP_LUA=... nvim --headless -u NONE -c 'luafile lsp_e2e.lua'
local server = assert(os.getenv('SERVER_JS'), 'SERVER_JS not set')
local values = assert(os.getenv('VALUES'), 'VALUES not set')
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg) out('FAIL: ' .. msg); vim.cmd('cquit 1') end

local published = nil
local on_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and #result.diagnostics > 0 then published = result end
  return on_publish(err, result, ctx, config)
end

-- The documented setup (docs/editors.md), exactly as a user loads it.
vim.cmd('filetype on')
dofile(assert(os.getenv('SETUP_LUA'), 'SETUP_LUA not set')).setup({ cmd = { 'node', server, '--stdio' }, codelens = false })

vim.cmd('edit ' .. values)
local bufnr = vim.api.nvim_get_current_buf()
if not vim.wait(10000, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 20) then return fail('the setup attached no client to the YAML buffer') end

if not vim.wait(20000, function() return published ~= nil end, 20) then return fail('no diagnostics within 20s') end

local masq
for _, d in ipairs(published.diagnostics) do
  out(('DIAG %d:%d %s %s'):format(d.range.start.line + 1, d.range.start.character + 1, tostring(d.code), d.message))
  if d.code == 'host-routing-iptables-masquerade' then masq = d end
end
if not masq then return fail('no host-routing-iptables-masquerade diagnostic') end
-- What Neovim itself shows for the buffer (its diagnostic store, fed by the handler above).
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(('NVIM %d:%d [%s] %s'):format(d.lnum + 1, d.col + 1, tostring(d.source), d.message:gsub('\n.*', '')))
end

-- Hover on `endpointRoutes` (line 6 of the file, 0-based 5).
local hover_params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 5, character = 2 } }
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', hover_params, 10000)
local hover
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then hover = r.result.contents.value or vim.inspect(r.result.contents) end
end
if not hover then return fail('no hover') end
out('HOVER ' .. hover:gsub('\n.*', ''))

-- The code lens (the `cilium status` preview) and the explanation behind it (what running the lens does in an
-- editor without its own `cilium.explain`: workspace/executeCommand answers with Markdown).
local lenses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 10000)
for _, r in pairs(lenses or {}) do
  for _, l in ipairs(r.result or {}) do out(('LENS %d %s -> %s'):format(l.range.start.line + 1, l.command.title, l.command.command)) end
end
local explained = vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', { command = 'cilium.explain', arguments = { vim.uri_from_bufnr(bufnr) } }, 10000)
for _, r in pairs(explained or {}) do
  if type(r.result) == 'string' then out('EXPLAIN ' .. r.result:gsub('\n.*', '')) end
end
-- The rendered cilium-config (the custom request the README's :CiliumRendered command sends).
local rendered = vim.lsp.buf_request_sync(bufnr, 'cilium/renderedConfig', { uri = vim.uri_from_bufnr(bufnr) }, 10000)
for _, r in pairs(rendered or {}) do
  if r.result and type(r.result.yaml) == 'string' then
    for _, line in ipairs(vim.split(r.result.yaml, '\n')) do
      if line:find('enable-endpoint-routes:', 1, true) then out('RENDERED' .. line) end
    end
  end
end

-- Go to definition on `preallocateMaps` (line 10, 0-based 9): the 1.13 chart's values.yaml, read from the server.
local defs = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 9, character = 4 } }, 10000)
local location
for _, r in pairs(defs or {}) do
  if r.result then location = r.result[1] or r.result end
end
if not location then return fail('no definition') end
vim.lsp.util.jump_to_location(location, 'utf-16')
local here = vim.api.nvim_win_get_cursor(0)
out(('DEF %s %d %s'):format(vim.api.nvim_buf_get_name(0), here[1], vim.api.nvim_get_current_line()))
out('DEFBUF ' .. vim.api.nvim_buf_get_option(0, 'filetype') .. ' modifiable=' .. tostring(vim.api.nvim_buf_get_option(0, 'modifiable')) .. ' lines=' .. vim.api.nvim_buf_line_count(0))
vim.cmd('buffer ' .. bufnr)

-- The quick-fix for the iptables masquerading finding.
local action_params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = masq.range,
  context = { diagnostics = { masq } },
}
local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', action_params, 10000)
local chosen
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    out('ACTION ' .. a.title)
    if not chosen and a.title:find('bpf.masquerade', 1, true) then chosen = a end
  end
end
if not chosen then return fail('no bpf.masquerade quick-fix') end
vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
vim.cmd('write')
out('APPLIED ' .. chosen.title)
out('PASS')
vim.cmd('qall!')
