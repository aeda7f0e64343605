import type { Token } from "markdown-it";

/** A block token with the tokens between it and its closing token as children. */
export interface Node {
  token: Token;
  children: Node[];
}

/** Nests markdown-it's flat block token stream into a tree. */
export function buildTree(tokens: readonly Token[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    const level = stack[stack.length - 1]!;
    if (token.nesting === 1) {
      const node: Node = { token, children: [] };
      level.push(node);
      stack.push(node.children);
    } else if (token.nesting === -1) {
      stack.pop();
    } else {
      level.push({ token, children: [] });
    }
  }
  return root;
}

/** 1-based source line of a node, when markdown-it recorded it. */
export function lineOf(node: Node): number | undefined {
  const map = node.token.map;
  return map === null ? undefined : map[0] + 1;
}
