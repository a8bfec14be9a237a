// What model/chartModel.ts decides between the rendered chart and the rest of the model, pinned where StrykerJS
// found nothing watching it (docs/mutation.md): how a chart stop is worded and placed (our note or the generic
// words, the cluster sentence, the template named without the chart's folder), which copy of a stop met by several
// templates is kept, the stops Helm does not print because an earlier one ended the template, the schema's
// refusals on the nearest key the user wrote, the values cut before rendering, the settings the agent model gets
// when the chart stops, where each rendered key comes from, and the user's templated settings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceValues } from '../../../server/src/core/chart/renderSource';
import { GENERIC_CHART_FAIL_RULE, type ChartFailureNote } from '../../../server/src/core/knowledge/chartFailureNotes';
import {
  chartModel,
  clusterOutcome,
  keyOriginSteps,
  MAX_RENDERED_ENTRIES,
  templatedSettings,
  templatedSettingSteps,
} from '../../../server/src/core/model/chartModel';
import { CHART_NOTE_RULES } from '../../../server/src/core/rules/defs/index';
import type { Origin } from '../../../server/src/core/types';
import type { CiliumVersion } from '../../../server/src/core/version';
import { doc, finding } from '../../helpers';

const note = (id: string): ChartFailureNote => {
  const n = CHART_NOTE_RULES.find((r) => r.id === id);
  assert.ok(n, id);
  return n;
};

/** A stop as [id, severity, template, user keys]. */
const stopsOf = (d: ReturnType<typeof doc>) =>
  d.chart!.stops.map((s) => [s.id, s.severity, s.template, s.hit.origins.map((o) => o.key)]);

const keyOf = (o: Origin | undefined) => (o && 'key' in o ? o.key : undefined);

describe('a chart stop, worded and placed', () => {
  it('a stop our note explains: its words, the refusal, the advice, the template without the chart folder', () => {
    // install/kubernetes/cilium/templates/validate.yaml@v1.16.19 l.32-34: `tunnel` fails with this text.
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\ntunnel: vxlan\n');
    const n = note('chart-tunnel-removed');
    assert.ok(n.advice);
    assert.deepEqual(d.chart!.stops, [
      {
        id: 'chart-tunnel-removed',
        severity: 'error',
        cite: n.cite,
        template: 'templates/validate.yaml',
        hit: {
          origins: [d.chart!.stops[0].hit.origins[0]],
          message: `${n.explain('1.16')} The 1.16 chart refuses to install. ${n.advice} (It stops in templates/validate.yaml.)`,
          sourceText:
            'tunnel was deprecated in v1.14 and has been removed in v1.15. For details please refer to https://docs.cilium.io/en/v1.15/operations/upgrade/#helm-options',
        },
      },
    ]);
    assert.equal(keyOf(d.chart!.stops[0].hit.origins[0]), 'tunnel');
  });

  it('a stop no note explains: the generic rule, our general words, on the key the check tested', () => {
    // validate.yaml@v1.20.0-pre.4 (7527a668e91c) l.256-257: ipam.mode eni without eni.enabled fails.
    const d = doc('# cilium-version: 1.20\nipam:\n  mode: eni\n');
    const [s] = d.chart!.stops;
    assert.deepEqual(
      { ...s, hit: { ...s.hit, origins: s.hit.origins.map(keyOf) } },
      {
        id: GENERIC_CHART_FAIL_RULE.id,
        severity: GENERIC_CHART_FAIL_RULE.severity,
        cite: GENERIC_CHART_FAIL_RULE.cite,
        template: 'templates/validate.yaml',
        hit: {
          origins: ['ipam.mode'],
          message:
            'The chart stops the install in templates/validate.yaml. The 1.20 chart refuses to install. (It stops in templates/validate.yaml.)',
          sourceText: 'ipam.mode=eni requires eni.enabled=true',
        },
      },
    );
  });

  it('a stop that reads the cluster is a warning; a note that says how the cluster decides keeps its own words', () => {
    // validate.yaml@v1.16.19 l.61-69: the ServiceMonitor check asks .Capabilities.APIVersions for the CRDs.
    const d = doc('# cilium-version: 1.16\nprometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n');
    const n = note('chart-servicemonitor-crds');
    assert.equal(n.readsCluster, true);
    const [s] = d.chart!.stops;
    assert.equal(s.severity, 'warning');
    assert.equal(s.hit.message, `${n.explain('1.16')} (It stops in templates/validate.yaml.)`);
    assert.deepEqual(s.hit.origins.map(keyOf), ['prometheus.enabled', 'prometheus.serviceMonitor.enabled']);
  });

  it('the same cluster check without our note: the generic words and the sentence saying the cluster decides', () => {
    const d = doc('# cilium-version: 1.16\nprometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n');
    const m = chartModel(d.source, '1.16', [])!;
    assert.deepEqual(
      m.stops.map((s) => [s.id, s.severity, s.cite, s.hit.message]),
      [
        [
          GENERIC_CHART_FAIL_RULE.id,
          'warning',
          GENERIC_CHART_FAIL_RULE.cite,
          `The chart stops the install in templates/validate.yaml. ${clusterOutcome(['.Capabilities.APIVersions'])} (It stops in templates/validate.yaml.)`,
        ],
      ],
    );
    // A note that matches the text but does not say how the cluster decides gets the sentence too.
    const plain: ChartFailureNote = {
      id: 'x-crds',
      match: /^Service Monitor requires/,
      cite: 'c',
      explain: (v) => `Words for ${v}.`,
      advice: 'Do this.',
    };
    const [s] = chartModel(d.source, '1.16', [plain])!.stops;
    assert.deepEqual(
      [s.id, s.severity, s.cite, s.hit.message],
      [
        'x-crds',
        'warning',
        'c',
        `Words for 1.16. ${clusterOutcome(['.Capabilities.APIVersions'])} Do this. (It stops in templates/validate.yaml.)`,
      ],
    );
  });

  it('the cluster sentence names each thing the check read, in words, joined with "and"', () => {
    assert.equal(
      clusterOutcome(['lookup', '.Capabilities.APIVersions', '.Capabilities.KubeVersion', '.Capabilities.Other']),
      'Whether it stops depends on the cluster: the check reads an object it looks up in the cluster and the API ' +
        "versions the cluster serves and the cluster's Kubernetes version and the cluster's .Capabilities.Other, so " +
        'helm install decides it against the real cluster; rendered without one (helm template), it stops.',
    );
  });

  it('a Go error of a template: the error text quoted, our general words when no note knows it, one per key', () => {
    // An empty `bpf:` is null and deletes the chart's bpf defaults; templates/cilium-agent/daemonset.yaml@v1.16.19
    // l.300 then reads .Values.bpf.autoMount.enabled and templates/cilium-configmap.yaml@v1.16.19 l.63
    // .Values.bpf.ctTcpMax: two Go errors, both on `bpf`, one finding.
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n');
    assert.equal(d.chart!.render.failures.length, 2);
    assert.deepEqual(stopsOf(d), [['chart-values-null', 'error', 'templates/cilium-agent/daemonset.yaml', ['bpf']]]);
    const detail = d.chart!.stops[0].hit.sourceText!;
    assert.ok(detail.startsWith('template: cilium/templates/cilium-agent/daemonset.yaml:300:22: executing '), detail);
    assert.ok(detail.endsWith('nil pointer evaluating interface {}.autoMount'), detail);
    const generic = chartModel(d.source, '1.16', [])!.stops;
    assert.deepEqual(
      generic.map((s) => [s.id, s.hit.message]),
      [
        [
          'chart-fail',
          "The chart's templates/cilium-agent/daemonset.yaml stops with an error for these values. The 1.16 chart refuses to install. (It stops in templates/cilium-agent/daemonset.yaml.)",
        ],
      ],
    );
  });

  it('a stop met again through an include is one stop: the copy that depends on least, the check itself', () => {
    // The 1.16 agent DaemonSet and operator Deployment include cilium-configmap.yaml for a checksum when
    // rollOutCiliumPods / operator.rollOutPods are on (templates/cilium-agent/daemonset.yaml@v1.16.19 l.52-55,
    // templates/cilium-operator/deployment.yaml@v1.16.19 l.44-47), so its KPR check (cilium-configmap.yaml l.70-71)
    // fails three times; Helm meets the operator's copy first.
    const d = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: strict\nrollOutCiliumPods: true\noperator:\n  rollOutPods: true\n',
    );
    assert.deepEqual(
      d.chart!.render.failures.map((f) => f.template),
      [
        'cilium/templates/cilium-operator/deployment.yaml',
        'cilium/templates/cilium-agent/daemonset.yaml',
        'cilium/templates/cilium-configmap.yaml',
      ],
    );
    assert.deepEqual(stopsOf(d), [
      ['chart-kpr-invalid', 'error', 'templates/cilium-configmap.yaml', ['kubeProxyReplacement']],
    ]);
  });

  it('the checks after the first stop of a template are found too, each once, in Helm order', () => {
    // validate.yaml@v1.16.19 l.21-22 (remoteNodeIdentity), then l.56-58 (Hubble Relay without Hubble): Helm prints
    // the first only.
    const d = doc(
      '# cilium-version: 1.16\nremoteNodeIdentity: true\nhubble:\n  enabled: false\n  relay:\n    enabled: true\n',
    );
    assert.equal(d.chart!.render.failures.length, 1);
    assert.deepEqual(stopsOf(d), [
      ['chart-remote-node-identity-removed', 'error', 'templates/validate.yaml', ['remoteNodeIdentity']],
      [
        'chart-hubble-relay-needs-hubble',
        'error',
        'templates/validate.yaml',
        ['hubble.enabled', 'hubble.relay.enabled'],
      ],
    ]);
  });

  it('a stop that rests on a templated value is undecided, on the templated key, with no words of its own', () => {
    // validate.yaml@v1.20.0-pre.4 checks the cluster name; `${CLUSTER_NAME}` is filled in later.
    const d = doc('# cilium-version: 1.20\ncluster:\n  name: ${CLUSTER_NAME}\n  id: 5\n');
    const [s] = d.chart!.stops;
    assert.deepEqual(
      [s.id, s.template, s.hit.message, s.hit.undecided, s.hit.origins.map(keyOf)],
      ['chart-cluster-name-invalid', 'templates/validate.yaml', '', true, ['cluster.name']],
    );
  });
});

describe('the settings the agent model gets when the chart stops', () => {
  it('a Go error that ends cilium-config too: the chart rendered without the empty key', () => {
    // bpf.lbMapMax is 65536 in values.yaml@v1.16.19 and written by cilium-configmap.yaml@v1.16.19 l.416-419.
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n');
    assert.equal(d.chart!.render.configMap, undefined);
    assert.equal(d.chart!.bestEffort, true);
    assert.equal(d.configMap.get('bpf-lb-map-max')?.value, '65536');
    assert.equal(d.configMap.get('kube-proxy-replacement')?.value, 'true');
    assert.equal(keyOf(d.configMap.get('kube-proxy-replacement')?.origin), 'kubeProxyReplacement');
  });

  it('a fail in cilium-config: the same template with the stop lifted, with the user values', () => {
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n');
    assert.equal(d.chart!.bestEffort, true);
    assert.equal(d.configMap.get('enable-bpf-masquerade')?.value, 'true');
    assert.equal(d.configMap.get('kube-proxy-replacement')?.value, 'strict');
  });

  it('values Helm renders: the render itself, not best effort', () => {
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\n');
    assert.equal(d.chart!.bestEffort, false);
    assert.deepEqual(d.chart!.stops, []);
    assert.ok(d.chart!.render.configMap);
    assert.equal(d.configMap.size, d.chart!.render.configMap.size);
  });
});

describe("the schema's refusals, on the user's keys", () => {
  it('on the key refused, or on the nearest key above it the user wrote (a list item)', () => {
    // values.schema.json@v1.18.7 types cluster.id as an integer and each toleration as an object of strings.
    const id = doc('# cilium-version: 1.18\ncluster:\n  id: many\n').chart!;
    assert.deepEqual(
      id.schema.map((r) => [r.error.path, r.origins.map(keyOf)]),
      [['cluster.id', ['cluster.id']]],
    );
    assert.deepEqual(id.undecidedSchema, []);
    const tol = doc('# cilium-version: 1.18\ntolerations:\n  - key: 1\n    operator: 5\n').chart!;
    assert.deepEqual(
      tol.schema.map((r) => [r.error.path, r.origins.map(keyOf)]),
      [['tolerations.0', ['tolerations']]],
    );
  });

  it('a templated value the schema refuses as written is undecided, on the templated key', () => {
    const c = doc('# cilium-version: 1.18\ncluster:\n  id: ${ID}\n').chart!;
    assert.deepEqual(c.schema, []);
    assert.deepEqual(
      c.undecidedSchema.map((r) => [r.error.path, r.origins.map((o) => [o.key, o.kind === 'user' && o.templated])]),
      [['cluster.id', [['cluster.id', true]]]],
    );
  });
});

describe('values cut before rendering', () => {
  it(`a map of more than ${MAX_RENDERED_ENTRIES} entries renders its first ${MAX_RENDERED_ENTRIES}, and says so`, () => {
    // extraConfig is copied into cilium-config (templates/cilium-configmap.yaml@v1.16.19 l.1303-1304).
    const entries = Array.from({ length: MAX_RENDERED_ENTRIES + 1 }, (_, i) => `  k${i}: "v"`).join('\n');
    const d = doc(`# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n${entries}\n`);
    assert.deepEqual(d.chart!.cut, ['extraConfig']);
    assert.equal(d.configMap.get(`k${MAX_RENDERED_ENTRIES - 1}`)?.value, 'v');
    assert.equal(d.configMap.get(`k${MAX_RENDERED_ENTRIES}`), undefined);
    // A map no finding looks into (pod annotations), so the finding is not lost among the unknown-key ones.
    const notes = Array.from({ length: MAX_RENDERED_ENTRIES + 1 }, (_, i) => `  a${i}: "v"`).join('\n');
    const a = doc(`# cilium-version: 1.16\nkubeProxyReplacement: true\npodAnnotations:\n${notes}\n`);
    assert.deepEqual(a.chart!.cut, ['podAnnotations']);
    assert.equal(
      finding(a, 'chart-render-trimmed').message,
      'podAnnotations has more than 2000 entries; the chart was rendered with the first 2000 of each, so what the ' +
        'rest writes into cilium-config is not checked.',
    );
  });

  it('a map of exactly the limit is not cut; a long list is cut under its own path', () => {
    const entries = Array.from({ length: MAX_RENDERED_ENTRIES }, (_, i) => `  k${i}: "v"`).join('\n');
    const d = doc(`# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n${entries}\n`);
    assert.deepEqual(d.chart!.cut, []);
    assert.equal(d.configMap.get(`k${MAX_RENDERED_ENTRIES - 1}`)?.value, 'v');
    const list = Array.from({ length: MAX_RENDERED_ENTRIES + 1 }, (_, i) => `      - m${i}`).join('\n');
    const l = doc(`# cilium-version: 1.18\nhubble:\n  metrics:\n    enabled:\n${list}\n`);
    assert.deepEqual(l.chart!.cut, ['hubble.metrics.enabled']);
  });
});

describe('where a rendered key comes from', () => {
  it('a value computed from one user key is implied by it, and the note names it', () => {
    // templates/cilium-configmap.yaml@v1.14.19 l.450-451: `tunnel: disabled` becomes routing-mode "native".
    const d = doc('# cilium-version: 1.14\ntunnel: disabled\n');
    const r = d.configMap.get('routing-mode')!;
    assert.equal(r.value, 'native');
    assert.equal(r.origin.kind, 'implied');
    assert.equal(keyOf(r.origin), 'tunnel');
    assert.equal(r.origin.kind === 'implied' && r.origin.note, 'the chart writes routing-mode from tunnel');
    assert.deepEqual(r.origin.kind === 'implied' && r.origin.by.map(keyOf), ['tunnel']);
  });

  it('the Helm key documented for the cilium-config key is named first, and is the chart default when no user key is', () => {
    // templates/cilium-configmap.yaml@v1.16.19 l.74 reads `coalesce .Values.socketLB .Values.hostServices` and
    // l.712-714 writes bpf-lb-sock from its `enabled`: the chart reads hostServices first, but socketLB.enabled is
    // the documented key (values.yaml@v1.16.19 l.999-1001).
    const both = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nsocketLB:\n  enabled: true\nhostServices:\n  enabled: true\n',
    ).configMap.get('bpf-lb-sock')!;
    assert.equal(both.value, 'true');
    assert.equal(both.origin.kind, 'implied');
    assert.equal(keyOf(both.origin), 'socketLB.enabled');
    assert.deepEqual(both.origin.kind === 'implied' && both.origin.by.map(keyOf), ['socketLB.enabled', 'hostServices']);
    assert.equal(
      both.origin.kind === 'implied' && both.origin.note,
      'the chart writes bpf-lb-sock from socketLB.enabled, hostServices',
    );
    const none = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\n').configMap.get('bpf-lb-sock')!;
    assert.deepEqual(none.origin, { kind: 'chart-default', key: 'socketLB.enabled', version: '1.16' });
  });

  it("numbers and bools printed as the user wrote them are the user's line", () => {
    const d = doc(
      '# cilium-version: 1.18\nbpf:\n  lbMapMax: 1000000\n  mapDynamicSizeRatio: 0.5\nenableIPv4Masquerade: false\nclusterHealthPort: 4240.0\n',
    );
    for (const [key, helm, value] of [
      ['bpf-lb-map-max', 'bpf.lbMapMax', '1000000'],
      ['bpf-map-dynamic-size-ratio', 'bpf.mapDynamicSizeRatio', '0.5'],
      ['enable-ipv4-masquerade', 'enableIPv4Masquerade', 'false'],
      ['cluster-health-port', 'clusterHealthPort', '4240'],
    ]) {
      const s = d.configMap.get(key)!;
      assert.equal(s.value, value, key);
      assert.deepEqual([s.origin.kind, keyOf(s.origin)], ['user', helm], key);
    }
  });
});

describe('keys a templated value decides', () => {
  it('a key the chart writes only without the templated value is there, resting on the template', () => {
    // templates/cilium-configmap.yaml@v1.16.19 l.1005-1012 writes the cluster-pool keys only when the IPAM mode
    // is cluster-pool (the default, l.7): `${I}` as written is another mode, but may well become cluster-pool.
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nipam:\n  mode: ${I}\n');
    assert.equal(d.chart!.render.configMap!.has('cluster-pool-ipv4-cidr'), false);
    const s = d.configMap.get('cluster-pool-ipv4-cidr')!;
    assert.equal(s.value, '10.0.0.0/8');
    assert.equal(s.origin.kind, 'implied');
    assert.deepEqual(
      s.origin.kind === 'implied' && s.origin.by.map((o) => [keyOf(o), o.kind === 'user' && o.templated]),
      [['ipam.mode', true]],
    );
    assert.ok(s.mayName?.('ipam.mode'));
  });

  it('a key that changes without the templated values rests on the ones it reads, not on every one', () => {
    // templates/cilium-configmap.yaml@v1.18.7 writes enable-bpf-masquerade from bpf.masquerade (l.655-659) and
    // cluster-name from cluster.name (l.505): both keys change when the templates are left out, but the masquerade
    // verdicts do not depend on the cluster name (they did: every templated setting was named).
    const d = doc(
      '# cilium-version: 1.18\nkubeProxyReplacement: true\nbpf:\n  masquerade: ${M}\ncluster:\n  name: "{{ .Values.n }}"\n',
    );
    for (const [key, helm] of [
      ['enable-bpf-masquerade', 'bpf.masquerade'],
      ['cluster-name', 'cluster.name'],
    ]) {
      const o = d.configMap.get(key)!.origin;
      assert.deepEqual([o.kind, keyOf(o), o.kind === 'user' && o.templated], ['user', helm, true], key);
    }
    const masq = d.datapath.unknowns.filter((u) => u.verdict === 'Masquerading');
    assert.deepEqual(
      masq.map((u) => u.templates.map((t) => t.key)),
      [['bpf.masquerade']],
    );
  });
});

describe("the user's templated settings", () => {
  it('a templated key name, a list holding a template, a template in a string; not through merges or aliases', () => {
    const text =
      '# cilium-version: 1.18\nextraConfig:\n  ${KEY}: "1"\nhubble:\n  metrics:\n    enabled:\n      - dns\n      - ${M}\n' +
      'base: &b\n  x: ${X}\n  plain: 1\nother:\n  <<: *b\n  y: 1\nalias: *b\ncluster:\n  name: "{{ .Values.n }}"\n';
    const t = templatedSettings(doc(text).source.root);
    const found = [...t].map(([path, o]) => [path, text.slice(o.range.start, o.range.end), o.valueText, o.templated]);
    assert.equal(found.length, 4, JSON.stringify(found));
    assert.ok(String(found[0][0]).startsWith('extraConfig.'), String(found[0][0]));
    assert.deepEqual(found[0].slice(1), ['${KEY}', '"1"', true]);
    assert.deepEqual(found.slice(1), [
      ['hubble.metrics.enabled', 'enabled', '- dns\n      - ${M}\n', true],
      ['base.x', 'x', '${X}', true],
      ['cluster.name', 'name', '"{{ .Values.n }}"', true],
    ]);
  });

  it('an entry searched before is reused as it was when nothing in it changed', () => {
    const text = '# cilium-version: 1.18\na: ${A}\nb:\n  c: "{{ .Values.c }}"\n';
    const root = doc(text).source.root;
    const before = { ...templatedSettingSteps };
    const again = templatedSettings(root);
    assert.deepEqual(
      [templatedSettingSteps.searched - before.searched, templatedSettingSteps.reused - before.reused],
      [0, 2],
    );
    assert.deepEqual(
      [...again].map(([p, o]) => [p, text.slice(o.range.start, o.range.end)]),
      [
        ['a', 'a'],
        ['b.c', 'c'],
      ],
    );
  });
});

describe('more of the chart model', () => {
  it("a rendered template that is not YAML: our general words, the parser's text, nowhere to place it", () => {
    // templates/cilium-configmap.yaml@v1.16.19 l.137 prints identityAllocationMode unquoted: a value holding
    // "a: b: c" makes cilium-config YAML that does not parse.
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nidentityAllocationMode: "a: b: c"\n');
    const [f] = d.chart!.render.failures;
    assert.equal(f.kind, 'yaml');
    assert.deepEqual(
      d.chart!.stops.map((s) => [s.id, s.template, s.hit.message, s.hit.sourceText, s.hit.origins]),
      [
        [
          GENERIC_CHART_FAIL_RULE.id,
          'templates/cilium-configmap.yaml',
          "The chart's templates/cilium-configmap.yaml stops with an error for these values. The 1.16 chart refuses to install. (It stops in templates/cilium-configmap.yaml.)",
          f.message,
          [],
        ],
      ],
    );
    assert.equal(d.chart!.bestEffort, true);
  });

  it("a null the chart prints as an empty string is the user's line; a copied value with a guard the user wrote is implied", () => {
    // templates/cilium-configmap.yaml@v1.16.19 prints kubeProxyReplacementHealthzBindAddr with `quote`: `~` gives "".
    const nul = doc('# cilium-version: 1.16\nkubeProxyReplacementHealthzBindAddr: ~\n');
    const h = nul.configMap.get('kube-proxy-replacement-healthz-bind-address')!;
    assert.deepEqual([h.value, h.origin.kind, keyOf(h.origin)], ['', 'user', 'kubeProxyReplacementHealthzBindAddr']);
    // l.1005-1012: the mask size is copied, but only because ipam.mode is cluster-pool; both lines decide it.
    const mask = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nipam:\n  mode: cluster-pool\n  operator:\n    clusterPoolIPv4MaskSize: 24\n',
    ).configMap.get('cluster-pool-ipv4-mask-size')!;
    assert.equal(mask.value, '24');
    assert.equal(mask.origin.kind, 'implied');
    assert.deepEqual(mask.origin.kind === 'implied' && mask.origin.by.map(keyOf), [
      'ipam.operator.clusterPoolIPv4MaskSize',
      'ipam.mode',
    ]);
  });

  it('values given for fix prediction replace the file; a key the file lacks has no line to point at', () => {
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\n');
    const values = new Map(sourceValues(d.source));
    values.set('bpf', new Map([['masquerade', true]]));
    const m = chartModel(d.source, '1.18', CHART_NOTE_RULES, values)!;
    const masq = m.settings.get('enable-bpf-masquerade')!;
    assert.equal(masq.value, 'true');
    assert.deepEqual(masq.origin, { kind: 'chart-default', key: 'bpf.masquerade', version: '1.18' });
    assert.equal(keyOf(m.settings.get('kube-proxy-replacement')!.origin), 'kubeProxyReplacement');
  });

  it('no chart for the version: no chart model', () => {
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\n');
    assert.equal(chartModel(d.source, '1.11' as CiliumVersion, []), undefined);
  });

  it('an origin is worked out once, when first read', () => {
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n');
    const before = keyOriginSteps.worked;
    const s = chartModel(d.source, '1.18', CHART_NOTE_RULES)!.settings.get('enable-bpf-masquerade')!;
    assert.equal(keyOriginSteps.worked, before, 'nothing worked out before an origin is read');
    assert.equal(keyOf(s.origin), 'bpf.masquerade');
    assert.equal(keyOf(s.origin), 'bpf.masquerade');
    assert.equal(keyOriginSteps.worked - before, 1);
  });

  it('which user keys a rendered key may name: what it depends on, the entry of a map copied whole, a template', () => {
    const d = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nsocketLB:\n  enabled: true\nextraConfig:\n  foo: "1"\n',
    );
    const sock = d.configMap.get('bpf-lb-sock')!;
    assert.deepEqual(
      ['socketLB.enabled', 'hostServices', 'socketLB', 'cluster.name', 'socketLB.enabledX'].map((k) =>
        sock.mayName!(k),
      ),
      [true, true, true, false, false],
    );
    const foo = d.configMap.get('foo')!;
    assert.deepEqual(
      ['extraConfig.foo', 'extraConfig', 'extraConfig.bar', 'foo'].map((k) => foo.mayName!(k)),
      [true, true, false, false],
    );
    const t = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\ncluster:\n  name: ${NAME}\n');
    assert.equal(t.configMap.get('bpf-lb-sock')!.mayName!('cluster.name'), true);
  });
});

describe('what the chart model leaves out', () => {
  it('the guards around the whole template decide no key, even when the user writes them', () => {
    // Every key of templates/cilium-configmap.yaml@v1.18.7 sits inside `if and (or .Values.agent …) (not
    // .Values.preflight.enabled)` (l.1): writing preflight.enabled does not make each key the user's doing.
    const d = doc(
      '# cilium-version: 1.18\nkubeProxyReplacement: true\npreflight:\n  enabled: false\nbpf:\n  masquerade: true\n  lbMapMax: 1000000\n',
    );
    for (const [key, helm] of [
      ['enable-bpf-masquerade', 'bpf.masquerade'],
      ['bpf-lb-map-max', 'bpf.lbMapMax'],
    ]) {
      const o = d.configMap.get(key)!.origin;
      assert.deepEqual([o.kind, keyOf(o)], ['user', helm], key);
    }
  });

  it('the render without the templated values drops only the templated settings, not the maps around them', () => {
    // templates/cilium-configmap.yaml@v1.16.19 l.1005-1011: the cluster-pool CIDR is the user's list.
    const d = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nipam:\n  mode: ${I}\n  operator:\n    clusterPoolIPv4PodCIDRList: ["10.1.0.0/16"]\n',
    );
    assert.equal(d.configMap.get('cluster-pool-ipv4-cidr')?.value, '10.1.0.0/16');
  });

  it('a list item that is a map holding a template makes the list templated', () => {
    const t = templatedSettings(
      doc('# cilium-version: 1.18\ntolerations:\n  - key: ${T}\n    operator: Exists\n').source.root,
    );
    assert.deepEqual([...t.keys()], ['tolerations']);
  });
});
