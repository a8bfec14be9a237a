// What analyze() takes and gives, as types only: the fixes, suppressions and views read these without
// importing the analysis itself (which runs them), so the core's import graph has no cycle.

import type { UsedBy } from './valuesReferences';
import type { AgentConfig, RenderedConfig } from './model/agentConfig';
import type { ChartModel } from './model/chartModel';
import type { Datapath } from './model/datapath';
import type { KernelVersion } from './model/state';
import type { CiliumSource, DocumentKind } from './parse/recognise';
import type { IncrementalSession } from './parse/sections';
import type { ParsedYaml } from './parse/yamlFile';
import type { Finding } from './types';
import type { CiliumVersion } from './version';
import type { ChartFileHint, VersionSource } from './versionHints';

export interface AnalyzeOptions {
  /** Target Cilium version ("1.16"); wins over anything found in the file. */
  version?: string;
  /** Kernel version of the nodes ("5.4"); unknown means "assume every kernel requirement is met". */
  kernel?: string;
  /** The file's path, used only as a hint for recognising plain values files. */
  path?: string;
  /** Files larger than this many characters get one finding instead of an analysis. */
  maxChars?: number;
  /**
   * Chart.yaml / Chart.lock found beside or above the file, nearest first, as read by the caller (the core reads
   * no files). A `cilium` dependency's version there is a version hint.
   */
  chartFiles?: readonly ChartFileHint[];
  /**
   * Wrappers that name this file as their values file (kustomize valuesFile, helmfile values, Argo CD
   * valueFiles), found by the caller (io/valuesReferences.ts). Their chart version is the file's version.
   */
  usedBy?: readonly UsedBy[];
  /**
   * The user said this file is Cilium configuration (named on the command line with --cilium-version, or matched
   * by the `cilium.files` setting): plain values are analysed even with few Cilium keys.
   */
  assumeCilium?: boolean;
  /**
   * Kept by the caller between analyses of one document (the language server keeps one per open document): the
   * file is parsed again only in the top-level sections that changed. The result is the same as without it.
   */
  incremental?: IncrementalSession;
  /**
   * Hears of failures met after analyze() has returned: fixes are worked out when first read, and a fixer that
   * throws offers nothing for its finding (the finding and every other fix stay). The language server logs them;
   * without a listener they are dropped.
   */
  onInternalError?: (error: InternalError) => void;
}

export interface DocumentAnalysis {
  index: number;
  kind: DocumentKind;
  label: string;
  version: CiliumVersion;
  versionSource: VersionSource;
  /** The chart file the version came from (for chart-yaml / chart-lock). */
  versionFile?: string;
  kernel?: KernelVersion;
  datapath: Datapath;
  findings: Finding[];
  /** The cilium-config keys these values produce (for Helm values) or contain (for a ConfigMap). */
  configMap: RenderedConfig;
  agent: AgentConfig;
  source: CiliumSource;
  /** For Helm values: the chart of the target version rendered for them (its stops, refusals and render). */
  chart?: ChartModel;
}

export interface Analysis {
  /** Problems that belong to no Cilium document (syntax errors, a file too large, binary content). */
  fileFindings: Finding[];
  documents: DocumentAnalysis[];
  /**
   * Bugs of ours met while analysing: each also appears as one `internal-error` finding, on the document it hit
   * (in `fileFindings`, since a document whose analysis failed has no verdict). Kept here with the thrown value so
   * the CLI can print the stack with --debug and exit 3.
   */
  internalErrors: InternalError[];
  /** The file's YAML documents with ranges, for the views that show the file's structure (outline, folding,
   * selection ranges); absent when the file was not parsed (too large, not text, nested too deeply). */
  yaml?: ParsedYaml;
}

export interface InternalError {
  /** What was being done ("analysing document 2 (Helm values)"). */
  what: string;
  error: unknown;
}
