// Lists every function the Cilium chart templates call (identifiers in function position inside {{ }} actions),
// per chart version, so the Helm layer can implement each one. Scans ../shared/cilium-charts/v1.NN/templates
// (all templates, not only the packed ones) and the files/ they pass to `tpl`.
//
//   node tools/list-chart-functions.mjs [chartsDir]      → one line per function: name and the versions using it
//   node tools/list-chart-functions.mjs --json [chartsDir]
//
// Function position: the first word of a command (after `{{`, `(`, `|`, or a `:=`/`=` assignment), which is how
// Go templates call functions. Keywords, variables ($x), fields (.x) and literals are not functions.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chartsDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '../shared/cilium-charts'));
const KEYWORDS = new Set([
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'template',
  'block',
  'break',
  'continue',
  'nil',
  'true',
  'false',
]);

function walk(dir) {
  const out = [];
  for (const n of readdirSync(dir)) {
    const f = join(dir, n);
    if (statSync(f).isDirectory()) out.push(...walk(f));
    else out.push(f);
  }
  return out;
}

/** Function names called in one template text. */
export function functionsIn(text) {
  const found = new Set();
  for (const m of text.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)) {
    let body = m[1];
    if (/^\s*\/\*/.test(body)) continue; // comment
    body = body.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)'/g, ' "" '); // strings and chars
    // Split into commands: starts of the action, after ( | and after := / =.
    const starts = body.split(/\(|\||:=|(?<![=!<>])=(?!=)/);
    for (const seg of starts) {
      const w =
        /^\s*(else\s+(?:if|with)\s+|if\s+|range\s+(?:\$\w+\s*(?:,\s*\$\w+\s*)?:=\s*)?|with\s+|else\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(
          seg,
        );
      if (!w) continue;
      const name = w[2];
      if (KEYWORDS.has(name)) continue;
      found.add(name);
    }
  }
  return found;
}

export function listChartFunctions(dir = chartsDir) {
  if (!existsSync(dir)) throw new Error(`charts folder ${dir} not found (expected ../shared/cilium-charts)`);
  const byFn = new Map();
  const versions = readdirSync(dir)
    .filter((n) => /^v1\.\d+$/.test(n))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  for (const v of versions) {
    // Templates, plus the chart files they run through `tpl` (files/**, except the Grafana dashboards, whose
    // `{{ }}` are Grafana's own and are never executed).
    const filesDir = join(dir, v, 'files');
    const tplFiles = existsSync(filesDir) ? walk(filesDir).filter((f) => !f.endsWith('.json')) : [];
    for (const f of [...walk(join(dir, v, 'templates')), ...tplFiles]) {
      for (const fn of functionsIn(readFileSync(f, 'utf8'))) {
        if (!byFn.has(fn)) byFn.set(fn, new Set());
        byFn.get(fn).add(v.slice(1));
      }
    }
  }
  return new Map([...byFn].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => [k, [...s]]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fns = listChartFunctions();
  if (asJson) console.log(JSON.stringify(Object.fromEntries(fns), null, 1));
  else for (const [fn, vs] of fns) console.log(`${fn}\t${vs.join(',')}`);
}
