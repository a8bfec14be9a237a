// Quick-fixes for cilium-config keys: rename a misspelt key to the did-you-mean of the target version, or a
// removed/deprecated key to the successor its own deprecation message names ("Use --bpf-lb-mode instead").
// Only the key's text changes, so comments, order, indentation and quoting stay as they are. A value that the new
// key's type would refuse is left alone (the user must change the value as well, which is theirs to choose).

import { configKeyInfo, type Component } from '../knowledge/configKeys';
import { renameKey } from '../edit/yamlEdit';
import { configMapRenameTarget } from '../rules/configMapKeyRules';
import { valueOutcome } from '../rules/configValueTypes';
import { one, type Fixer } from './context';

function valueFits(key: string, value: unknown, c: Parameters<Fixer>[1]): boolean {
  if (typeof value !== 'string') return true;
  const info = configKeyInfo(key, c.doc.version);
  if (!info) return true;
  return info.components.every((comp: Component) => !valueOutcome(value, info, comp)?.refused);
}

/** In a ConfigMap the keys are its `data`; in Helm values, the entries of `extraConfig`. */
export const configMapRename: Fixer = (f, c) => {
  if (!f.key) return [];
  const view = c.configMap ? c.root : c.root.child('extraConfig');
  const target = configMapRenameTarget(f.rule, f.key, c.doc.version);
  const entry = view?.get(f.key);
  if (!view || !target || !entry || entry.merged || entry.keyRange.start !== f.range.start) return [];
  if (!valueFits(target, view.valueOf(entry), c)) return [];
  return one(`Rename ${f.key} to ${target}`, renameKey(view, f.key, target, c.text));
};
