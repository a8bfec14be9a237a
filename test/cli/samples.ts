// Sample files the CLI tests share, written once: a clean 1.16 values file, and a cilium-config ConfigMap whose
// `enable-bpf-masquerade` is a boolean where the agent reads a string (a configmap error).

export const CLEAN_116 = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
  '',
].join('\n');

export const BAD_CONFIGMAP = [
  '# cilium-version: 1.16',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: cilium-config',
  'data:',
  '  kube-proxy-replacement: "true"',
  '  enable-bpf-masquerade: true',
  '',
].join('\n');
