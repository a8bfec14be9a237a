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
//   later split on `=`, l.74-80, cannot fail for text the pattern took: keys and values hold no `=`.)

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
 * nested repetitions would backtrack exponentially in a JavaScript RegExp.
 */
export function keyValueListMatches(s: string): boolean {
  // States: 0 pair key start, 1 in a key, 2 after a pair's `=`, 3 inside a value's optional blank-holding part,
  // 4 after that part's closing value character, 5 in the plain value run; 6 after the last pair's `=`, 7 in the
  // last value's blank-holding part, 8 in its closing key run (accepting).
  let states = new Set<number>([0]);
  for (const c of s) {
    const next = new Set<number>();
    const key = isKey(c);
    const value = isValue(c);
    const blank = c === ' ';
    for (const st of states) {
      switch (st) {
        case 0:
          if (key) next.add(1);
          break;
        case 1:
          if (key) next.add(1);
          if (c === '=') next.add(2).add(6);
          break;
        case 2:
          if (value) next.add(3).add(5);
          if (c === ',') next.add(0);
          break;
        case 3:
          if (value || blank) next.add(3);
          if (value) next.add(4);
          break;
        case 4:
        case 5:
          if (value) next.add(5);
          if (c === ',') next.add(0);
          break;
        case 6:
          if (value) next.add(7);
          if (key) next.add(8);
          break;
        case 7:
          if (value || blank) next.add(7);
          if (key) next.add(8);
          break;
        case 8:
          if (key) next.add(8);
          break;
      }
    }
    states = next;
    if (states.size === 0) return false;
  }
  return states.has(8);
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
  if (s === '') return true;
  if (/^\s*[{[]/.test(s)) return false;
  return keyValueListMatches(s);
}
