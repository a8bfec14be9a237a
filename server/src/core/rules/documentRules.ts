// Rules added at run time, run on every Cilium document after the built-in ones. Empty in the product: it is the
// seam the tests use to inject a rule that throws, proving that one failing document or file never takes down
// the others (the CLI bundle re-exports it for that purpose; it is no command-line option).

import type { AgentConfig } from '../model/agentConfig';
import type { Datapath } from '../model/datapath';
import type { RenderedConfig } from '../model/agentConfig';
import type { CiliumSource } from '../parse/recognise';
import type { Finding } from '../types';
import type { CiliumVersion } from '../version';

export interface DocumentRuleInput {
  source: CiliumSource;
  version: CiliumVersion;
  datapath: Datapath;
  configMap: RenderedConfig;
  agent: AgentConfig;
}

export type DocumentRule = (doc: DocumentRuleInput) => Finding[];

export const documentRules: DocumentRule[] = [];
