import type { PdfNode } from "./context.js";

type Margin = [number, number, number, number];

/**
 * Sets the node's bottom margin, and that of its last part, to 0. In place: heading nodes are
 * referenced by the table of contents, which reads the positions pdfmake writes into them.
 */
function dropSpaceBelow(node: PdfNode): void {
  if (Array.isArray(node.margin) && node.margin.length === 4) {
    const [left, top, right] = node.margin as Margin;
    node.margin = [left, top, right, 0];
  }
  const stack = node.stack;
  if (Array.isArray(stack) && stack.length > 0) dropSpaceBelow(stack[stack.length - 1] as PdfNode);
}

/**
 * Drops the space below the last node of the document and below every node that a page break
 * follows. pdfmake starts a new page when a node's bottom margin does not fit on the page it
 * ends on; at the end of the document, or before a page break, that page stays blank (a table
 * ending at the foot of the last page gave the document an empty last page).
 */
export function dropSpaceBeforePageEnds(nodes: PdfNode[]): PdfNode[] {
  nodes.forEach((node, i) => {
    const next = nodes[i + 1];
    if (next === undefined || next.pageBreak === "before" || node.pageBreak === "after") dropSpaceBelow(node);
  });
  return nodes;
}
