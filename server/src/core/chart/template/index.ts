// A Go text/template engine in TypeScript: lexer, parser and evaluator with Go's semantics, so the Cilium
// Helm chart's own templates can be run inside the language server. This folder depends on nothing else in
// the core; the Helm layer (Sprig functions, .Values coalescing, include/tpl) is built on top of this API.
//
// Typical use by the Helm layer:
//
//   const set = new TemplateSet({ missingKey: 'zero', funcs: sprig });
//   set.addFuncs({
//     include: (name, data) => set.executeNested(String(name), data),
//     tpl: (text, data) => set.executeText(CURRENT_TEMPLATE_NAME, String(text), data),
//   });
//   for (const [file, text] of chartFiles) set.parse(file, text);       // parse once per chart version
//   const out = set.execute('cilium/templates/cilium-configmap.yaml', root, { tracer });
//
// Provenance: `execute(name, data, { tracer, spans })`. The tracer hears every data read (and every use of a
// variable, with the paths its value came from); `spans` hears every piece of top-level output with the paths
// it depends on (enclosing conditions + its own pipeline), which is the precise way to say which values made
// a given output line.
//
// Helm specifics a caller must know (checked against Helm's pkg/engine/engine.go):
// - Helm executes with `missingkey=zero` (and `missingkey=error` only with --strict). With map data, `zero`
//   and `default` both print a missing key (or a nil value) as the text `<no value>`; Helm then deletes every
//   `<no value>` from the rendered file (strings.ReplaceAll), and does the same on the output of `tpl`. This
//   engine prints `<no value>` like Go; the replacement belongs to the Helm layer.
// - The one difference between `zero` and `default`: under `zero` a missing key yields a nil *interface*
//   value, so a longer chain through it (`.Values.missing.x`) fails with
//   `nil pointer evaluating interface {}.x`, exactly as Helm does; under `default` it yields nothing and the
//   chain quietly gives `<no value>`.

export { GoObject, isTrue, goKind, goTypeName, isNil, withSignature, signatureOf } from './values';
export type { GoKind, GoValue, GoMap, GoFunc, GoParamType, GoSignature } from './values';
export { TemplateError } from './errors';
export type { TemplateErrorKind } from './errors';
export { TemplateSet } from './templateSet';
export { decodeParsedFile, encodeParsedFile } from './astCodec';
export type { EncodedFile } from './astCodec';
export type { ParsedFile } from './parser';
export type { FuncMap, MissingKey, ReadTracer, SpanListener, TemplateSetOptions, ExecuteOptions } from './templateSet';
export { goSprint, goSprintf, goSprintln, formatValue, quoteGo } from './format';
export { dottedTail } from './paths';
export type { DataPath } from './paths';
