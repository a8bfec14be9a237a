// The language features an editor asks for: hover, completion, code actions, code lenses, the outline (symbols,
// folding, selection ranges), go-to-definition and links. Each lives in its own file and reads the one cached
// Analysis of the document version.

import type { ServerCapabilities } from 'vscode-languageserver';
import { CODE_ACTION_KINDS, registerCodeActions } from '../codeActions';
import { registerCodeLens } from '../codeLens';
import { registerCompletion, TRIGGER_CHARACTERS } from '../completion';
import type { ServerContext } from '../context';
import { registerDefinition } from '../definition';
import { registerHover } from '../hover';
import { registerLinks } from '../links';
import { registerOutline } from '../outline';

export const LANGUAGE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
  codeLensProvider: { resolveProvider: false },
  documentSymbolProvider: { label: 'Cilium' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  definitionProvider: true,
  documentLinkProvider: { resolveProvider: false },
};

export function registerLanguageFeatures(ctx: ServerContext): void {
  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
  registerCodeLens(ctx);
  registerOutline(ctx);
  registerDefinition(ctx);
  registerLinks(ctx);
}
