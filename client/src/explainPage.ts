// The Explain view's web page, kept free of the `vscode` module so it can be tested in plain Node: the core's
// HTML (core/explainHtml.ts) inside a page with a strict Content Security Policy (nothing loads from anywhere;
// only this page's own style and script run, by nonce), coloured with VS Code's theme variables so it reads in
// light, dark and high-contrast themes, and a script that turns a click on a line reference into a message to the
// extension, which moves the editor there.

/** The message the page posts when a line reference is clicked (1-based line). */
export interface RevealMessage {
  type: 'reveal';
  line: number;
}

/** A message from the page, checked: the page is ours, but a webview's messages are input like any other. */
export function revealLine(message: unknown, lineCount: number): number | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, line } = message as Partial<RevealMessage>;
  if (type !== 'reveal' || typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > lineCount)
    return undefined;
  return line;
}

export function newNonce(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Theme colours only: the picture draws in currentColor, the tones in the theme's chart colours. */
const STYLE = `
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.5; padding: 0 24px 24px; max-width: 980px; }
h1, h2, h3 { font-weight: 600; line-height: 1.25; }
h2 { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, currentColor)); padding-bottom: 4px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
a:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: 0.92em; }
code { background: var(--vscode-textCodeBlock-background); border-radius: 3px; padding: 1px 4px; }
pre { background: var(--vscode-textCodeBlock-background); border-radius: 4px; padding: 8px 12px; overflow-x: auto; }
pre code { background: none; padding: 0; }
.picture svg { display: block; max-width: 100%; height: auto; margin: 8px 0 16px; color: var(--vscode-editor-foreground); }
.picture .detail { opacity: 0.8; }
.picture .key { font-family: var(--vscode-editor-font-family), monospace; font-size: 10px; }
.picture a .key { fill: var(--vscode-textLink-foreground); text-decoration: underline; cursor: pointer; }
.picture a:hover .key { fill: var(--vscode-textLink-activeForeground); }
.picture .box-fast rect { stroke: var(--vscode-charts-green, #2e9e5b); }
.picture .box-slow rect { stroke: var(--vscode-charts-orange, #d98c00); }
`;

/** Posts the line of a clicked (or keyboard-activated) line reference; everything else in the page is inert. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ type: 'reveal', line: Number(target.getAttribute('data-line')) });
});
`;

export interface PageOptions {
  nonce: string;
  title: string;
}

/** The whole page around the core's HTML fragment. */
export function explainPage(fragment: string, { nonce, title }: PageOptions): string {
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src data:`].join(
    '; ',
  );
  // The picture carries a <style> of its own (for the standalone HTML file): it runs here by the same nonce.
  const body = fragment.replace(/<style>/g, `<style nonce="${nonce}">`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head><body>',
    body,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}
