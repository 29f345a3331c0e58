import type { CstElement, CstNode, IToken } from "chevrotain";

/** A CST node's children as a visitor receives them (any of the generated `…CstChildren` types). */
export type CstChildren = Readonly<Record<string, readonly CstElement[] | undefined>>;

/** The line tokens under a CST node, in document order (CST children are grouped by kind). */
export function linesOf(node: CstNode | undefined): IToken[] {
  return node ? linesIn(node.children) : [];
}

/** The line tokens under a node's children, in document order; tokens recovery invented are left out. */
export function linesIn(children: CstChildren): IToken[] {
  const out: IToken[] = [];
  const walk = (c: CstChildren) => {
    for (const list of Object.values(c)) {
      for (const el of (list ?? []) as CstElement[]) {
        if ("image" in el) {
          if (!Number.isNaN(el.startOffset)) out.push(el);
        } else walk(el.children);
      }
    }
  };
  walk(children);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The child nodes of rule `name` under `node`, in document order. */
export function nodesOf(node: CstNode | undefined, name: string): CstNode[] {
  return inTextOrder((node?.children[name] ?? []) as CstNode[]);
}

/** Nodes of one rule in document order (the CST groups them by rule, not by position). */
export function inTextOrder<N extends CstNode>(list: readonly N[] | undefined): N[] {
  // Each node's first offset once, not once per comparison.
  return (list ?? [])
    .map((n) => ({ n, at: linesOf(n)[0]?.startOffset ?? 0 }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.n);
}
