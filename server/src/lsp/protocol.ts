// The contract between our language server and its clients (the VS Code extension, and any editor that wants
// more than standard LSP). Standard features (diagnostics, hover, completion, code actions, code lens) need
// nothing from here; these are the Cilium-specific additions. Keep this file free of imports from
// `vscode` or `vscode-languageserver` so both sides can share it.

/**
 * The supported Cilium minors, oldest first, and which are pre-releases: the server sends them from the one version
 * table (core/knowledge/versions.ts) in `InitializeResult.capabilities.experimental[VERSIONS_CAPABILITY]`, and the
 * VS Code client builds its version pickers from that, so no client carries a list of its own.
 */
export const VERSIONS_CAPABILITY = 'ciliumVersions';
export interface SupportedVersion {
  minor: string;
  prerelease: boolean;
}

/** One Cilium document's verdict, as a status bar or code lens shows it (defined in the core, which builds it). */
import type { DocumentVerdict } from '../core/documentVerdict';
import type { Severity } from '../core/types';
export type { DocumentVerdict };

/** Settings section read through `workspace/configuration` and accepted as `initializationOptions.settings`. */
export const SETTINGS_SECTION = 'cilium';

/** A rule's severity in the editor (the core's Severity), or off. */
export type RuleSeverityOverride = 'off' | Severity;

/** What users can set (all optional; validated by the server with zod, bad values fall back to defaults). */
export interface CiliumSettings {
  /** Target Cilium minor version ("1.16"), or "auto" to read it from the file (comment, wrapper) or use the newest. */
  version?: string;
  /** Kernel version of the nodes ("5.10"); empty means "assume every kernel requirement is met". */
  kernelVersion?: string;
  /** Per-rule severity overrides, keyed by rule id ("host-routing-endpoint-routes": "off"). */
  rules?: Record<string, RuleSeverityOverride>;
  /** Whether the server may read chart descriptions from the Helm cache outside the workspace (off in untrusted workspaces). */
  readHelmCache?: boolean;
  /** Folders or globs (relative to the workspace folder) whose YAML files are Cilium configuration even with few Cilium keys. */
  files?: string[];
}

/** The client command that picks the target version (VS Code: a quick pick that writes `cilium.version`). */
export const SELECT_VERSION_COMMAND = 'cilium.selectVersion';

/** Request `cilium/explain`: the full reasoning for one file as Markdown. */
export const EXPLAIN_REQUEST = 'cilium/explain';
export interface ExplainParams {
  uri: string;
  /** Also draw each document's packet path as an inline SVG (for clients that render HTML in Markdown). */
  picture?: boolean;
  /** Also send the explanation as HTML, picture included, each line reference a link `#L<line>` with data-line. */
  html?: boolean;
}
export interface ExplainResult {
  /** Markdown for every Cilium document in the file; a short note when the file is not Cilium configuration. */
  markdown: string;
  /** With `html: true`: the same explanation as an HTML fragment (escaped text, the core's SVG, line links). */
  html?: string;
  documents: DocumentVerdict[];
}

/**
 * Request `cilium/renderedConfig`: the whole cilium-config ConfigMap the Cilium chart renders for the file's Helm
 * values (a ConfigMap document: its own keys), as YAML with a trailing comment on each key saying where its value
 * comes from (`# your value: bpf.masquerade (line 4)`, `# chart default: …`, `# fixed by the chart`). When the
 * chart refuses the values, the refusal comes first, as comments.
 */
export const RENDERED_CONFIG_REQUEST = 'cilium/renderedConfig';
export interface RenderedConfigParams {
  uri: string;
  /** Only the YAML document with this index (0-based) of a multi-document file; omitted: every Cilium document. */
  documentIndex?: number;
}
export interface RenderedConfigResult {
  /** ConfigMap manifests (one per Cilium document, separated by `---`), or null when there is no Cilium document. */
  yaml: string | null;
  /** Per Cilium document included: its YAML document index, and false when the chart refused it (see the text). */
  documents: { documentIndex: number; rendered: boolean }[];
}

/**
 * Request `cilium/upgradePlan`: what changes when the document is deployed with Cilium `to` (the upgrade
 * assistant of `cilium-lint upgrade`), as Markdown, and the migration as edits on the document.
 */
export const UPGRADE_PLAN_REQUEST = 'cilium/upgradePlan';
export interface UpgradePlanParams {
  uri: string;
  /** Target version, "1.NN". */
  to: string;
  /** The version the file runs today; else found as usual. */
  from?: string;
}
export interface UpgradePlanResult {
  markdown: string;
  /** Edits that migrate the document (empty when nothing needs migrating), for the document version analysed. */
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[];
  version: number;
}

/** Notification `cilium/verdict`, server → client, after every analysis of an open document. */
export const VERDICT_NOTIFICATION = 'cilium/verdict';
export interface VerdictParams {
  uri: string;
  /** The document version the analysis was made for. */
  version: number;
  /** Empty when the file is not Cilium configuration (the status bar hides). */
  documents: DocumentVerdict[];
}

/**
 * Read-only documents the server serves, for any client: the upstream values.yaml of each chart version (the
 * target of go-to-definition) and each rule's page (the target of a rule id in a comment). A client opens them
 * with the `cilium/virtualDocument` request; the VS Code extension registers both schemes.
 */
export const CHART_SCHEME = 'cilium-chart';
export const DOCS_SCHEME = 'cilium-docs';
// Written with an empty authority (`://`): the same URI as `cilium-chart:/1.18/values.yaml` (VS Code shows it so),
// and the form Vim and Neovim recognise as a URL rather than a relative file name. The request accepts both.
/** `cilium-chart:///1.18/values.yaml` */
export function chartValuesUri(version: string): string {
  return `${CHART_SCHEME}:///${version}/values.yaml`;
}
/** `cilium-docs:///rules/host-routing-cni-chaining.md` */
export function rulePageUri(rule: string): string {
  return `${DOCS_SCHEME}:///rules/${rule}.md`;
}

/** Request `cilium/virtualDocument`: the text of a `cilium-chart:` or `cilium-docs:` URI. */
export const VIRTUAL_DOCUMENT_REQUEST = 'cilium/virtualDocument';
export interface VirtualDocumentParams {
  uri: string;
}
export interface VirtualDocumentResult {
  /** The document's text; null for a URI the server has no document for. */
  text: string | null;
}

/** Code action kind of the "fix every Cilium problem in this file" action. */
export const FIX_ALL_KIND = 'source.fixAll.cilium';

/**
 * Where each rule is documented (diagnostic `codeDescription.href`): the rule's page, served by this server as a
 * `cilium-docs:` document. The project has no published web home yet, so the link never leaves the editor.
 */
export function ruleDocUrl(rule: string): string {
  return rulePageUri(rule);
}

/** Command of the code lens: explain the file whose URI is the only argument. The VS Code client registers it
 * itself (and says so with `clientHandlesExplain`); for other editors the server answers
 * `workspace/executeCommand` with the explanation as Markdown. */
export const EXPLAIN_COMMAND = 'cilium.explain';

/** `initializationOptions` the server understands (every field optional). */
export interface InitializationOptions {
  /** Settings for editors without `workspace/configuration` (and the starting point for those with it). */
  settings?: CiliumSettings;
  /** The client runs `cilium.explain` itself, so the server does not offer it through `workspace/executeCommand`. */
  clientHandlesExplain?: boolean;
  /** Whether the workspace is trusted (VS Code's Restricted Mode is `false`). Absent: trusted, for editors without
   * a notion of trust. Untrusted, the server reads no chart, in the workspace or the Helm cache, whatever the
   * settings say. */
  workspaceTrusted?: boolean;
}

/** Notification `cilium/didChangeWorkspaceTrust`, client → server, when the trust state changes (VS Code: the
 * user granted trust). The server drops every chart it found or read and reads settings again. */
export const WORKSPACE_TRUST_NOTIFICATION = 'cilium/didChangeWorkspaceTrust';
export interface WorkspaceTrustParams {
  trusted: boolean;
}
