// The syntax tree of a parsed template, mirroring Go's text/template/parse node kinds. Every node keeps its
// offset in the source and the tree (file) it came from, so execution errors can name FILE:LINE:COL and
// quote the node as Go does.

import type { GoValue } from './values';

/** One parsed source text (a file, or a `tpl` string). */
export interface SourceTree {
  /** The name used in error locations (Go's ParseName): the file's template name. */
  readonly parseName: string;
  readonly text: string;
}

interface Base {
  readonly pos: number;
  readonly tree: SourceTree;
}

export interface TextNode extends Base {
  readonly type: 'text';
  readonly text: string;
}
export interface ActionNode extends Base {
  readonly type: 'action';
  readonly pipe: PipeNode;
}
export interface IfNode extends Base {
  readonly type: 'if' | 'with';
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface RangeNode extends Base {
  readonly type: 'range';
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode extends Base {
  readonly type: 'template';
  readonly name: string;
  readonly pipe: PipeNode | null;
}
export interface BreakNode extends Base {
  readonly type: 'break' | 'continue';
}
export interface ListNode extends Base {
  readonly type: 'list';
  readonly nodes: Node[];
}

export type Node = TextNode | ActionNode | IfNode | RangeNode | TemplateNode | BreakNode | ListNode;

export interface PipeNode extends Base {
  readonly type: 'pipe';
  readonly isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface CommandNode extends Base {
  readonly type: 'command';
  readonly args: ArgNode[];
}

export interface FieldNode extends Base {
  readonly type: 'field';
  readonly ident: string[];
}
export interface VariableNode extends Base {
  readonly type: 'variable';
  readonly ident: string[];
}
export interface ChainNode extends Base {
  readonly type: 'chain';
  readonly node: ArgNode;
  readonly fields: string[];
}
export interface IdentifierNode extends Base {
  readonly type: 'identifier';
  readonly name: string;
}
export interface DotNode extends Base {
  readonly type: 'dot';
}
export interface NilNode extends Base {
  readonly type: 'nil';
}
export interface BoolNode extends Base {
  readonly type: 'bool';
  readonly value: boolean;
}
export interface NumberNode extends Base {
  readonly type: 'number';
  readonly text: string;
  /** The value an untyped constant takes where no type is known (Go's idealConstant): int or float64. */
  readonly value: GoValue;
  /** Set when the constant cannot be used as a value (e.g. an integer overflowing int). */
  readonly error?: string;
}
export interface StringNode extends Base {
  readonly type: 'string';
  readonly quoted: string;
  readonly text: string;
}

export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

export type AnyNode = Node | ArgNode | CommandNode;

/** A node written back as template source, as Go's Node.String() does (used in error contexts). */
export function nodeString(n: AnyNode): string {
  switch (n.type) {
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'with':
    case 'range':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return n.pipe
        ? `{{template ${JSON.stringify(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${JSON.stringify(n.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${n.type}}}`;
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return '.' + n.ident.join('.');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + '.' + n.fields.join('.');
    case 'identifier':
      return n.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
  }
}
