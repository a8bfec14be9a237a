// Runs test/vscode/suite inside the Node extension host of VS Code's own server (shipped in code-server),
// started with --enable-smoke-test-driver, the way @vscode/test-web does: the workbench loads the extension
// from its folder and the test entry from the `payload` URL, reports console output through
// codeAutomationLog and the result through codeAutomationExit.
// Usage: node exthost.mjs <baseUrl> <extensionDir> <workspaceDir>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';

const [baseUrl, extDir, ws] = process.argv.slice(2);
const t0 = Date.now();
const host = new URL(baseUrl).host;
const remote = (p) => `vscode-remote://${host}${resolve(p)}`;
const payload = [
  ['extensionDevelopmentPath', remote(extDir)],
  ['extensionTestsPath', remote(join(extDir, 'test/vscode/suite/index.js'))],
  ['skipWelcome', 'true'],
];
const url = `${baseUrl}/?folder=${encodeURIComponent(resolve(ws))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const profile = mkdtempSync(join(tmpdir(), 'cilium-exthost-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
let resolveExit;
const exitCode = new Promise((r) => (resolveExit = r));
await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = format(...args);
  if (
    !/ENOTFOUND|open-vsx|AgentHost|ChatModelSelection|api\.github\.com|unresponsive|responsive\.|vsda|authentication provider/.test(
      line,
    )
  )
    console.log(`[exthost ${type}] ${line}`);
});
await page.goto(url);
const code = await Promise.race([exitCode, new Promise((r) => setTimeout(() => r('timeout'), 180000).unref())]);
console.log(`extension-host tests finished: exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
await ctx.close();
rmSync(profile, { recursive: true, force: true });
process.exit(code === 0 ? 0 : 1);
