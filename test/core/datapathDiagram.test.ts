// The packet path picture (core/datapathDiagram.ts): built from the derived datapath, each box naming the keys and
// lines that decided it; the SVG links those lines to the file and draws in currentColor (light and dark themes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { packetPath, packetPathHtml, packetPathSvg, type PacketPath } from '../../server/src/core/datapathDiagram';
import { explainMarkdown } from '../../server/src/core/explain';

const LEGACY_113 = [
  '# cilium-version: 1.13',
  'kubeProxyReplacement: strict',
  'k8sServiceHost: 10.0.0.10',
  'k8sServicePort: 6443',
  'endpointRoutes:',
  '  enabled: true',
  'enableIPv4Masquerade: true',
  '',
].join('\n');
const FAST_116 = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.10',
  'k8sServicePort: 6443',
  'routingMode: native',
  'ipv4NativeRoutingCIDR: 10.0.0.0/8',
  'autoDirectNodeRoutes: true',
  'bpf:',
  '  masquerade: true',
  '',
].join('\n');

function pathOf(text: string): PacketPath {
  const [d] = analyze(text).documents;
  return packetPath(d, text);
}

const ids = (p: PacketPath) => p.inNode.map((b) => b.id);
const box = (p: PacketPath, id: string) =>
  [...p.inNode, ...p.exits].find((b) => b.id === id) ?? assert.fail(`no ${id} box`);

describe('packet path', () => {
  it('legacy host routing: the detour through the host stack, netfilter and the routing table, blamed on the lines that force it', () => {
    const p = pathOf(LEGACY_113);
    assert.deepEqual(ids(p), ['pod', 'device', 'host-stack', 'netfilter', 'routing-table']);
    const detour = box(p, 'host-stack');
    assert.equal(detour.tone, 'slow');
    assert.deepEqual(
      detour.decidedBy.filter((k) => k.line !== undefined),
      [
        { key: 'enableIPv4Masquerade', line: 7 },
        { key: 'endpointRoutes.enabled', line: 6 },
      ],
    );
    assert.match(box(p, 'netfilter').detail, /MASQUERADE here/);
    assert.equal(box(p, 'to-world').title, 'SNAT by iptables');
    assert.deepEqual(box(p, 'to-world').decidedBy[0], { key: 'enableIPv4Masquerade', line: 7 });
    // 1.13's chart default is a VXLAN tunnel.
    assert.equal(box(p, 'to-node').title, 'VXLAN tunnel');
    assert.deepEqual(box(p, 'to-node').decidedBy, [{ key: 'tunnel', note: 'default 1.13' }]);
  });

  it('BPF host routing: the eBPF shortcut, native routing and SNAT in eBPF, each with its line', () => {
    const p = pathOf(FAST_116);
    assert.deepEqual(ids(p), ['pod', 'device', 'bpf-redirect']);
    assert.equal(box(p, 'bpf-redirect').tone, 'fast');
    assert.deepEqual(box(p, 'bpf-redirect').decidedBy, [{ key: 'kubeProxyReplacement', line: 2 }]);
    assert.equal(box(p, 'to-node').title, 'Native routing');
    assert.deepEqual(box(p, 'to-node').decidedBy[0], { key: 'routingMode', line: 5 });
    assert.equal(box(p, 'to-world').title, 'SNAT in eBPF');
    assert.deepEqual(box(p, 'to-world').decidedBy[0], { key: 'bpf.masquerade', line: 9 });
    assert.equal(box(p, 'device').title, 'veth pair');
  });

  it('follows the configuration: netkit, a geneve tunnel, no masquerading', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'k8sServiceHost: h',
      'k8sServicePort: 6443',
      'routingMode: tunnel',
      'tunnelProtocol: geneve',
      'enableIPv4Masquerade: false',
      'bpf:',
      '  datapathMode: netkit',
      '',
    ].join('\n');
    const p = pathOf(text);
    assert.equal(box(p, 'device').title, 'netkit device');
    assert.deepEqual(box(p, 'device').decidedBy[0], { key: 'bpf.datapathMode', line: 9 });
    assert.equal(box(p, 'to-node').title, 'GENEVE tunnel');
    assert.equal(box(p, 'to-world').title, 'No SNAT');
    assert.deepEqual(box(p, 'to-world').decidedBy[0], { key: 'enableIPv4Masquerade', line: 7 });
  });

  it('draws every box, links each line to the file, and uses currentColor', () => {
    const p = pathOf(LEGACY_113);
    const svg = packetPathSvg(p, { fileUri: 'file:///repo/values.yaml', title: 'Packet path of <values>' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    for (const b of [...p.inNode, ...p.exits]) assert.ok(svg.includes(`data-box="${b.id}"`), b.id);
    assert.match(
      svg,
      /<a href="file:\/\/\/repo\/values\.yaml#L6"><text[^>]*><title>endpointRoutes\.enabled · line 6<\/title>/,
    );
    assert.match(svg, /<a href="file:\/\/\/repo\/values\.yaml#L7">/);
    assert.match(svg, /fill="currentColor"/);
    assert.match(svg, /<title>Packet path of &lt;values&gt;<\/title>/);
    assert.doesNotMatch(svg, /<script|on\w+=|xlink:href="http/);
    // Balanced: every opened element is closed.
    const opened = (svg.match(/<(?!\/)(?!path|rect)[a-z]+[^>]*[^/]>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
    assert.equal(opened, closed);
    const html = packetPathHtml([{ heading: 'values.yaml', svg }], 'Cilium packet path');
    assert.match(html, /prefers-color-scheme: dark/);
    assert.ok(html.includes(svg));
  });

  it('the Explain text describes the path in words, and draws it only when asked', () => {
    const [analysis, text] = [analyze(FAST_116), FAST_116];
    const plain = explainMarkdown(analysis, { text });
    assert.match(plain, /### Packet path\n\n- \*\*Pod\*\*/);
    assert.match(plain, /- \*\*eBPF redirect\*\* \(skips the host stack\): `kubeProxyReplacement · line 2`/);
    assert.match(plain, /- \*\*SNAT in eBPF\*\* \(out of the cluster with the node IP\): `bpf\.masquerade · line 9`/);
    assert.doesNotMatch(plain, /<svg/);
    const drawn = explainMarkdown(analysis, { text, picture: true });
    const svg = /\n(<svg[^]*?<\/svg>)\n/.exec(drawn)?.[1] ?? assert.fail('no SVG in the Explain markdown');
    assert.doesNotMatch(svg, /\n\s*\n/, 'no blank line inside the HTML block');
    assert.match(svg, /data-box="bpf-redirect"[^]*kubeProxyReplacement · line 2/);
    assert.doesNotMatch(svg, /<a /, 'no link the preview would not follow');
  });
});
