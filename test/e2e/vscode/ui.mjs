// The real VS Code workbench (code-server) in Chromium, driven like a user: Problems panel, hover, the
// light-bulb quick-fix, a version change, and the status bar. Prints each step; on failure prints what the
// page showed and saves a screenshot.
// Usage: node ui.mjs <baseUrl> <workspaceDir> <screenshotDir>
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, ws, shots] = process.argv.slice(2);
const t0 = Date.now();
const step = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const file = join(ws, 'values.yaml');
const original = readFileSync(file, 'utf8');

const ENDPOINT_ROUTES = 'Per-endpoint routes make Host Routing Legacy';
const IPTABLES_MASQ = 'iptables masquerades, so Host Routing is Legacy';
/** The line of bpf.masquerade in the 1.13 chart's values.yaml, where Go to Definition must land (1-based). */
const CHART_113 = readFileSync(new URL('../../../../shared/cilium-charts/v1.13/values.yaml', import.meta.url), 'utf8');
const MASQ_LINE_113 = CHART_113.split('\n').findIndex((l) => /^ {2}masquerade:/.test(l)) + 1;

async function text(locator) {
  return (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

async function statusText(page) {
  return text(page.locator('.statusbar-item', { hasText: 'Cilium:' }).first());
}

async function waitForStatus(page, re, what) {
  const deadline = Date.now() + 60000;
  for (;;) {
    const s = await statusText(page);
    if (re.test(s)) return s;
    if (Date.now() > deadline)
      throw new Error(`status bar never matched ${re} (${what}); it shows ${JSON.stringify(s)}`);
    await page.waitForTimeout(250);
  }
}

async function problems(page) {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
}

const profile = mkdtempSync(join(tmpdir(), 'cilium-e2e-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1500, height: 950 },
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
const page = browser.pages()[0] ?? (await browser.newPage());
let failed = 0;
const check = (ok, msg) => {
  if (!ok) throw new Error(msg);
  step(`ok: ${msg}`);
};
try {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  step('workbench loaded');
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 700, y: 400 } })
    .catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30000 });
  await input.fill('values.yaml');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
  step('values.yaml opened');

  // 0. The code lenses on the first file opened after start-up, without any edit: the verdict, then the version.
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Host Routing Legacy' }).first();
  await lens.waitFor({ timeout: 90000 });
  const lensText = await text(lens);
  step(`code lens: ${JSON.stringify(lensText)}`);
  check(
    /^Host Routing Legacy · Masq IPTables — KubeProxyReplacement: Strict/.test(lensText) &&
      /Cilium 1\.13 · comment/.test(lensText),
    'code lens on the first opened file without an edit, worst outcome first, with the version',
  );
  await page.screenshot({ path: join(shots, 'codelens.png') });

  // 1. Both fallback findings in the Problems panel, in our words.
  await page
    .locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error')
    .first()
    .waitFor({ timeout: 90000 });
  await page.keyboard.press('Control+Shift+M');
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: ENDPOINT_ROUTES })
    .first()
    .waitFor({ timeout: 30000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: IPTABLES_MASQ }).first().waitFor({ timeout: 30000 });
  const rows = await problems(page);
  step(`problems: ${JSON.stringify(rows.map((r) => r.slice(0, 110)))}`);
  check(
    rows.some((r) => r.includes(ENDPOINT_ROUTES) && r.includes('host-routing-endpoint-routes')),
    'endpoint-routes finding with our wording and rule id',
  );
  check(
    rows.some((r) => r.includes(IPTABLES_MASQ)),
    'iptables-masquerade finding',
  );
  check(
    /Cilium: Host Routing Legacy/.test(await waitForStatus(page, /Cilium:/, 'first analysis')),
    'status bar says Host Routing Legacy',
  );
  check(
    /Cilium 1\.13 · comment/.test(await text(page.locator('.statusbar-item', { hasText: '1.13 ·' }).first())),
    'status bar shows the version and where it came from',
  );
  await page.screenshot({ path: join(shots, 'problems.png') });

  // 2. Hover on endpointRoutes.
  await page
    .locator('.monaco-editor .view-line', { hasText: 'endpointRoutes:' })
    .first()
    .locator('span span')
    .first()
    .hover();
  const hover = page.locator('.monaco-hover-content', { hasText: 'endpointRoutes' }).first();
  await hover.waitFor({ timeout: 30000 });
  const hoverText = await text(hover);
  step(`hover: ${JSON.stringify(hoverText.slice(0, 300))}`);
  check(
    /A key below this one makes Host Routing Legacy/.test(hoverText) && /host-routing-endpoint-routes/.test(hoverText),
    'hover on endpointRoutes: explains the fallback its enabled key causes',
  );
  await page.screenshot({ path: join(shots, 'hover.png') });
  await page.keyboard.press('Escape');

  // 2b. The Outline lists the keys, nested (endpointRoutes > enabled), with their values.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Focus on Outline View');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Outline' }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) });
  const outlineRow = outline.locator('.monaco-list-row', { hasText: /^\s*enabled/ }).first();
  await outlineRow.waitFor({ timeout: 30000 });
  const parentRow = outline.locator('.monaco-list-row', { hasText: /^\s*endpointRoutes/ }).first();
  const depth = async (row) => Number(await row.getAttribute('aria-level'));
  step(
    `outline: ${JSON.stringify((await outline.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')))}`,
  );
  check(
    (await depth(outlineRow)) === (await depth(parentRow)) + 1 && /true/.test(await text(outlineRow)),
    'Outline shows enabled (value true) nested under endpointRoutes',
  );
  await page.screenshot({ path: join(shots, 'outline.png') });
  await page
    .locator('.monaco-editor .view-line', { hasText: 'k8sServicePort' })
    .first()
    .locator('span span')
    .first()
    .click();

  // 3. The bpf.masquerade quick-fix through Ctrl+. on the masquerade line, then save.
  await page
    .locator('.monaco-editor .view-line', { hasText: 'enableIPv4Masquerade' })
    .first()
    .locator('span span')
    .first()
    .click();
  // VS Code drops every provider's answer that arrives after the set of code-action providers changed (another
  // extension, such as the built-in chat, registering one while it activates late on a busy machine): the menu
  // then shows only the chat's "Fix" and "Explain". Close it and ask again, a few times, saying so each time.
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Set bpf.masquerade: true' }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await action
      .waitFor({ timeout: 10000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    const rows = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    step(`quick-fix menu without our fix (attempt ${attempt}): ${JSON.stringify(rows)}`);
    if (attempt === 4) throw new Error('the bpf.masquerade quick-fix never appeared in the Ctrl+. menu');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  await page.screenshot({ path: join(shots, 'quickfix.png') });
  await action.click();
  await page.keyboard.press('Control+S');
  const deadline = Date.now() + 30000;
  let saved = readFileSync(file, 'utf8');
  while (!saved.includes('masquerade: true') && Date.now() < deadline) {
    await page.waitForTimeout(200);
    saved = readFileSync(file, 'utf8');
  }
  const expected = original.replace('  preallocateMaps: true\n', '  preallocateMaps: true\n  masquerade: true\n');
  check(
    saved === expected,
    `saved file has masquerade: true under bpf: and nothing else changed (got ${JSON.stringify(saved)})`,
  );
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: IPTABLES_MASQ })
    .waitFor({ state: 'detached', timeout: 30000 });
  check(
    !(await problems(page)).some((r) => r.includes(IPTABLES_MASQ)),
    'iptables-masquerade finding gone after the fix',
  );
  check(/Host Routing Legacy/.test(await statusText(page)), 'status bar still Legacy (endpoint routes on 1.13)');

  // 3b. F12 on bpf.masquerade opens the 1.13 chart's values.yaml (served by the server) at that key.
  // (hasText with a string ignores case and would also match enableIPv4Masquerade.)
  await page
    .locator('.monaco-editor .view-line', { hasText: /^\s*masquerade:\s+true/ })
    .first()
    .locator('span span', { hasText: 'masquerade' })
    .first()
    .click();
  await page.keyboard.press('F12');
  const cursor = page.locator('.statusbar-item', { hasText: `Ln ${MASQ_LINE_113},` }).first();
  await cursor.waitFor({ timeout: 30000 });
  const crumbs = (await page.locator('.breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts()).join(' › ');
  step(`definition: ${await text(cursor)}, breadcrumbs ${JSON.stringify(crumbs)}`);
  // The user's file has a dozen lines: the cursor on line ${MASQ_LINE_113} is in the chart's values.yaml, beside a masquerade key.
  const masqShown = (await page.locator('.monaco-editor .view-line', { hasText: /^\s*masquerade:/ }).count()) > 0;
  check(
    masqShown && (await page.locator('.tabs-container .tab', { hasText: 'values.yaml' }).count()) === 2,
    `F12 on bpf.masquerade opens the 1.13 chart values.yaml at line ${MASQ_LINE_113}`,
  );
  await page.screenshot({ path: join(shots, 'definition.png') });
  await page.keyboard.press('Control+W');
  await page.locator('.monaco-editor .view-line', { hasText: 'k8sServicePort' }).first().waitFor({ timeout: 30000 });

  // 4. Target 1.16: edit the comment (and the KPR value 1.16 spells differently), save.
  for (const [from, to] of [
    ['cilium-version: 1.13', 'cilium-version: 1.16'],
    ['Replacement: strict', 'Replacement: true'],
  ]) {
    await page.keyboard.press('Control+H');
    const find = page.locator('.find-widget .find-part textarea, .find-widget .find-part input').first();
    await find.waitFor({ timeout: 15000 });
    await find.fill(from);
    const replace = page.locator('.find-widget .replace-part textarea, .find-widget .replace-part input').first();
    await replace.fill(to);
    await replace.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
  }
  // Back in the editor, save, and wait until the file on disk has both edits.
  await page
    .locator('.monaco-editor .view-line', { hasText: 'k8sServicePort' })
    .first()
    .locator('span span')
    .first()
    .click();
  await page.keyboard.press('Control+S');
  const saveDeadline = Date.now() + 30000;
  let on16 = readFileSync(file, 'utf8');
  while (
    !(on16.includes('# cilium-version: 1.16') && on16.includes('kubeProxyReplacement: true')) &&
    Date.now() < saveDeadline
  ) {
    await page.waitForTimeout(200);
    on16 = readFileSync(file, 'utf8');
  }
  check(
    on16.includes('# cilium-version: 1.16') && on16.includes('kubeProxyReplacement: true'),
    'the 1.16 comment and KPR value were saved',
  );
  const s16 = await waitForStatus(page, /Cilium: Host Routing BPF/, 'after switching to 1.16');
  check(/Host Routing BPF/.test(s16), `status bar follows: ${s16}`);
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: ENDPOINT_ROUTES })
    .waitFor({ state: 'detached', timeout: 30000 });
  const rows16 = await problems(page);
  check(
    !rows16.some((r) => r.includes(ENDPOINT_ROUTES)),
    `endpoint-routes finding gone for Cilium 1.16 (problems: ${JSON.stringify(rows16)})`,
  );
  await page.screenshot({ path: join(shots, 'statusbar-1.16.png') });

  // 5. A file where the agent will not start: the status bar leads with it.
  await page.keyboard.press('Control+P');
  await input.waitFor({ timeout: 30000 });
  await input.fill('agent-fails.yaml');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'agent-fails.yaml' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  const broken = await waitForStatus(page, /Cilium: Agent will not start/, 'on agent-fails.yaml');
  check(/Agent will not start/.test(broken), `status bar on a file where the agent will not start: ${broken}`);
  await page
    .locator('.monaco-editor .codelens-decoration', { hasText: 'Agent will not start' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(shots, 'statusbar-agent-fails.png') });

  // 6. Cilium: Preview Upgrade to… on a 1.13 file: pick 1.16 in the quick pick, the report opens beside the file,
  // and "Apply Migration" in the notification rewrites the file (comments kept), saved with Ctrl+S.
  const upgradeFile = join(ws, 'upgrade.yaml');
  const upgradeBefore = readFileSync(upgradeFile, 'utf8');
  await page.keyboard.press('Control+P');
  await input.waitFor({ timeout: 30000 });
  await input.fill('upgrade.yaml');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'upgrade.yaml' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: 'tunnel: vxlan' }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Cilium: Preview Upgrade');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Preview Upgrade to' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Cilium 1.16' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.locator('.quick-input-widget input').fill('Cilium 1.16');
  await page.keyboard.press('Enter');
  const reportTab = page.locator('.tabs-container .tab', { hasText: 'upgrade to 1.16' }).first();
  await reportTab.waitFor({ timeout: 30000 });
  step(`report tab: ${JSON.stringify(await text(reportTab))}`);
  const offer = page.locator('.notification-toast', { hasText: 'migrate upgrade.yaml to Cilium 1.16?' }).first();
  await offer.waitFor({ timeout: 30000 });
  check(
    upgradeBefore === readFileSync(upgradeFile, 'utf8'),
    'Preview Upgrade opens the report beside the file and changes nothing by itself',
  );
  await offer.locator('.monaco-button', { hasText: 'Apply Migration' }).click();
  await page
    .locator('.monaco-editor .view-line', { hasText: 'tunnelProtocol: vxlan' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.locator('.monaco-editor .view-line', { hasText: 'tunnelProtocol: vxlan' }).first().click();
  await page.keyboard.press('Control+S');
  const upgradeDeadline = Date.now() + 30000;
  let migrated = readFileSync(upgradeFile, 'utf8');
  while (migrated === upgradeBefore && Date.now() < upgradeDeadline) {
    await page.waitForTimeout(200);
    migrated = readFileSync(upgradeFile, 'utf8');
  }
  step(`migrated file: ${JSON.stringify(migrated)}`);
  check(
    /^routingMode: tunnel$/m.test(migrated) &&
      /^tunnelProtocol: vxlan$/m.test(migrated) &&
      /^kubeProxyReplacement: true$/m.test(migrated) &&
      !/^tunnel:/m.test(migrated) &&
      migrated.includes('# Edge cluster before the upgrade (keep this comment)'),
    '"Apply Migration" rewrites tunnel and kubeProxyReplacement for 1.16 and keeps the comment',
  );

  // 7. Cilium: Explain Datapath on the migrated upgrade.yaml opens a webview beside the file with its packet path
  // (an SVG from the core); a line reference in a box of the picture, and one in the text, move the cursor there.
  await page.locator('.monaco-editor .view-line', { hasText: 'tunnelProtocol: vxlan' }).first().click();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Cilium: Explain Datapath');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Explain Datapath' })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab', { hasText: 'upgrade.yaml — datapath' })
    .first()
    .waitFor({ timeout: 30000 });
  /** The webview's frame (code-server nests it in two iframes) once its picture is there. */
  async function explainFrame() {
    const deadline = Date.now() + 60000;
    for (;;) {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator('svg [data-box]')
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      if (Date.now() > deadline) throw new Error('no frame with the packet path picture');
      await page.waitForTimeout(300);
    }
  }
  const view = await explainFrame();
  const boxes = await view.evaluate(() =>
    [...document.querySelectorAll('svg [data-box]')].map((b) => `${b.getAttribute('data-box')}: ${b.textContent}`),
  );
  step(`explain picture: ${JSON.stringify(boxes)}`);
  // 1.16 with iptables masquerading (the chart default): the legacy detour, and the tunnel the file sets on line 4.
  check(
    boxes.some((b) => b.startsWith('pod:')) &&
      boxes.some((b) => b.startsWith('netfilter:')) &&
      boxes.some((b) => /^to-node: VXLAN tunnel.*tunnelProtocol · line 4/.test(b)),
    'Explain Datapath shows the packet path picture, its boxes naming keys and lines',
  );
  const csp = await view.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  check(/default-src 'none'/.test(csp) && !/unsafe-inline/.test(csp), `the view runs under a strict CSP: ${csp}`);

  const cursorAt = (line) => page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) }).first();
  // Cursor away from the lines the links name, then the box's line reference (tunnelProtocol, line 4).
  await page.locator('.monaco-editor .view-line', { hasText: 'k8sServicePort' }).first().click();
  await cursorAt(7).waitFor({ timeout: 15000 });
  await view.locator('svg [data-box="to-node"] a[data-line="4"]').first().click();
  await cursorAt(4).waitFor({ timeout: 15000 });
  check(
    (await text(cursorAt(4))).startsWith('Ln 4, Col 1'),
    `a click on "tunnelProtocol · line 4" in the picture puts the cursor on line 4: ${await text(cursorAt(4))}`,
  );
  // A line reference in the text: routingMode's "(line 3)" under "Routing".
  await page.locator('.monaco-editor .view-line', { hasText: 'k8sServicePort' }).first().click();
  await cursorAt(7).waitFor({ timeout: 15000 });
  await view.locator('a.line-link[data-line="3"]').first().click();
  await cursorAt(3).waitFor({ timeout: 15000 });
  check(true, 'a click on "line 3" in the text puts the cursor on line 3');

  // Screenshots in the light theme (code-server's default here) and a dark one, the picture in view, room made by
  // hiding the panel and the secondary side bar.
  for (const command of ['View: Hide Panel', 'View: Hide Secondary Side Bar']) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${command}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first();
    if (
      await row.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      )
    )
      await page.keyboard.press('Enter');
    else await page.keyboard.press('Escape');
  }
  const showPicture = async () => {
    const frame = await explainFrame();
    await frame.evaluate(() => document.querySelector('svg')?.scrollIntoView());
    await page.waitForTimeout(700);
  };
  await showPicture();
  await page.screenshot({ path: join(shots, 'explain.png') });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  // Not "Preferences: Browse Color Themes in Marketplace", which also matches.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: /Preferences: Color Theme(?!s)/ })
    .first()
    .click();
  await page.locator('.quick-input-widget input[placeholder*="Color Theme"]').waitFor({ timeout: 30000 });
  await page.locator('.quick-input-widget input').fill('Dark Modern');
  // A row may also carry its group's label ("dark themes"): match the theme's own name.
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^Dark Modern$/ }) })
    .first()
    .click();
  await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30000 });
  const darkBody = await (
    await explainFrame()
  ).evaluate(() => [
    document.body.className,
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.body).color,
  ]);
  step(`explain view in the dark theme: ${JSON.stringify(darkBody)}`);
  check(/vscode-dark/.test(darkBody[0]) && darkBody[1] !== darkBody[2], 'the view follows the dark theme');
  await showPicture();
  await page.screenshot({ path: join(shots, 'explain-dark.png') });

  // The view follows the file as it is edited (unsaved): vxlan → geneve redraws the tunnel box.
  await page.locator('.monaco-editor .view-line', { hasText: 'tunnelProtocol: vxlan' }).first().click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'vxlan'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('geneve');
  const redrawDeadline = Date.now() + 30000;
  let tunnelBox = '';
  while (!/GENEVE tunnel/.test(tunnelBox) && Date.now() < redrawDeadline) {
    await page.waitForTimeout(300);
    tunnelBox = await (
      await explainFrame()
    )
      .evaluate(() => document.querySelector('svg [data-box="to-node"]')?.textContent ?? '')
      .catch(() => '');
  }
  check(/GENEVE tunnel/.test(tunnelBox), `the view follows an unsaved edit (tunnelProtocol: geneve): ${tunnelBox}`);
} catch (err) {
  failed = 1;
  console.log(`FAILED: ${err.message}`);
  console.log(`status bar: ${JSON.stringify(await statusText(page))}`);
  console.log(`problems: ${JSON.stringify(await problems(page).catch(() => []))}`);
  console.log(`editor: ${JSON.stringify(await text(page.locator('.monaco-editor .view-lines').first()))}`);
  console.log(`file on disk: ${JSON.stringify(readFileSync(file, 'utf8'))}`);
  await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
  console.log(`screenshot: ${join(shots, 'failure.png')}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? 'UI: 0 passed, 1 failed' : 'UI: 1 passed, 0 failed');
process.exit(failed);
