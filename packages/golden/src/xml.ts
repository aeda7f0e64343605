/**
 * Pretty-prints an XML part of a DOCX package for a golden file, so that a change to a
 * document reads as a change to a few lines:
 *
 * - one element per line, indented two spaces a level; an element holding only text (a
 *   `<w:t>`) stays on one line with its text exactly as written, spaces included;
 * - attributes in a stable order: namespace declarations first, then by name; a tag whose
 *   attributes do not fit on one line gets one attribute a line;
 * - ids that are random in spirit (`w:rsid…` revision ids, `w14:paraId`, `w14:textId`) are
 *   replaced by their order of first appearance (`rsid-1`, `para-1`, …);
 * - whitespace between elements is dropped (OOXML ignores it); nothing else is removed:
 *   every element, attribute, text, comment and processing instruction stays.
 */

interface Element {
  kind: "element";
  name: string;
  attributes: [string, string][];
  children: Node[];
}
type Node = Element | { kind: "text"; text: string } | { kind: "other"; text: string };

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/[^>]+>|<[^>]+>|[^<]+/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;
const LINE_WIDTH = 120;

/** Attribute names whose values are random ids, and the prefix of their replacements. */
const RANDOM_IDS: readonly [RegExp, string][] = [
  [/^w:rsid/, "rsid"],
  [/^w14:paraId$/, "para"],
  [/^w14:textId$/, "text"],
];

function parseTag(token: string): Element {
  const body = token.slice(1, token.endsWith("/>") ? -2 : -1);
  const name = /^[^\s/>]+/.exec(body)?.[0] ?? body;
  const attributes: [string, string][] = [];
  for (const match of body.slice(name.length).matchAll(ATTRIBUTE)) {
    const quoted = match[2]!;
    const value = quoted.slice(1, -1);
    attributes.push([match[1]!, quoted.startsWith("'") ? value.replace(/"/g, "&quot;") : value]);
  }
  return { kind: "element", name, attributes, children: [] };
}

function parse(xml: string): Node[] {
  const top: Node[] = [];
  const stack: Element[] = [];
  const append = (node: Node) => (stack.length > 0 ? stack[stack.length - 1]!.children : top).push(node);
  for (const [token] of xml.matchAll(TOKEN)) {
    if (token.startsWith("</")) {
      const open = stack.pop();
      const name = token.slice(2, -1).trim();
      if (open === undefined || open.name !== name) throw new Error(`XML 结构错误：</${name}> 没有对应的开始标签`);
    } else if (token.startsWith("<?") || token.startsWith("<!")) {
      append({ kind: "other", text: token });
    } else if (token.startsWith("<")) {
      const element = parseTag(token);
      append(element);
      if (!token.endsWith("/>")) stack.push(element);
    } else {
      append({ kind: "text", text: token });
    }
  }
  if (stack.length > 0) throw new Error(`XML 结构错误：<${stack[stack.length - 1]!.name}> 没有结束`);
  return top;
}

function attributeOrder([a]: [string, string], [b]: [string, string]): number {
  const ns = (name: string) => (name === "xmlns" || name.startsWith("xmlns:") ? 0 : 1);
  return ns(a) - ns(b) || (a < b ? -1 : a > b ? 1 : 0);
}

class IdRenamer {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  rename(name: string, value: string): string {
    const rule = RANDOM_IDS.find(([pattern]) => pattern.test(name));
    if (rule === undefined) return value;
    const prefix = rule[1];
    const key = `${prefix}\u0000${value}`;
    let replacement = this.seen.get(key);
    if (replacement === undefined) {
      const n = (this.counts.get(prefix) ?? 0) + 1;
      this.counts.set(prefix, n);
      replacement = `${prefix}-${n}`;
      this.seen.set(key, replacement);
    }
    return replacement;
  }
}

function openTag(element: Element, indent: string, ids: IdRenamer, close: string): string[] {
  const attributes = [...element.attributes].sort(attributeOrder).map(([name, value]) => `${name}="${ids.rename(name, value)}"`);
  const oneLine = `${indent}<${[element.name, ...attributes].join(" ")}${close}`;
  if (oneLine.length <= LINE_WIDTH || attributes.length <= 1) return [oneLine];
  return [`${indent}<${element.name}`, ...attributes.map((a) => `${indent}    ${a}`), `${indent}${close}`];
}

function print(node: Node, depth: number, ids: IdRenamer, out: string[]): void {
  const indent = "  ".repeat(depth);
  if (node.kind !== "element") {
    out.push(indent + (node.kind === "text" ? node.text.trim() : node.text));
    return;
  }
  if (node.children.length === 0) {
    out.push(...openTag(node, indent, ids, "/>"));
    return;
  }
  const elements = node.children.filter((c) => c.kind !== "text");
  if (elements.length === 0) {
    const text = node.children.map((c) => (c as { text: string }).text).join("");
    const open = openTag(node, indent, ids, ">");
    const last = open.pop()!;
    out.push(...open, `${last}${text}</${node.name}>`);
    return;
  }
  const mixed = node.children.some((c) => c.kind === "text" && c.text.trim() !== "");
  out.push(...openTag(node, indent, ids, ">"));
  for (const child of node.children) {
    if (child.kind === "text" && !mixed) continue;
    print(child, depth + 1, ids, out);
  }
  out.push(`${indent}</${node.name}>`);
}

/** The normalised, pretty-printed form of an XML part, ending with a newline. */
export function prettyXml(xml: string): string {
  const ids = new IdRenamer();
  const out: string[] = [];
  for (const node of parse(xml)) {
    if (node.kind === "text" && node.text.trim() === "") continue;
    print(node, 0, ids, out);
  }
  return `${out.join("\n")}\n`;
}
