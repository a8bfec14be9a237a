// End-to-end in a real editor: headless Neovim's built-in LSP client against dist/server.js --stdio.
// .ci/run installs Neovim; without it this test fails with a message saying so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ensureBuilt, SERVER } from '../lsp/client';

const VALUES = [
  '# cilium-version: 1.13',
  '# Staging cluster: do not remove this comment',
  'kubeProxyReplacement: strict',
  'k8sServiceHost: 10.0.0.10',
  'k8sServicePort: 6443',
  'endpointRoutes:',
  '  enabled: true # per-endpoint routes',
  'enableIPv4Masquerade: true',
  'bpf:',
  '  preallocateMaps: true',
  '',
].join('\n');

describe('Neovim end-to-end', () => {
  it('with the documented setup: both fallback diagnostics, a hover, the code lenses and explanation, go-to-definition into the chart, and the bpf.masquerade quick-fix written to the file', () => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'Neovim (nvim) is not installed: run .ci/neovim-setup.sh (apt-get install neovim)');
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'cilium-nvim-'));
    const file = join(dir, 'values.yaml');
    writeFileSync(file, VALUES);
    const r = spawnSync(
      'nvim',
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve('test/e2e/neovim/lsp_e2e.lua')}`],
      {
        encoding: 'utf8',
        timeout: 60000,
        env: {
          ...process.env,
          SERVER_JS: resolve(SERVER),
          VALUES: file,
          SETUP_LUA: resolve('editors/neovim/cilium-config.lua'),
          XDG_STATE_HOME: dir,
          XDG_DATA_HOME: dir,
          XDG_CONFIG_HOME: dir,
        },
      },
    );
    const output = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, `nvim exited with ${r.status}:\n${output}`);
    assert.match(
      output,
      /DIAG 7:3 host-routing-endpoint-routes Per-endpoint routes make Host Routing Legacy on Cilium 1\.13; from 1\.14 both work together\.$/m,
    );
    assert.match(output, /DIAG 8:1 host-routing-iptables-masquerade/);
    assert.equal(output.match(/^NVIM /gm)?.length, 2, 'Neovim shows exactly the two diagnostics');
    assert.match(output, /NVIM 7:3 \[cilium\] Per-endpoint routes make Host Routing Legacy/);
    assert.match(output, /HOVER \*\*endpointRoutes\*\*/);
    assert.match(
      output,
      /LENS 3 Host Routing Legacy · Masq IPTables — KubeProxyReplacement: Strict · Masquerading: IPTables.* -> cilium\.explain/,
    );
    assert.match(output, /LENS 3 Cilium 1\.13 · comment -> cilium\.selectVersion/);
    // Go to definition opens the 1.13 chart's values.yaml, served by the server, at the key.
    const def = /DEF (\S+) (\d+) (.*)/.exec(output);
    assert.ok(def, output);
    assert.equal(def[1], 'cilium-chart:///1.13/values.yaml');
    assert.match(def[3], /^\s*preallocateMaps:/);
    assert.match(output, /DEFBUF yaml modifiable=false lines=\d{4}/);
    assert.match(output, /EXPLAIN # Cilium datapath/);
    assert.match(
      output,
      /RENDERED {2}enable-endpoint-routes: "true" {2}# your value: endpointRoutes\.enabled \(line 7\)/,
    );
    assert.match(output, /APPLIED Set bpf\.masquerade: true/);
    const after = readFileSync(file, 'utf8');
    // bpf.masquerade lands under the existing `bpf:` block; every comment and every other line is unchanged.
    assert.match(after, /\nbpf:\n {2}preallocateMaps: true\n {2}masquerade: true\n/);
    assert.match(after, /# Staging cluster: do not remove this comment/);
    assert.match(after, /enabled: true # per-endpoint routes/);
    assert.equal(after, VALUES.replace('  preallocateMaps: true\n', '  preallocateMaps: true\n  masquerade: true\n'));
  });
});
