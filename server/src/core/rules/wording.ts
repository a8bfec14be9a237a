// A rule's message is a template, written once in Helm words. Helm keys in it are marked, and the ConfigMap
// spelling is derived from the Helm-key ↔ cilium-config-key mapping of keyDocs.json (`configMap` of a Helm key),
// so a finding in a cilium-config ConfigMap names the agent option the user actually writes there.
//
//   {name}                   a parameter
//   {key:bpf.hostLegacyRouting}     → bpf.hostLegacyRouting        | enable-host-legacy-routing
//   {set:bpf.masquerade=true}       → bpf.masquerade: true         | enable-bpf-masquerade: "true"
//   {set:kubeProxyReplacement={mode}}  a setting whose value is a parameter
//
// The template and its parameters travel with the check's result (`Hit.wording`, plain data, so an analysis can
// cross a worker thread); the finding is rendered in the document's spelling.

import { helmKeyDoc } from '../knowledge/keyDocs';
import type { Wording } from '../types';

export type Spelling = 'helm' | 'configmap';
export type MessageParams = Readonly<Record<string, string | number>>;

const TOKEN = /\{(key|set):([^{}=]+)(?:=((?:[^{}]|\{\w+\})*))?\}|\{(\w+)\}/g;

/** The cilium-config key the chart writes from a Helm key, when keyDocs.json names exactly one. */
export function configMapKeyOf(helmPath: string): string | undefined {
  const keys = helmKeyDoc(helmPath)?.configMap;
  return keys && keys.length === 1 ? keys[0] : undefined;
}

function param(params: MessageParams, name: string): string {
  const v = params[name];
  return v === undefined ? `{${name}}` : String(v);
}

export function renderMessage(template: string, params: MessageParams, spelling: Spelling): string {
  return template.replace(
    TOKEN,
    (_all, kind: string | undefined, path: string | undefined, value: string | undefined, name: string | undefined) => {
      if (name !== undefined) return param(params, name);
      const cm = spelling === 'configmap' ? configMapKeyOf(path!) : undefined;
      const shown = value === undefined ? undefined : value.replace(/\{(\w+)\}/g, (_m, n: string) => param(params, n));
      if (kind === 'key') return cm ?? path!;
      return cm ? `${cm}: "${shown}"` : `${path}: ${shown}`;
    },
  );
}

/** The Helm keys a template names (to check that each has a ConfigMap spelling). */
export function keysIn(template: string): string[] {
  return [...template.matchAll(TOKEN)].filter((m) => m[1]).map((m) => m[2]);
}

/** A check's message and the wording it came from: Helm words now, the document's words when it becomes a finding. */
export function say(template: string, params: MessageParams = {}): { message: string; wording: Wording } {
  return { message: renderMessage(template, params, 'helm'), wording: { template, params } };
}

/** The message of a result in the document's spelling (results without a template keep their text). */
export function spelled(hit: { message: string; wording?: Wording }, spelling: Spelling): string {
  return hit.wording ? renderMessage(hit.wording.template, hit.wording.params, spelling) : hit.message;
}
