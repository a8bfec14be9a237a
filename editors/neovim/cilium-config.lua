-- Cilium Config for Neovim 0.7 and newer, with or without nvim-lspconfig: starts the language server for YAML
-- buffers (one client per project root), opens the read-only documents the server serves (Go to Definition lands
-- in `cilium-chart:/1.18/values.yaml`, rule links in `cilium-docs:/rules/<id>.md`), keeps code lenses fresh and
-- adds :CiliumExplain. Uses only APIs Neovim 0.7 has (no vim.fs, no vim.lsp.start), and vim.lsp.start when present.
--
--   dofile('/path/to/cilium-config/editors/neovim/cilium-config.lua').setup({
--     cmd = { 'node', '/path/to/cilium-config/dist/server.js', '--stdio' },
--     settings = { version = 'auto' },          -- optional: initializationOptions.settings
--     start = true,                             -- false: nvim-lspconfig starts the server, this adds the rest
--   })
local M = {}

local NAME = 'cilium-config'
local clients = {} -- root directory -> client id (Neovim 0.7 path)

-- The project root of a file: the folder holding .git (a folder, or a file in worktrees), else the file's folder.
local function root_of(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local git = vim.fn.finddir('.git', dir .. ';')
  if git == '' then git = vim.fn.findfile('.git', dir .. ';') end
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return dir
end

local function any_client()
  local list = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, c in pairs(list) do
    if c.name == NAME then return c end
  end
end

-- A `cilium-chart:` or `cilium-docs:` buffer: its text comes from the server (request cilium/virtualDocument).
-- The autocmd patterns hold a '/' so Neovim matches them against the whole name, not only its tail.
local function read_virtual(args)
  local buf = args.buf
  local uri = args.match
  local client = any_client()
  local lines = { 'Cilium Config: the language server is not running, so ' .. uri .. ' cannot be shown.' }
  if client then
    local r = client.request_sync('cilium/virtualDocument', { uri = uri }, 10000, buf)
    if r and r.result and type(r.result.text) == 'string' then lines = vim.split(r.result.text, '\n', { plain = true }) end
  end
  vim.api.nvim_buf_set_option(buf, 'modifiable', true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.api.nvim_buf_set_option(buf, 'buftype', 'nofile')
  vim.api.nvim_buf_set_option(buf, 'swapfile', false)
  vim.api.nvim_buf_set_option(buf, 'modifiable', false)
  vim.api.nvim_buf_set_option(buf, 'readonly', true)
  vim.api.nvim_buf_set_option(buf, 'filetype', uri:match('%.md$') and 'markdown' or 'yaml')
end

local function start(buf, opts)
  local file = vim.api.nvim_buf_get_name(buf)
  if file == '' or file:match('^cilium%-') then return end
  local root = root_of(file)
  local config = {
    name = NAME,
    cmd = opts.cmd,
    root_dir = root,
    init_options = { settings = opts.settings or { version = 'auto' } },
    settings = opts.workspace_settings,
  }
  if vim.lsp.start then return vim.lsp.start(config, { bufnr = buf }) end
  -- Neovim 0.7: start one client per root and attach it to each YAML buffer below that root.
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(buf, id) end
  return id
end

function M.setup(opts)
  opts = opts or {}
  local starts = opts.start ~= false
  assert(opts.cmd or not starts, 'cilium-config: setup needs cmd, for example { "node", "/path/to/dist/server.js", "--stdio" }')
  local group = vim.api.nvim_create_augroup('cilium-config', { clear = true })
  if starts then
    vim.api.nvim_create_autocmd('FileType', { group = group, pattern = 'yaml', callback = function(args) start(args.buf, opts) end })
  end
  vim.api.nvim_create_autocmd('BufReadCmd', { group = group, pattern = { 'cilium-chart://*', 'cilium-docs://*' }, callback = read_virtual })
  if opts.codelens ~= false then
    vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave' }, {
      group = group,
      pattern = { '*.yaml', '*.yml' },
      callback = function() pcall(vim.lsp.codelens.refresh) end,
    })
  end
  vim.api.nvim_create_user_command('CiliumExplain', function()
    local params = { command = 'cilium.explain', arguments = { vim.uri_from_bufnr(0) } }
    vim.lsp.buf_request(0, 'workspace/executeCommand', params, function(err, markdown)
      if err or type(markdown) ~= 'string' then return vim.notify(err and err.message or 'no answer', vim.log.levels.WARN) end
      vim.lsp.util.open_floating_preview(vim.split(markdown, '\n', { plain = true }), 'markdown', { border = 'rounded' })
    end)
  end, {})
  -- A YAML buffer already open when setup runs.
  for _, buf in ipairs(starts and vim.api.nvim_list_bufs() or {}) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.api.nvim_buf_get_option(buf, 'filetype') == 'yaml' then start(buf, opts) end
  end
  return M
end

return M
