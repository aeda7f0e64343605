import { SaxesParser } from "saxes";

/** What a walk over a Word part's XML hears: names without their namespace prefix (`w:p` is `p`). */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The XML of a part is not well-formed, or declares a DOCTYPE (refused: no entity of a DTD is ever expanded). */
export class XmlError extends Error {
  override readonly name = "XmlError";
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Attribute `w:val` and the like by local name. */
export function attr(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

/**
 * A streaming XML reader over saxes, fed UTF-8 chunks. Only the five predefined entities and
 * character references are expanded; a DOCTYPE is refused, so no external entity is ever
 * resolved and no entity expansion can blow up.
 */
export class XmlWalker {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly decoder = new TextDecoder("utf-8");
  private failure: XmlError | undefined;

  constructor(handler: XmlHandler) {
    const p = this.parser;
    p.on("opentag", (tag) => {
      const name = localName(tag.name);
      handler.open(name, tag.attributes);
      if (tag.isSelfClosing) handler.close(name);
    });
    p.on("closetag", (tag) => {
      if (!tag.isSelfClosing) handler.close(localName(tag.name));
    });
    p.on("text", (text) => handler.text(text));
    p.on("cdata", (text) => handler.text(text));
    p.on("doctype", () => {
      throw new XmlError("含有 DOCTYPE 声明（Word 文件不会有），为安全起见不读取", p.line);
    });
    p.on("error", (e) => {
      throw new XmlError(e.message, p.line);
    });
  }

  write(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  close(): void {
    this.feed(this.decoder.decode());
    this.guard(() => this.parser.close());
  }

  private feed(text: string): void {
    if (text !== "") this.guard(() => this.parser.write(text));
  }

  private guard(action: () => void): void {
    if (this.failure !== undefined) throw this.failure;
    try {
      action();
    } catch (e) {
      this.failure = e instanceof XmlError ? e : new XmlError(e instanceof Error ? e.message : String(e), this.parser.line);
      throw this.failure;
    }
  }
}
