// The levels a rule can be set to in .cilium-lint.yaml (shared by the loader and its lazily loaded schema).
export type RuleLevel = 'off' | 'info' | 'warning' | 'error';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];
