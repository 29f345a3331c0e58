import type { CstElement, CstNode, IToken } from "chevrotain";

/** The line tokens under a CST node, in document order (CST children are grouped by kind). */
export function linesOf(node: CstNode | undefined): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode) => {
    for (const list of Object.values(n.children)) {
      for (const el of list as CstElement[]) {
        if ("image" in el) {
          if (!Number.isNaN(el.startOffset)) out.push(el);
        } else walk(el);
      }
    }
  };
  if (node) walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The child nodes of rule `name` under `node`, in document order. */
export function nodesOf(node: CstNode | undefined, name: string): CstNode[] {
  const list = (node?.children[name] ?? []) as CstNode[];
  // Each node's first offset once, not once per comparison.
  return list
    .map((n) => ({ n, at: linesOf(n)[0]?.startOffset ?? 0 }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.n);
}
