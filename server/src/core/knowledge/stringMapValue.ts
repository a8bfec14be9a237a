// What cilium-agent and cilium-operator accept for a flag of pflag type stringToString in their start-up check of
// the ConfigMap (knowledge/configMapStartupCheck.ts). From 1.16 validateConfigMapFlag converts the value with
// command.ToStringMapStringE (pkg/option/config.go@v1.16.19 l.4207-4208, @v1.19.1 l.3443-3444, @v1.21.0-pre.0
// (e8649862) l.3483-3484); up to 1.15 the type falls to the default case, which only logs a warning
// (@v1.15.19 l.4202-4203). pkg/command/map_string.go is the same from @v1.16.19 to @v1.21.0-pre.0 (only `any` and
// range loops changed), l.38-84:
// - the text is first decoded as JSON into map[string]string (spf13/cast ToStringMapStringE: json.Unmarshal,
//   caste.go@v1.16.19 l.1010-1012, map.go@v1.19.1 l.45-47). Valid JSON that is not an object of strings (a number,
//   `true`, a list, `{"a": 1}`) is refused; `null`, `{}` and an object of strings (or nulls) are accepted;
// - text that is not JSON at all: empty is accepted; text starting with `{` or `[` is refused; anything else must
//   be `key=value` pairs separated by commas, as keyValueRegex (l.23) matches. Keys are letters, digits and
//   `_-:;./@`; a value may also hold commas and inner blanks, and the last value ends with a key character. (The
//   later split on `=`, l.71-79, cannot fail for text the pattern took: keys and values hold no `=`.)

/** Characters of a key: Go's ASCII \w and `-:;./@` (the pattern's [\w-:;./@]). */
const KEY = /[A-Za-z0-9_\-:;./@]/;

function isKey(c: string): boolean {
  return KEY.test(c);
}
function isValue(c: string): boolean {
  return c === ',' || isKey(c);
}

/**
 * Whether the whole text is in the language of keyValueRegex. The pattern ends in `$`, so ReplaceAllString leaves
 * nothing only when one match spans the text. Written as a state machine (linear in the text): the pattern's
 * nested repetitions would backtrack exponentially in a JavaScript RegExp. Pair values are
 * `([C][C ]*[C])?[C]*` (C: key characters and the comma), which is the empty text or one that starts and ends
 * with a C; the last value `([C][C ]*)?[K]+` is one that starts with a C and ends with a key character K.
 */
export function keyValueListMatches(s: string): boolean {
  // States: 0 a key starts, 1 in a key, 2 after a pair's `=`, 3 inside a pair value (blanks allowed), 4 a pair
  // value may end here; 5 after the last pair's `=`, 6 inside the last value, 7 the last value may end here.
  let states = new Set<number>([0]);
  for (const c of s) {
    const next = new Set<number>();
    const key = isKey(c);
    const value = isValue(c);
    const blank = c === ' ';
    for (const st of states) {
      if (st === 0 && key) next.add(1);
      if (st === 1 && key) next.add(1);
      if (st === 1 && c === '=') next.add(2).add(5);
      if ((st === 2 || st === 3) && value) next.add(3).add(4);
      if (st === 3 && blank) next.add(3);
      if ((st === 2 || st === 4) && c === ',') next.add(0);
      if ((st === 5 || st === 6) && value) next.add(6);
      if (st === 6 && blank) next.add(6);
      if ((st === 5 || st === 6) && key) next.add(7);
    }
    states = next;
  }
  return states.has(7);
}

/** JSON that Go's json.Unmarshal takes into a map[string]string; undefined when the text is not JSON at all. */
function jsonStringMap(s: string): boolean | undefined {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    return undefined;
  }
  if (v === null) return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v as Record<string, unknown>).every((x) => typeof x === 'string' || x === null);
}

/** Whether command.ToStringMapStringE accepts the (trimmed) ConfigMap text. */
export function stringMapAccepted(s: string): boolean {
  const json = jsonStringMap(s);
  if (json !== undefined) return json;
  // Text starting with `{` or `[` keeps its JSON error (l.59-65); the pattern refuses it as well (no key starts so).
  return s === '' || keyValueListMatches(s);
}
