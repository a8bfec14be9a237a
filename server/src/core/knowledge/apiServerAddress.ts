// Where the agent finds the API server when kube-proxy replacement is on (rules/apiServerAddress.ts).
//
// What the source shows:
// - The chart gives the agent and operator KUBERNETES_SERVICE_HOST only when k8sServiceHost is set
//   (templates/cilium-agent/daemonset.yaml `{{- if .Values.k8sServiceHost }}` @v1.12.19 l.203, @v1.13.18 l.207,
//   @v1.14.19 l.195, @v1.15.19 l.199, @v1.16.19 l.202, @v1.17.13 l.208, @v1.18.7 l.218, @v1.19.1 l.219,
//   @v1.20.0-pre.4 l.224, @v1.21.0-pre.0 l.224; from 1.18 also from k8sServiceHostRef, l.209 @v1.18.7), and no
//   validate.yaml fails on an empty one (only on both being set, @v1.18.7 l.53-55).
// - Without it the agent's Kubernetes client uses the in-cluster environment the kubelet gives every pod
//   (pkg/k8s/client/config.go@v1.19.1 l.99-108): the ClusterIP of the `kubernetes` Service.
// - Cilium's kube-proxy-free guide says why that breaks without kube-proxy: nothing provisions that Service
//   address until Cilium runs (Documentation/network/kubernetes/kubeproxy-free.rst@v1.19.1 l.89-96).

export const API_SERVER_ADDRESS_CITE =
  'templates/cilium-agent/daemonset.yaml@v1.12.19 l.203 .. @v1.19.1 l.219 (KUBERNETES_SERVICE_HOST only from k8sServiceHost); pkg/k8s/client/config.go@v1.19.1 l.99-108; Documentation/network/kubernetes/kubeproxy-free.rst@v1.19.1 l.89-96';
