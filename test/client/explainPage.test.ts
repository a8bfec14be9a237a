// The Explain webview's page (client/src/explainPage.ts): a strict Content Security Policy, theme colours only,
// and a script that posts the clicked line; the extension checks the message before it moves the editor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { explainPage, newNonce, revealLine } from '../../client/src/explainPage';

const FRAGMENT =
  '<h1>Cilium datapath</h1>\n<div class="picture"><svg><style>.key{}</style><a href="#L6" data-line="6"><text class="key">tunnelProtocol · line 6</text></a></svg></div>\n<p>(<a class="line-link" href="#L5" data-line="5">line 5</a>)</p>';

describe('Explain webview page', () => {
  const nonce = newNonce();
  const page = explainPage(FRAGMENT, { nonce, title: 'values.yaml — datapath' });

  it('allows nothing but its own style and script (by nonce)', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.ok(csp, 'a CSP');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(csp, new RegExp(`style-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    for (const tag of page.match(/<(script|style)\b[^>]*>/g) ?? [])
      assert.ok(tag.includes(`nonce="${nonce}"`), `${tag} has no nonce`);
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(newNonce(), nonce);
  });

  it("takes its colours from VS Code's theme", () => {
    const style = /<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec(page)![1];
    assert.match(
      style,
      /body \{ color: var\(--vscode-editor-foreground\); background: var\(--vscode-editor-background\)/,
    );
    assert.match(style, /a \{ color: var\(--vscode-textLink-foreground\)/);
    // No colour of its own but the fallbacks of the chart colours.
    const literal = style
      .replace(/var\(--vscode-charts-(green|orange), #[0-9a-f]{6}\)/g, '')
      .match(/#[0-9a-fA-F]{3,6}\b|rgb\(/g);
    assert.equal(literal, null, `hard-coded colours: ${literal?.join(', ')}`);
  });

  it('posts the line of a clicked line reference, in the picture or the text', () => {
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(page)![1];
    class FakeElement {
      constructor(
        readonly attrs: Record<string, string>,
        readonly parent?: FakeElement,
      ) {}
      getAttribute(name: string) {
        return this.attrs[name] ?? null;
      }
      closest(selector: string): FakeElement | null {
        assert.equal(selector, '[data-line]');
        return 'data-line' in this.attrs ? this : (this.parent?.closest(selector) ?? null);
      }
    }
    const posted: unknown[] = [];
    let onClick: (e: unknown) => void = () => {};
    vm.runInNewContext(script, {
      Element: FakeElement,
      acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m) }),
      document: { addEventListener: (type: string, f: (e: unknown) => void) => type === 'click' && (onClick = f) },
    });
    let prevented = 0;
    const click = (target: unknown) => onClick({ target, preventDefault: () => prevented++ });
    const svgLink = new FakeElement({ href: '#L6', 'data-line': '6' });
    click(new FakeElement({ class: 'key' }, svgLink)); // the <text> inside the SVG link
    click(new FakeElement({ class: 'line-link', href: '#L5', 'data-line': '5' }));
    click(new FakeElement({ class: 'detail' })); // not a link: nothing
    assert.deepEqual(JSON.parse(JSON.stringify(posted)), [
      { type: 'reveal', line: 6 },
      { type: 'reveal', line: 5 },
    ]);
    assert.equal(prevented, 2);
  });

  it('the extension moves the editor only for a well-formed line of the file', () => {
    assert.equal(revealLine({ type: 'reveal', line: 6 }, 10), 6);
    assert.equal(revealLine({ type: 'reveal', line: 11 }, 10), undefined);
    assert.equal(revealLine({ type: 'reveal', line: 0 }, 10), undefined);
    assert.equal(revealLine({ type: 'reveal', line: 2.5 }, 10), undefined);
    assert.equal(revealLine({ type: 'reveal', line: '6' }, 10), undefined);
    assert.equal(revealLine({ type: 'open', line: 6 }, 10), undefined);
    assert.equal(revealLine(null, 10), undefined);
  });
});
