import { STARTUP_CHECK_CITE } from '../../knowledge/configMapStartupCheck';
import { configMap, defineRule, type Rule } from '../rule';
import { HEADLINE_MAX, sentences, withoutAsides } from '../headlineText';

export default defineRule<Rule>({
  id: 'configmap-value-stops-agent',
  group: 'configmap',
  severity: 'error',
  // The check itself, its versions and what cast accepts per version: knowledge/configMapStartupCheck.ts.
  cite: `${STARTUP_CHECK_CITE}; hive decoding: vendor/github.com/cilium/hive/cell/config.go@v1.16.19 l.101-130; CIDRs: pkg/option/config.go@v1.12.19 l.3045-3066, @v1.19.1 l.2593-2602`,
  summary:
    "A cilium-config value that does not parse as its flag's type (bool, integer, duration, number): cilium-agent checks every flag's value before it starts and exits on the first it cannot read, or its hive cell cannot decode it later; likewise a native-routing CIDR it cannot parse.",
  // The message's own first sentence names the value; a long key or value makes it too long to be the headline.
  headline: (f) => {
    const first = sentences(f.message)[0] ?? '';
    if (withoutAsides(first).length <= HEADLINE_MAX) return undefined;
    return `${f.key ?? 'This key'} has a value of the wrong type: the agent will not start. Fix the value.`;
  },
  examples: [
    // A native-routing CIDR is a string flag the agent parses itself, and exits on (rules/configCidr.ts).
    {
      version: '1.16',
      bad: configMap('routing-mode: native\nipv4-native-routing-cidr: not-a-cidr'),
      good: configMap('routing-mode: native\nipv4-native-routing-cidr: 10.0.0.0/8'),
    },
    // A plain daemon flag (read through viper): refused by the start-up check in every version.
    {
      version: '1.12',
      bad: configMap('enable-bpf-masquerade: "yes"'),
      good: configMap('enable-bpf-masquerade: "true"'),
    },
    {
      version: '1.19',
      bad: configMap('enable-bpf-masquerade: "yes"'),
      good: configMap('enable-bpf-masquerade: "true"'),
    },
    // An empty bool is refused too (strconv.ParseBool("") fails).
    { version: '1.16', bad: configMap('enable-l7-proxy: ""'), good: configMap('enable-l7-proxy: "false"') },
    // A hive cell's duration: "30" passes the start-up check as 30ns, then the cell's decoding refuses it.
    {
      version: '1.19',
      bad: configMap('agent-liveness-update-interval: "30"'),
      good: configMap('agent-liveness-update-interval: "30s"'),
    },
  ],
});
