// How esbuild.mjs bundles a generated JSON file (catalog.json, configKeys.json, …): the module text it loads instead.

/**
 * Generated JSON data (catalog.json, configKeys.json, …) as `JSON.parse('…')` instead of an object literal: V8
 * parses JSON several times faster than it compiles the same data as JavaScript, which is most of the
 * start-up of the CLI and the server. The data is validated by the tests, not at run time.
 *
 * A big top-level entry (configKeys.json's `keys`, catalog.json's `keys`, …) is parsed when first read: an object
 * whose property is a getter that parses the entry's text and puts the value in its place. Most runs need only
 * some of the data (a Helm values file never reads the cilium-config keys), and what is never parsed costs neither
 * the parse nor the garbage collector's copying of it at start-up. The object has the same keys in the same order.
 */
const LAZY_ENTRY_BYTES = 4096;

/** The module text for one JSON file: eager when small or not an object, else lazy per big top-level entry. */
export function jsonModule(text) {
  const value = JSON.parse(text);
  const compact = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || compact.length < LAZY_ENTRY_BYTES)
    return `export default JSON.parse(${JSON.stringify(compact)});`;
  const lines = [
    'const data = {};',
    'const lazy = (key, text) => Object.defineProperty(data, key, {',
    '  configurable: true,',
    '  enumerable: true,',
    '  get() {',
    '    const value = JSON.parse(text);',
    '    Object.defineProperty(data, key, { value, writable: true, enumerable: true, configurable: true });',
    '    return value;',
    '  },',
    '});',
    // (defineProperty, not `data[key] =`: a key "__proto__" stays a key.)
    'const put = (key, text) => Object.defineProperty(data, key, {',
    '  value: JSON.parse(text),',
    '  writable: true,',
    '  enumerable: true,',
    '  configurable: true,',
    '});',
  ];
  for (const [key, entry] of Object.entries(value)) {
    const entryText = JSON.stringify(entry);
    lines.push(
      entryText.length >= LAZY_ENTRY_BYTES
        ? `lazy(${JSON.stringify(key)}, ${JSON.stringify(entryText)});`
        : `put(${JSON.stringify(key)}, ${JSON.stringify(entryText)});`,
    );
  }
  lines.push('export default data;');
  return lines.join('\n');
}
