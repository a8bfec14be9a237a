// Commands and Cilium's own requests: `workspace/executeCommand` (the explanation, for editors whose client does
// not run it itself), `cilium/explain`, `cilium/renderedConfig` and `cilium/upgradePlan`.

import type { ServerCapabilities } from 'vscode-languageserver';
import { registerCommands, serverCommands } from '../commands';
import type { ServerContext } from '../context';
import { registerUpgradePlan } from '../upgradePlan';

/** Read after initialize has recorded what the client runs itself. */
export function commandCapabilities(ctx: ServerContext): ServerCapabilities {
  return { executeCommandProvider: { commands: serverCommands(ctx) } };
}

export function registerCommandHandlers(ctx: ServerContext): void {
  registerCommands(ctx);
  registerUpgradePlan(ctx);
}
