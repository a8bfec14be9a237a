import { R120 } from '../../knowledge/enumValues';
import { inRange } from '../../version';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'cni-chaining-mode-invalid',
  severity: 'error',
  helm: 'cni.chainingMode',
  configMap: 'cni-chaining-mode',
  what: 'CNI chaining mode',
  // The same six names are registered as chainers in every version (plugins/cilium-cni/chaining/*/…go
  // `chainingapi.Register` @v1.12.19 and @v1.13.18 too). Up to 1.13 the agent does not check the word; the
  // CNI configuration is written by plugins/cilium-cni/cni-install.sh, whose `case` knows flannel, portmap
  // and aws-cni and writes Cilium's own stand-alone configuration for anything else.
  sets: [{ values: ['none', 'aws-cni', 'azure', 'flannel', 'generic-veth', 'portmap'] }],
  cite: `plugins/cilium-cni/cni-install.sh@v1.12.19 l.7-23 and l.127-226, @v1.13.18 l.7-23 and l.127-226 (1.12-1.13); daemon/cmd/cni/config.go@v1.14.19 l.95-150 and l.342, @v1.19.1 l.100-155 and l.387; plugins/cilium-cni/main.go@v1.14.19 l.908, plugins/cilium-cni/cmd/cmd.go@v1.19.1 l.1291, ${R120} l.1321; chainers registered in plugins/cilium-cni/chaining/* (@v1.12.19 onwards)`,
  consequence: (s, raw) =>
    inRange(s.version, undefined, '1.13')
      ? {
          text: `The ${s.version} CNI install script only writes a chained configuration for the words it knows: for this one it writes Cilium's own stand-alone CNI configuration instead (and, with {key:cni.exclusive} on, the default, moves the other plugin's configuration aside), while the agent runs as if chained. Cilium takes over pod networking instead of chaining behind the plugin you meant.`,
        }
      : {
          text: "Cilium has no CNI configuration for it: the agent keeps retrying to write the CNI configuration file, or, chained into another plugin's configuration, the CNI plugin refuses every pod. Pods get no network.",
          sourceText: `invalid CNI chaining mode: ${raw}`,
        },
  summary:
    'The CNI chaining mode is not one Cilium has a CNI configuration for: up to 1.13 Cilium installs itself as the only CNI instead of chaining; from 1.14 pods get no network.',
  examples: [{ version: '1.16', bad: 'cni:\n  chainingMode: aws-cnii\n', good: 'cni:\n  chainingMode: aws-cni\n' }],
});
