// Go's fmt as the templates use it: Sprint, Sprintf, Sprintln and the %v rendering of every value.
import type { GoValue } from './values';

/** fmt.Sprint: operands joined, with a space between two operands when neither is a string. */
export function goSprint(args: readonly GoValue[]): string {
  void args;
  throw new Error('not implemented yet');
}

/** fmt.Sprintln: operands separated by spaces, plus a newline. */
export function goSprintln(args: readonly GoValue[]): string {
  void args;
  throw new Error('not implemented yet');
}

/** fmt.Sprintf with Go's verbs, flags, width and precision, and Go's %!verb(type=value) for mismatches. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  void format;
  void args;
  throw new Error('not implemented yet');
}

/** A value as Go's %v prints it (floats as strconv 'g' shortest, maps sorted as map[k:v], nil as <nil>). */
export function formatValue(v: GoValue): string {
  void v;
  throw new Error('not implemented yet');
}
