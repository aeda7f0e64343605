/**
 * A small streaming reader of the XML in a spreadsheet's parts: start tags with their
 * attributes, end tags and text, fed in string chunks. It expands only the five predefined
 * entities and character references (never a DOCTYPE's: a part with one is refused), and
 * drops namespace prefixes from names (`x:row` is `row`).
 */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35) return NAMED[name] ?? whole;
    const code = name.charCodeAt(1) === 120 ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XmlEvents {
  private carry = "";

  /** `maxPending`: the longest tag, comment or CDATA section kept while waiting for its end (text is handed on as it comes). */
  constructor(
    private readonly handler: XmlHandler,
    private readonly maxPending = 1 << 20,
  ) {}

  write(chunk: string): void {
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    const h = this.handler;
    let p = 0;
    const n = text.length;
    while (p < n) {
      const lt = text.indexOf("<", p);
      if (lt < 0) {
        // Text up to the end: hand it on now, but for an entity it may end inside.
        const amp = text.lastIndexOf("&");
        const cut = amp >= p && text.indexOf(";", amp) < 0 ? amp : n;
        if (cut > p) h.text(decodeEntities(text.slice(p, cut)));
        p = cut;
        break;
      }
      if (lt > p) h.text(decodeEntities(text.slice(p, lt)));
      p = lt;
      const c = text.charCodeAt(p + 1);
      if (c === 63 /* ? */) {
        const end = text.indexOf("?>", p + 2);
        if (end < 0) break;
        p = end + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        if (text.startsWith("<!--", p)) {
          const end = text.indexOf("-->", p + 4);
          if (end < 0) break;
          p = end + 3;
          continue;
        }
        if (text.startsWith("<![CDATA[", p)) {
          const end = text.indexOf("]]>", p + 9);
          if (end < 0) break;
          h.text(text.slice(p + 9, end));
          p = end + 3;
          continue;
        }
        if (n - p < 9) break;
        throw new XmlSyntaxError("XML 中有 DOCTYPE 或未知的声明，Excel 生成的文件不会有");
      }
      const gt = text.indexOf(">", p + 1);
      if (gt < 0) break;
      if (c === 47 /* / */) {
        h.close(localName(text.slice(p + 2, gt).trim()));
        p = gt + 1;
        continue;
      }
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      const body = text.slice(p + 1, selfClosing ? gt - 1 : gt);
      const space = body.search(/\s/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      const attributes: Record<string, string> = {};
      if (space >= 0) {
        ATTRIBUTE.lastIndex = space;
        for (let m = ATTRIBUTE.exec(body); m !== null; m = ATTRIBUTE.exec(body)) {
          attributes[m[1]!] = decodeEntities(m[2] ?? m[3] ?? "");
        }
      }
      h.open(name, attributes, selfClosing);
      if (selfClosing) h.close(name);
      p = gt + 1;
    }
    this.carry = p < n ? text.slice(p) : "";
    if (this.carry.length > this.maxPending) throw new XmlSyntaxError("XML 中有超长的标签，文件可能已损坏");
  }

  end(): void {
    const rest = this.carry;
    this.carry = "";
    if (rest.length === 0) return;
    if (rest.includes("<")) throw new XmlSyntaxError("XML 在标签中间结束，文件可能不完整");
    this.handler.text(decodeEntities(rest));
  }
}
