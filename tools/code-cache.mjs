// Part of `npm run build` (esbuild.mjs): makes V8 code caches for the CLI and language server bundles by running
// each once on a file of examples/, the way a first answer runs (server/src/boot/runBundle.ts writes the cache
// when the process exits, with the bytecode of every function the run compiled):
// - dist/cli-bundle.js.cache: `cilium-lint` on examples/legacy-1.13-values.yaml;
// - dist/server-bundle.js.cache: initialize, open that file, wait for its diagnostics, shut down.
// A failure here never fails the build: without a cache the bundles are compiled as usual.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 60_000;

function frame(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Runs the language server through its first diagnostics for `file`, then shuts it down. */
function serverSession(dist, file, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], {
      env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const uri = pathToFileURL(file).href;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the language server gave no diagnostics in time'));
    }, TIMEOUT_MS);
    let buffered = Buffer.alloc(0);
    let done = false;
    child.stdout.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffered.subarray(0, end).toString('ascii'))?.[1]);
        if (buffered.length < end + 4 + length) return;
        const message = JSON.parse(buffered.subarray(end + 4, end + 4 + length).toString('utf8'));
        buffered = buffered.subarray(end + 4 + length);
        if (message.id === 1 && !done) {
          child.stdin.write(frame({ method: 'initialized', params: {} }));
          child.stdin.write(
            frame({
              method: 'textDocument/didOpen',
              params: { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } },
            }),
          );
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri && !done) {
          done = true;
          child.stdin.write(frame({ id: 2, method: 'shutdown' }));
        } else if (message.id === 2) {
          child.stdin.write(frame({ method: 'exit' }));
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (done) resolve();
      else reject(new Error(`the language server exited (${code}) before its diagnostics`));
    });
    child.stdin.write(
      frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }),
    );
  });
}

/** Writes dist/cli-bundle.js.cache and dist/server-bundle.js.cache; warns (never throws) when it cannot. */
export async function makeCodeCaches(dist, root) {
  const file = path.join(root, 'examples', 'legacy-1.13-values.yaml');
  const cliCache = path.join(dist, 'cli-bundle.js.cache');
  const serverCache = path.join(dist, 'server-bundle.js.cache');
  // Nothing is deleted first: each cache is replaced by a rename, and one left from another bundle is never used
  // (it carries that bundle's digest), so processes starting meanwhile (tests in parallel) always read a whole file.
  try {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--jobs', '1', file], {
      env: { ...process.env, CILIUM_CODE_CACHE_OUT: cliCache },
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    });
    if (r.status === null || r.status > 2) throw new Error(`cilium-lint exited with ${r.status}: ${r.stderr}`);
    await serverSession(dist, file, { ...process.env, CILIUM_CODE_CACHE_OUT: serverCache });
  } catch (e) {
    console.warn(
      `build: no V8 code cache (${e instanceof Error ? e.message : String(e)}); the bundles still run, only start slower`,
    );
  }
}
