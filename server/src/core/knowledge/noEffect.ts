// Where Cilium's source shows that a setting is not read in some configuration (rules/noEffectRules.ts).

/** The DSR defines of the BPF datapath are written only inside the NodePort (kube-proxy replacement) block. */
export const LB_MODE_WITHOUT_NODEPORT_CITE =
  'pkg/datapath/linux/config/config.go@v1.12.19 l.281, @v1.16.19 l.405-467, @v1.18.7 l.354-420, @v1.19.1 l.313-362 (DSR defines only inside the NodePort / kube-proxy replacement block)';
