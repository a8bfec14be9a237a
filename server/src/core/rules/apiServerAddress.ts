// Kube-proxy replacement with no API server address for the agent (kpr-api-server-via-service). Neither the chart
// nor the agent checks this, so it is information: what the agent will connect to, and when that fails.
//
// The facts and their sources: knowledge/apiServerAddress.ts.
// Whether kube-proxy still runs is not in the values, so this is never an error.

import { isScalar } from 'yaml';
import type { RenderedConfig } from '../model/agentConfig';
import type { State } from '../model/state';
import { TEMPLATED, type MapView } from '../parse/tree';
import type { Finding } from '../types';
import { inRange, type CiliumVersion } from '../version';

/** Agent options that give the API server's address some other way (extraConfig, kubeConfigPath). */
const OTHER_ADDRESS_KEYS = ['k8s-api-server', 'k8s-api-server-urls', 'k8s-kubeconfig-path'];

function written(root: MapView, path: string): 'empty' | 'set' | 'unknown' {
  const e = root.lookup(path);
  if (!e) return 'empty';
  const v = root.valueOf(e);
  if (v === TEMPLATED) return 'unknown';
  if (v === null || v === '' || (isScalar(e.node) && String(e.node.value ?? '').trim() === '')) return 'empty';
  return 'set';
}

function extraEnvSetsHost(root: MapView): boolean {
  const e = root.lookup('extraEnv');
  if (!e) return false;
  const v = root.valueOf(e);
  if (v === TEMPLATED) return true;
  return (
    Array.isArray(v) &&
    v.some(
      (x) =>
        x !== null &&
        typeof x === 'object' &&
        !Array.isArray(x) &&
        (x as Record<string, unknown>).name === 'KUBERNETES_SERVICE_HOST',
    )
  );
}

export function apiServerAddressFindings(
  root: MapView,
  s: State,
  configMap: RenderedConfig,
  version: CiliumVersion,
  valuesElsewhere: boolean,
): Finding[] {
  if (!s.helm || !s.kprFull || valuesElsewhere) return [];
  const kpr = root.lookup('kubeProxyReplacement');
  if (!kpr) return [];
  if (written(root, 'k8sServiceHost') !== 'empty') return [];
  if (
    inRange(version, '1.18') &&
    written(root, 'k8sServiceHostRef.name') !== 'empty' &&
    written(root, 'k8sServiceHostRef.key') !== 'empty'
  )
    return [];
  if (OTHER_ADDRESS_KEYS.some((k) => (configMap.get(k)?.value ?? '').trim() !== '')) return [];
  if (extraEnvSetsHost(root)) return [];
  const ways = [
    "k8sServiceHost and k8sServicePort (the API server's own address)",
    ...(inRange(version, '1.16')
      ? ['k8sServiceHost: auto (read from the kubeadm cluster-info ConfigMap at install time)']
      : []),
    ...(inRange(version, '1.18') ? ['k8sServiceHostRef (a ConfigMap holding it)'] : []),
  ];
  return [
    {
      rule: 'kpr-api-server-via-service',
      severity: 'info',
      message: `Kube-proxy replacement is on and k8sServiceHost is empty, so the chart gives the agent no API server address: it connects through the \`kubernetes\` Service's ClusterIP that the kubelet puts in every pod. That works while kube-proxy still runs on the nodes; where kube-proxy is removed, nothing serves that address before Cilium is up, so the agent on a new node cannot reach the API server. To run without kube-proxy, set ${ways.join(', or ')}.`,
      range: kpr.keyRange,
      key: 'kubeProxyReplacement',
    },
  ];
}
