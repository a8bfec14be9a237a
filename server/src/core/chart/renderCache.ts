// Every analysis of Helm values renders the chart, and an editor analyses on every keystroke; fix prediction,
// hover and code lens analyse the same text again. Two layers:
// - here, whole renders per (version, options, user values): a re-analysis whose values did not change (a
//   comment typed, the same text again) costs one walk of the user's values (~1 ms on the 4,600-line chart
//   values), not the coalescing, schema check and template checks. Bounded: least recently used go first;
// - below (helm/render.ts), each template's result is reused when nothing it looked at changed, so an edit
//   re-executes only the templates that read the edited key.
import { renderChart, type ChartRender, type RenderOptions } from './helm/render';
import type { GoValue } from './template/index';

const MAX_ENTRIES = 24;
const cache = new Map<string, ChartRender | undefined>();

/** Counters for tests and the bench: renders actually run, and renders answered from the memo. */
export const renderCacheStats = { renders: 0, hits: 0 };

/** valuesKey per values map: one analysis asks for several renders of the same map (plain, lenient, model). */
const keyOf = new WeakMap<Map<string, GoValue>, string>();

/**
 * Each top-level map or list of the values stands in the key as a short token for its text: the values of unchanged
 * top-level entries are the very objects of the last analysis (chart/helm/goYaml.ts reads them once per parsed
 * entry), so after an edit only the edited entry's text is built, and the key stays a few kB instead of the whole
 * values written out (which was built, copied and hashed on every keystroke). Equal texts get the same token;
 * tokens are never reused, so when the table is started afresh (it is bounded) equal values may get another
 * token: a render again, never a wrong one.
 */
const topLevelTokens = new WeakMap<object, string>();
const tokenOfText = new Map<string, string>();
let tokenChars = 0;
let nextToken = 0;
const MAX_TOKEN_CHARS = 4_000_000;

function tokenFor(text: string): string {
  let token = tokenOfText.get(text);
  if (token === undefined) {
    if (tokenChars + text.length > MAX_TOKEN_CHARS) {
      tokenOfText.clear();
      tokenChars = 0;
    }
    token = `#${nextToken++}`;
    tokenOfText.set(text, token);
    tokenChars += text.length;
  }
  return token;
}

/** A text that is equal for equal Go values (maps in key order, numbers with their Go kind); see tokenFor. */
export function valuesKey(v: GoValue): string {
  const out: string[] = [];
  const walk = (x: GoValue, depth: number): void => {
    if (depth > 200) {
      out.push('…');
      return;
    }
    if (depth === 1 && (x instanceof Map || Array.isArray(x))) {
      let token = topLevelTokens.get(x);
      if (token === undefined) {
        const start = out.length;
        walk2(x, depth);
        token = tokenFor(out.splice(start).join(''));
        topLevelTokens.set(x, token);
      }
      out.push(token);
      return;
    }
    walk2(x, depth);
  };
  const walk2 = (x: GoValue, depth: number): void => {
    if (x === null || x === undefined) out.push('n');
    else if (typeof x === 'boolean') out.push(x ? 't' : 'f');
    else if (typeof x === 'string') out.push(JSON.stringify(x));
    else if (typeof x === 'number') out.push(`d${Object.is(x, -0) ? '-0' : String(x)}`);
    else if (typeof x === 'bigint') out.push(`i${x}`);
    else if (Array.isArray(x)) {
      out.push('[');
      for (const e of x) {
        walk(e, depth + 1);
        out.push(',');
      }
      out.push(']');
    } else if (x instanceof Map) {
      out.push('{');
      for (const k of [...x.keys()].sort()) {
        out.push(JSON.stringify(k), ':');
        walk(x.get(k), depth + 1);
        out.push(',');
      }
      out.push('}');
    } else out.push('?');
  };
  walk(v, 0);
  return out.join('');
}

function optionsKey(opts: RenderOptions): string {
  return JSON.stringify([
    opts.namespace ?? '',
    opts.apiVersions ?? [],
    opts.kubeVersion ?? '',
    opts.templates ?? 'all',
    !!opts.lenient,
  ]);
}

/**
 * renderChart, memoised. `schemaUndecided` is part of the question: callers that pass one must pass a
 * `schemaKey` naming what it sets aside (the same key must mean the same function).
 */
export function renderChartCached(
  version: string,
  values: Map<string, GoValue>,
  opts: RenderOptions = {},
  schemaKey = '',
): ChartRender | undefined {
  // The analysis never changes a values map once built, so its key is computed once.
  let vk = keyOf.get(values);
  if (vk === undefined) keyOf.set(values, (vk = valuesKey(values)));
  const key = `${version}\u0000${optionsKey(opts)}\u0000${schemaKey}\u0000${vk}`;
  if (cache.has(key)) {
    renderCacheStats.hits++;
    const hit = cache.get(key);
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  renderCacheStats.renders++;
  const result = renderChart(version, values, opts);
  cache.set(key, result);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}
