// One answer per analysis of an open document (an analysis stands for one document version and its settings):
// editors ask for the Outline, the folds and the links again on every focus, scroll and redraw, and the answer
// only changes with the text. Kept in a WeakMap, so an answer goes when its analysis does.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/index';
import { openDocument, type ServerContext } from './context';

/** `build` wrapped to run once per analysis of the document `uri` names. */
export function perAnalysis<T>(
  build: (doc: TextDocument, analysis: Analysis) => T,
): (ctx: ServerContext, uri: unknown) => T {
  const answers = new WeakMap<Analysis, T>();
  return (ctx, uri) => {
    const { doc, analysis } = openDocument(ctx, uri);
    if (answers.has(analysis)) return answers.get(analysis) as T;
    const answer = build(doc, analysis);
    answers.set(analysis, answer);
    return answer;
  };
}
