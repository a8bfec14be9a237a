import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  // The chart's lookup of the API server address (k8sServiceHost: auto) fails when the ConfigMap is not found:
  // templates/_helpers.tpl@v1.19.1 l.131-147, @v1.20.0-pre.4 and @v1.21.0-pre.0 l.142 (1.16-1.18 fall back to
  // the literal text instead, _helpers.tpl@v1.18.7 l.131-146). Whether it is found depends on the cluster, and
  // `helm template` (no cluster) never finds it: the renderer marks the stop as depending on the cluster.
  id: 'chart-k8s-service-host-auto-lookup',
  match: /^ConfigMap \S+ not found, please create it or set k8sServiceHost to a valid value/,
  since: '1.19',
  readsCluster: true,
  cite: 'templates/_helpers.tpl@v1.19.1 l.131-147, @v1.20.0-pre.4 l.142, @v1.21.0-pre.0 l.142',
  explain: () =>
    'k8sServiceHost: auto makes the chart read the API server address from a ConfigMap in the cluster at install time (kube-public/cluster-info unless k8sServiceLookupNamespace / k8sServiceLookupConfigMapName say otherwise, as kubeadm creates it). helm install stops with this message where that ConfigMap is missing, and helm template (Argo CD, kustomize helmCharts) cannot read the cluster, so there it always stops; write the address instead in that case.',
  summary:
    'k8sServiceHost: auto needs the cluster-info ConfigMap at install time; helm install stops without it and helm template always does.',
  examples: [{ version: '1.19', bad: 'k8sServiceHost: auto\n', good: 'k8sServiceHost: 10.0.0.1\n' }],
});
