// The Explain view's content as HTML (core/explainHtml.ts): the same explanation as the Markdown, picture
// included, with every line reference (in the picture's boxes and in the text) a link to that line, and all text
// escaped. The webview around it is tested in test/client/explainPage.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { explainHtml, explanationMarkdownToHtml } from '../../server/src/core/explainHtml';
import { explainMarkdown } from '../../server/src/core/explain';

const TUNNEL_116 = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.10',
  'k8sServicePort: 6443',
  'routingMode: tunnel',
  'tunnelProtocol: geneve',
  'bpf:',
  '  masquerade: false',
  '',
].join('\n');

describe('explanation as HTML', () => {
  it('converts the Markdown forms the explanation uses', () => {
    const html = explanationMarkdownToHtml(
      [
        '# Title',
        '',
        'Some **bold** and `a: <b>` text',
        'on two lines.',
        '',
        '- one (line 3)',
        '  - nested `key · line 12`',
        '- two',
        '',
        '```text',
        'Routing: <x>',
        '```',
        '',
        '<svg viewBox="0 0 1 1">',
        '<text>k · line 4</text>',
        '</svg>',
        'after',
      ].join('\n'),
    );
    assert.equal(
      html,
      [
        '<h1>Title</h1>',
        '<p>Some <strong>bold</strong> and <code>a: &lt;b&gt;</code> text on two lines.</p>',
        '<ul>',
        '<li>one (<a class="line-link" href="#L3" data-line="3">line 3</a>)',
        '<ul>',
        '<li>nested <code>key · <a class="line-link" href="#L12" data-line="12">line 12</a></code>',
        '</li></ul>',
        '</li>',
        '<li>two',
        '</li></ul>',
        '<pre><code class="language-text">Routing: &lt;x&gt;</code></pre>',
        '<div class="picture"><svg viewBox="0 0 1 1">\n<text>k · line 4</text>\n</svg></div>',
        '<p>after</p>',
      ].join('\n'),
    );
  });

  it('is the Markdown explanation with the picture, its boxes and text linked to the lines that decided them', () => {
    const analysis = analyze(TUNNEL_116);
    const html = explainHtml(analysis, TUNNEL_116);
    // The same sections as the Markdown.
    for (const heading of explainMarkdown(analysis, { text: TUNNEL_116 }).match(/^#+ .*$/gm) ?? []) {
      const text = heading.replace(/^#+ /, '').replace(/`/g, '');
      assert.ok(html.replace(/<[^>]+>/g, '').includes(text.replace(/&/g, '&amp;')), `missing section ${heading}`);
    }
    assert.equal(html.match(/<svg /g)?.length, 1, 'the picture');
    // In the picture: the tunnel box names tunnelProtocol on line 6, linked.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.match(
      svg,
      /<g class="box box-plain" data-box="to-node">.*<a href="#L6" data-line="6"><text [^>]*class="key"><title>tunnelProtocol · line 6<\/title>/s,
    );
    // In the text: "(line 5)" after routingMode, linked.
    assert.match(
      html,
      /<code>routingMode: tunnel<\/code> \(<a class="line-link" href="#L5" data-line="5">line 5<\/a>\)/,
    );
    // Every link points at a line of the file, and its number is the line it names.
    const lineCount = TUNNEL_116.split('\n').length;
    const links = [...html.matchAll(/href="#L(\d+)" data-line="(\d+)"/g)];
    assert.ok(links.length >= 4, `${links.length} line links`);
    for (const [, href, data] of links) {
      assert.equal(href, data);
      assert.ok(Number(data) >= 1 && Number(data) <= lineCount, data);
    }
    assert.doesNotMatch(html.replace(/<pre>[\s\S]*?<\/pre>/g, ''), /\*\*|`/, 'no Markdown left over');
  });

  it('escapes whatever the file holds', () => {
    const hostile = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: "<img src=x onerror=alert(1)>"',
      'cluster:',
      '  name: "</svg><script>alert(1)</script>"',
      '',
    ].join('\n');
    const html = explainHtml(analyze(hostile), hostile);
    assert.doesNotMatch(html, /<img|<script|<\/svg><script/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
