// The core's public entry point: what the CLI and the language server (and any other front end) use. Everything
// behind it (the model, the chart engine, the rules, the knowledge tables in the core's folders) may change shape
// without a front end noticing. test/architecture.test.ts fails when the CLI or the language server imports
// anything inside those folders.

// The analysis and its result.
export { analyze, analyzeSafely, DEFAULT_MAX_CHARS } from './analyze';
export type { Analysis, AnalyzeOptions, DocumentAnalysis, InternalError } from './analysisTypes';
export type { ChartFileHint, VersionSource } from './versionHints';
export { VERSION_SOURCE_WORDS } from './versionHints';
export type { Finding, Fix, Origin, Range, Severity, TextEdit } from './types';

// Re-analysing a document as it is edited (the editor's sessions).
export { IncrementalSession } from './parse/sections';

// Versions and settings the user passes in.
export {
  isSupported,
  NEWEST_RELEASED,
  parseCiliumVersion,
  SUPPORTED_VERSIONS,
  VERSION_TABLE,
  type CiliumVersion,
} from './version';
export { parseKernel, type KernelVersion } from './model/state';

// Quick-fixes and text edits.
export { fixAllEdits } from './fixes/index';
export { fixAllInText, minimalEdit } from './fixes/fixAll';
export { applyEdits } from './edit/yamlEdit';

// .cilium-lint.yaml and rule levels.
export {
  applyRuleLevels,
  isIncluded,
  LINT_CONFIG_NAMES,
  parseLintConfig,
  type LintConfig,
  type LintConfigResult,
  type RuleLevel,
} from './lintConfig';

// Views of an analysis.
export { chartValuesText } from './chart/values/chartValues';
export { ruleDocMarkdown, ruleSectionLines } from './docs/ruleDoc';
export { LineIndex } from './positions';
export { dependsOnLines, statusLines, statusSummary, verdictHeadline } from './statusPreview';
export { renderedConfigText, renderedDocuments, type RenderedDocument } from './renderedConfig';
export { ruleInfo } from './knowledge/ruleCatalog';
// A finding's message as an editor shows it: one short sentence first, the rest as details (the CLI's text format too).
export { HEADLINE_MAX, splitMessage } from './rules/headline';
// The Explain view as HTML (the VS Code webview), its line references links.
export { explainHtml } from './explainHtml';

// The upgrade assistant.
export { upgradePlan, type DocumentUpgrade, type UpgradePlan } from './upgrade';
export { upgradeHeader, upgradeMarkdown } from './upgradeReport';

// The document rules run after the datapath rules; tests push a crashing rule here to check isolation.
export { documentRules, type DocumentRule } from './rules/documentRules';
