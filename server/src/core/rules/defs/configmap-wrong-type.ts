import { STARTUP_CHECK_CITE } from '../../knowledge/configMapStartupCheck';
import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-wrong-type',
  group: 'configmap',
  severity: 'error',
  // The operator's start-up check is the agent's (InitConfig in operator/cmd/root.go@v1.19.1 l.423); keys with no
  // flag are read through spf13/cast and become zero (rules/configValueTypes.ts).
  cite: `${STARTUP_CHECK_CITE}; vendor/github.com/spf13/cast caste.go@v1.16.19, number.go@v1.19.1`,
  summary:
    "A cilium-config value that does not parse as the key's type, where the agent still starts: a key with no flag that cilium-agent reads as false or 0, a duration without a unit read as nanoseconds; and values cilium-operator refuses (it does not start). Values the agent refuses are configmap-value-stops-agent.",
  headline: (f) => {
    const reader = /cilium-(agent|operator)/.exec(f.message)?.[0] ?? 'Cilium';
    const stops = /does not start|cannot decode|exits/.test(f.message);
    return `${f.key ?? 'This key'} has a value of the wrong type: ${stops ? `${reader} will not start` : `${reader} reads it differently`}. Fix the value.`;
  },
  examples: [
    // The examples show the error; the warnings (a key with no flag, a bare number of nanoseconds) are in
    // test/core/configMapKeys.test.ts.
    // An operator-only hive option: the operator does not start.
    { version: '1.19', bad: configMap('identity-gc-interval: "30"'), good: configMap('identity-gc-interval: "30s"') },
  ],
});
