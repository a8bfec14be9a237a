// A quick-fix on Helm values is offered as a cure only when the real chart, rendered again with the fix's value,
// says so (fixes/predict.ts): what the chart then writes into cilium-config goes to the agent model, and the
// chart's own `fail` checks run on the changed values. Patching the cilium-config key the fix names would get
// each case below wrong: the chart may ignore the value, override it, or refuse the combination.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { renderCacheStats } from '../../server/src/core/chart/renderCache';
import type { Finding } from '../../server/src/core/types';

const KPR_ON =
  'kubeProxyReplacement: true\nk8sServiceHost: api.example\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n';

function finding(text: string, rule: string): Finding {
  const f = analyze(text).documents[0]?.findings.find((x) => x.rule === rule);
  assert.ok(f, `${rule} expected for:\n${text}`);
  return f;
}

function rules(text: string): string[] {
  return analyze(text).documents.flatMap((d) => d.findings.map((f) => f.rule));
}

describe('fix prediction renders the real chart for Helm values', () => {
  it('no cure from a value the chart no longer writes (installIptablesRules, read by the 1.12 chart only)', () => {
    // templates/cilium-configmap.yaml@v1.12.19 l.520 writes install-iptables-rules from installIptablesRules;
    // the 1.13+ charts write no such key, so only extraConfig can set it and the value fixes nothing.
    const text = `# cilium-version: 1.16\n${KPR_ON}extraConfig:\n  install-iptables-rules: "false"\n`;
    assert.equal(finding(text, 'l7-proxy-needs-iptables').fixes, undefined);
    // The same finding from the value itself in 1.12: the chart copies it, so the fix cures.
    const old =
      '# cilium-version: 1.12\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\ninstallIptablesRules: false\n';
    const fix = finding(old, 'l7-proxy-needs-iptables').fixes?.[0];
    assert.ok(fix, 'the 1.12 fix is offered');
    assert.ok(!rules(applyEdits(old, fix.edits)).includes('l7-proxy-needs-iptables'));
  });

  it('no cure that the chart would refuse (Relay for the UI while Hubble is off)', () => {
    // templates/validate.yaml@v1.19.1 l.59-72: the UI needs Relay, and Relay needs Hubble; turning Relay on
    // with Hubble off trades one refusal for the other.
    const off = `# cilium-version: 1.19\n${KPR_ON}hubble:\n  enabled: false\n  ui:\n    enabled: true\n`;
    assert.equal(finding(off, 'chart-hubble-ui-needs-relay').fixes, undefined);
    // Hubble on (the chart's default): Relay on is a cure, and applying it clears the refusal.
    const on = `# cilium-version: 1.19\n${KPR_ON}hubble:\n  ui:\n    enabled: true\n`;
    const fix = finding(on, 'chart-hubble-ui-needs-relay').fixes?.[0];
    assert.ok(fix, 'offered when Hubble is on');
    assert.match(fix.title, /hubble\.relay\.enabled: true/);
    const after = rules(applyEdits(on, fix.edits));
    assert.ok(!after.some((r) => r.startsWith('chart-hubble')), after.join(', '));
  });

  it('no cure when a cloud integration makes the chart write the key anyway (ENI and endpoint routes)', () => {
    // templates/cilium-configmap.yaml@v1.13.18: eni.enabled writes enable-endpoint-routes: "true" whatever
    // endpointRoutes.enabled says.
    const forced =
      '# cilium-version: 1.13\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\neni:\n  enabled: true\nendpointRoutes:\n  enabled: true\n';
    assert.equal(finding(forced, 'host-routing-endpoint-routes').fixes, undefined);
    const free =
      '# cilium-version: 1.13\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\nendpointRoutes:\n  enabled: true\n';
    const fix = finding(free, 'host-routing-endpoint-routes').fixes?.[0];
    assert.ok(fix);
    assert.ok(!rules(applyEdits(free, fix.edits)).includes('host-routing-endpoint-routes'));
  });

  it('renders the chart for the prediction only when fixes are read, and memoises it', () => {
    // Values no other test renders, so the first prediction cannot come from the memo.
    const text = `# cilium-version: 1.19\n${KPR_ON}hubble:\n  ui:\n    enabled: true\n    replicas: 3\n`;
    const a = analyze(text);
    const f = a.documents[0]!.findings.find((x) => x.rule === 'chart-hubble-ui-needs-relay')!;
    const rendersBefore = renderCacheStats.renders;
    assert.ok(f.fixes?.length, 'the fix is offered');
    assert.ok(
      renderCacheStats.renders > rendersBefore,
      'reading the fixes re-rendered the chart with the changed value',
    );
    const rendersAfter = renderCacheStats.renders;
    // The same question again (another analysis of the same text) is answered from the memo.
    const again = analyze(text).documents[0]!.findings.find((x) => x.rule === 'chart-hubble-ui-needs-relay')!;
    assert.ok(again.fixes?.length);
    assert.equal(renderCacheStats.renders, rendersAfter);
  });
});
