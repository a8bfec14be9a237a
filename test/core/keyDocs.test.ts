// Our own key documentation: schema-valid, big enough, every Helm key real, every fact cited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyExistsIn } from '../../server/src/core/knowledge/catalog';
import { configMapKeyDoc, helmKeyDoc, helmKeysFor, keyDocs, notesFor } from '../../server/src/core/knowledge/keyDocs';
import { KeyDocsSchema } from '../../server/src/core/knowledge/keyDocsSchema';
import raw from '../../server/src/core/knowledge/keyDocs.json';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';

describe('key docs', () => {
  it('are schema-valid', () => {
    const parsed = KeyDocsSchema.safeParse(raw);
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  });

  it('explain at least 100 Helm keys, each of which exists in the catalog for some supported version', () => {
    const helm = Object.keys(keyDocs().helm);
    assert.ok(helm.length >= 100, `only ${helm.length} Helm keys`);
    const missing = helm.filter((k) => !SUPPORTED_VERSIONS.some((v) => keyExistsIn(k, v)));
    assert.deepEqual(missing, []);
  });

  it('keep keys that no supported chart has apart, and those really are absent from the catalog', () => {
    const removed = Object.keys(keyDocs().removedHelm);
    assert.ok(removed.includes('nativeRoutingCIDR') && removed.includes('hostServices.enabled'));
    for (const k of removed)
      assert.ok(!SUPPORTED_VERSIONS.some((v) => keyExistsIn(k, v)), `${k} is in the catalog: move it to helm`);
  });

  it('cover the datapath keys the brief lists, in both Helm and ConfigMap form', () => {
    const helm = [
      'kubeProxyReplacement',
      'k8sServiceHost',
      'k8sServicePort',
      'routingMode',
      'tunnel',
      'tunnelProtocol',
      'autoDirectNodeRoutes',
      'ipv4NativeRoutingCIDR',
      'ipv6NativeRoutingCIDR',
      'nativeRoutingCIDR',
      'enableIPv4Masquerade',
      'enableIPv6Masquerade',
      'bpf.masquerade',
      'bpf.hostLegacyRouting',
      'bpf.tproxy',
      'bpf.lbExternalClusterIP',
      'bpf.datapathMode',
      'bpf.preallocateMaps',
      'endpointRoutes.enabled',
      'eni.enabled',
      'azure.enabled',
      'alibabacloud.enabled',
      'gke.enabled',
      'aksbyocni.enabled',
      'cni.chainingMode',
      'cni.exclusive',
      'encryption.enabled',
      'encryption.type',
      'encryption.nodeEncryption',
      'encryption.wireguard.persistentKeepalive',
      'encryption.ipsec.keyFile',
      'loadBalancer.mode',
      'loadBalancer.algorithm',
      'loadBalancer.acceleration',
      'loadBalancer.dsrDispatch',
      'loadBalancer.l7.backend',
      'nodePort.enabled',
      'hostPort.enabled',
      'externalIPs.enabled',
      'socketLB.enabled',
      'hostServices.enabled',
      'ipMasqAgent.enabled',
      'egressGateway.enabled',
      'installNoConntrackIptablesRules',
      'installIptablesRules',
      'bandwidthManager.enabled',
      'enableIPv4BIGTCP',
      'ipam.mode',
      'ipv4.enabled',
      'ipv6.enabled',
      'l2announcements.enabled',
      'bgpControlPlane.enabled',
      'hostFirewall.enabled',
      'l7Proxy',
      'devices',
      'extraConfig',
      'upgradeCompatibility',
    ];
    assert.deepEqual(
      helm.filter((k) => !helmKeyDoc(k)),
      [],
    );
    const cm = [
      'enable-bpf-masquerade',
      'kube-proxy-replacement',
      'routing-mode',
      'tunnel',
      'tunnel-protocol',
      'enable-endpoint-routes',
      'enable-host-legacy-routing',
      'enable-ipv4-masquerade',
      'ipv4-native-routing-cidr',
      'ipv6-native-routing-cidr',
      'native-routing-cidr',
    ];
    assert.deepEqual(
      cm.filter((k) => !configMapKeyDoc(k)),
      [],
    );
  });

  it('cite a source with a file and a tag for every entry', () => {
    const all = [
      ...Object.entries(keyDocs().helm),
      ...Object.entries(keyDocs().configMap),
      ...Object.entries(keyDocs().removedHelm),
    ];
    const uncited = all.filter(([, d]) => !/@v1\.\d+|commit [0-9a-f]{7,}/.test(d.source)).map(([k]) => k);
    assert.deepEqual(uncited, []);
  });

  it('link Helm keys and ConfigMap keys both ways', () => {
    assert.deepEqual(helmKeyDoc('bpf.masquerade')?.configMap, ['enable-bpf-masquerade']);
    assert.ok(helmKeysFor('enable-endpoint-routes').includes('endpointRoutes.enabled'));
    assert.ok(helmKeysFor('enable-endpoint-routes').includes('eni.enabled'));
    for (const [cm, d] of Object.entries(keyDocs().configMap)) {
      for (const h of d.helm ?? []) assert.ok(helmKeyDoc(h), `${cm} names ${h}, which has no Helm entry`);
    }
  });

  it('explain the 1.14 endpoint-routes change with the commit, and the fallback before it', () => {
    const d = helmKeyDoc('endpointRoutes.enabled')!;
    const old = notesFor(d, '1.13').join(' ');
    const recent = notesFor(d, '1.14').join(' ');
    assert.match(old, /Legacy/);
    assert.doesNotMatch(old, /63583e9132/);
    assert.match(recent, /63583e9132/);
    assert.match(recent, /bpf: allow to enable host routing and endpoint routes simultaneously/);
    assert.match(d.source, /63583e9132/);
  });

  it('give version notes only for the versions they hold for', () => {
    const kpr = helmKeyDoc('kubeProxyReplacement')!;
    assert.match(notesFor(kpr, '1.12').join(' '), /probe/);
    assert.match(notesFor(kpr, '1.13').join(' '), /probe` is gone/);
    assert.match(notesFor(kpr, '1.15').join(' '), /deprecated/);
    assert.match(notesFor(kpr, '1.19').join(' '), /Only `true` or `false`/);
  });
});
