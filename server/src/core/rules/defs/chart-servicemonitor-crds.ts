import { inRange } from '../../version';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-servicemonitor-crds',
  match: /^Service Monitor requires monitoring\.coreos\.com\/v1 CRDs/,
  readsCluster: true,
  cite: 'templates/validate.yaml@v1.12.19 l.19-22 (no escape), @v1.13.18 l.19-25, @v1.14.19 l.19-25, @v1.15.19 l.33-39, @v1.16.19 l.63-69, @v1.19.1 l.76-82 (trustCRDsExist)',
  explain: (v) =>
    `A ServiceMonitor is requested: helm install fails on a cluster that does not serve the monitoring.coreos.com/v1 CRDs (and helm template without --api-versions always fails)${inRange(v, '1.13') ? '; set prometheus.serviceMonitor.trustCRDsExist: true if they are there' : ''}.`,
  summary:
    'ServiceMonitors need the Prometheus operator CRDs in the cluster (helm template without --api-versions fails).',
  headline: () =>
    'Without the ServiceMonitor CRDs helm install fails; set serviceMonitor.trustCRDsExist: true if they exist.',
  examples: [
    {
      version: '1.16',
      bad: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n',
      good: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: false\n',
    },
  ],
});
