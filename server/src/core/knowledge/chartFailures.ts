// The chart's own `fail` checks: `helm install` / `helm template` stops with this text before anything is
// deployed. Sources: install/kubernetes/cilium/templates/validate.yaml and cilium-configmap.yaml at each tag
// (v1.14.19 .. v1.19.1; ../shared/cilium-rules.md §6.1 lists lines).

import type { HelmValues } from '../model/helmValues';
import type { State } from '../model/state';
import { goString, goTruthy } from '../settings';
import type { Origin } from '../types';
import { inRange, type CiliumVersion } from '../version';
import { CHART_VALIDATE_CHECKS } from './chartValidate';
import { adviceFor } from './keyHistory';
import type { Check, Hit } from './checkTypes';

type ChartCheck = Check<State>;

function userOrigin(h: HelmValues, path: string): Origin | undefined {
  const u = h.user(path);
  return u?.origin;
}

/** What to do instead of a removed key (keyHistory's advice when there is one). */
function migration(paths: string[]): string {
  const advice = paths.map((p) => adviceFor(p)).find((a) => a && !/^nothing/i.test(a.replacement));
  return advice ? `Use ${advice.replacement} instead.` : 'Delete it: the feature it configured is gone or always on.';
}

/** A values key removed from the chart whose mere presence (truthy) makes the chart fail. */
function removedKey(id: string, paths: string[], since: CiliumVersion, text: string, cite: string, truthyOnly = true): ChartCheck {
  return {
    id,
    since,
    severity: 'error',
    cite,
    test: (s) => {
      const h = s.helm!;
      const hits = paths.map((p) => h.user(p)).filter((u) => u && (truthyOnly ? goTruthy(u.value) : u.value !== null));
      if (hits.length === 0) return undefined;
      return {
        origins: hits.map((u) => u!.origin),
        message: `${paths.join(' / ')} ${paths.length > 1 ? 'were' : 'was'} removed from the chart; with it set, the cilium ${s.version} chart refuses to install. ${migration(paths)}`,
        sourceText: text,
      };
    },
  };
}

export const CHART_FAILURES: ChartCheck[] = [
  {
    id: 'chart-kpr-invalid',
    since: '1.14',
    severity: 'error',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.69-71, @v1.16.19 l.70-71, @v1.19.1 l.78-79',
    test: (s): Hit | undefined => {
      const raw = s.agent.kpr.raw;
      const ok = inRange(s.version, undefined, '1.15') ? ['true', 'false', 'disabled', 'partial', 'strict'] : ['true', 'false'];
      if (ok.includes(raw)) return undefined;
      return {
        origins: [s.agent.kpr.origin],
        message: `kubeProxyReplacement "${raw}" is not accepted by the ${s.version} chart (${ok.join(', ')}): the chart refuses to install.`,
        sourceText: inRange(s.version, undefined, '1.15')
          ? 'kubeProxyReplacement must be explicitly set to a valid value (true, false, disabled (deprecated), partial (deprecated), or strict (deprecated)) to continue.'
          : 'kubeProxyReplacement must be explicitly set to a valid value (true or false) to continue.',
      };
    },
  },
  {
    id: 'chart-tunnel-removed',
    since: '1.15',
    severity: 'error',
    cite: 'templates/validate.yaml@v1.15.19',
    test: (s) => {
      const t = s.helm!.user('tunnel');
      if (!t || !goTruthy(t.value)) return undefined;
      const v = goString(t.value);
      const replacement = v === 'disabled' ? 'routingMode: native' : `routingMode: tunnel and tunnelProtocol: ${v}`;
      return {
        origins: [t.origin],
        message: `tunnel was removed in 1.15: the chart refuses to install. Use ${replacement}.`,
        sourceText: 'tunnel was deprecated in v1.14 and has been removed in v1.15. For details please refer to https://docs.cilium.io/en/v1.15/operations/upgrade/#helm-options',
      };
    },
  },
  ...(['4', '6'] as const).map(
    (family): ChartCheck => ({
      id: `chart-native-routing-cidr-ipv${family}`,
      since: '1.18',
      severity: 'error',
      cite: 'templates/cilium-configmap.yaml@v1.18.7 l.532-545 (raw .Values.enableIPv4Masquerade, values.yaml@v1.18.7 l.2177 default ~), @v1.19.1 l.540-553',
      test: (s) => {
        const h = s.helm!;
        const mode = h.user('routingMode');
        if (!mode || mode.value !== 'native') return undefined;
        if (!goTruthy(h.get(`ipv${family}.enabled`)?.value)) return undefined;
        // The template tests the raw value (templates/cilium-configmap.yaml@v1.18.7 l.533, @v1.19.1 l.541), and
        // enableIPv4Masquerade defaults to `~` from 1.18 (values.yaml@v1.18.7 l.2177): unless the user writes true,
        // the chart installs and the agent, which masquerades by default, exits instead (native-routing-cidr-ipv4).
        const raw = h.get(`enableIPv${family}Masquerade`);
        if (!raw || !goTruthy(raw.value) || goTruthy(h.get('ipMasqAgent.enabled')?.value)) return undefined;
        const masq = { origin: raw.origin };
        if (family === '4' && ['eni', 'alibabacloud'].includes(s.agent.ipam.value)) return undefined;
        if (goTruthy(h.get(`ipv${family}NativeRoutingCIDR`)?.value)) return undefined;
        return {
          origins: [mode.origin, masq.origin],
          message: `routingMode: native with IPv${family} masquerading needs ipv${family}NativeRoutingCIDR (the range that is routed without masquerading): the ${s.version} chart refuses to install.`,
          sourceText: `${family === '4' ? ' ' : ''}ipv${family}NativeRoutingCIDR must be set when routingMode is native`,
        };
      },
    }),
  ),
  {
    id: 'chart-gke-needs-native',
    since: '1.14',
    severity: 'error',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
    test: (s) => {
      const h = s.helm!;
      const mode = h.user('routingMode');
      if (!goTruthy(h.get('gke.enabled')?.value) || !mode || !goTruthy(mode.value) || mode.value === 'native') return undefined;
      return { origins: [mode.origin, userOrigin(h, 'gke.enabled')!].filter(Boolean), message: 'With gke.enabled the routing mode must be native: the chart refuses to install.', sourceText: 'RoutingMode must be set to native when gke.enabled=true' };
    },
  },
  {
    id: 'chart-aksbyocni-needs-tunnel',
    since: '1.14',
    severity: 'error',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
    test: (s) => {
      const h = s.helm!;
      const mode = h.user('routingMode');
      if (!goTruthy(h.get('aksbyocni.enabled')?.value) || !mode || !goTruthy(mode.value) || mode.value === 'tunnel') return undefined;
      return { origins: [mode.origin], message: 'With aksbyocni.enabled the routing mode must be tunnel: the chart refuses to install.', sourceText: 'RoutingMode must be set to tunnel when aksbyocni.enabled=true' };
    },
  },
  {
    id: 'chart-hubble-relay-needs-hubble',
    since: '1.14',
    severity: 'error',
    cite: 'templates/validate.yaml@v1.14.19',
    test: (s) => {
      const h = s.helm!;
      if (!goTruthy(h.get('hubble.relay.enabled')?.value) || goTruthy(h.get('hubble.enabled')?.value)) return undefined;
      return { origins: [h.get('hubble.relay.enabled')!.origin, h.get('hubble.enabled')?.origin].filter((o): o is Origin => !!o), message: 'Hubble Relay needs Hubble itself (hubble.enabled: true): the chart refuses to install.', sourceText: 'Hubble Relay requires .Values.hubble.enabled=true' };
    },
  },
  {
    id: 'chart-hubble-ui-needs-relay',
    since: '1.14',
    severity: 'error',
    cite: 'templates/validate.yaml@v1.14.19',
    test: (s) => {
      const h = s.helm!;
      if (!goTruthy(h.get('hubble.ui.enabled')?.value) || goTruthy(h.get('hubble.ui.standalone.enabled')?.value) || goTruthy(h.get('hubble.relay.enabled')?.value)) return undefined;
      return { origins: [h.get('hubble.ui.enabled')!.origin], message: 'Hubble UI needs Hubble Relay (hubble.relay.enabled: true): the chart refuses to install.', sourceText: 'Hubble UI requires .Values.hubble.relay.enabled=true' };
    },
  },
  removedKey('chart-event-handover-removed', ['enableK8sEventHandover'], '1.15', 'enableK8sEventHandover was deprecated in v1.14 and has been removed in v1.15. ...', 'templates/validate.yaml@v1.15.19'),
  removedKey('chart-cnp-status-removed', ['enableCnpStatusUpdates'], '1.15', 'enableCnpStatusUpdates was deprecated in v1.14 and has been removed in v1.15. ...', 'templates/validate.yaml@v1.15.19'),
  removedKey('chart-remote-node-identity-removed', ['remoteNodeIdentity'], '1.16', 'remoteNodeIdentity was deprecated in v1.15 and has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19'),
  removedKey('chart-endpoint-status-removed', ['endpointStatus'], '1.16', 'endpointStatus has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19'),
  removedKey('chart-cri-integration-removed', ['containerRuntime.integration'], '1.16', 'containerRuntime.integration was deprecated in v1.14 and has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19'),
  removedKey('chart-etcd-managed-removed', ['etcd.managed'], '1.16', 'etcd.managed was deprecated in v1.10 has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19'),
  removedKey('chart-encryption-legacy-keys-removed', ['encryption.keyFile', 'encryption.mountPath', 'encryption.secretName', 'encryption.interface'], '1.16', 'encryption.{keyFile,mountPath,secretName,interface} were deprecated in v1.14 and has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19'),
  removedKey('chart-proxy-prometheus-removed', ['proxy.prometheus.enabled', 'proxy.prometheus.port'], '1.16', 'proxy.prometheus.enabled and proxy.prometheus.port were deprecated in v1.14 and has been removed in v1.16. ...', 'templates/validate.yaml@v1.16.19', false),
  removedKey('chart-ces-legacy-removed', ['enableCiliumEndpointSlice'], '1.18', 'enableCiliumEndpointSlice was deprecated in v1.16 and has been removed in v1.18. ...', 'templates/validate.yaml@v1.18.7'),
  ...CHART_VALIDATE_CHECKS,
];
