/**
 * Makes a DOCX package from the docx library the same bytes for the same
 * content. The library names relationships with random ids (nanoid), numbers
 * drawings and bookmarks from counters that live as long as the process, and
 * stamps core.xml with the clock. Here every such id is renumbered in order of
 * appearance, the dates are set to the source date, and parts are written in a
 * fixed order.
 */

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

function isXml(name: string): boolean {
  return name.endsWith(".xml") || name.endsWith(".rels");
}

/** `[Content_Types].xml` and the package relationships first, then the rest by name. */
export function partOrder(names: Iterable<string>): string[] {
  const all = [...names];
  const first = ["[Content_Types].xml", "_rels/.rels"];
  const rest = all.filter((n) => !first.includes(n)).sort();
  return [...first.filter((n) => all.includes(n)), ...rest];
}

export function normalizePackage(parts: ReadonlyMap<string, string | Uint8Array>, date: Date): [string, Uint8Array][] {
  const order = partOrder(parts.keys());
  const xml = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const name of order) {
    const data = parts.get(name)!;
    if (isXml(name)) xml.set(name, typeof data === "string" ? data : textDecoder.decode(data));
    else binary.set(name, typeof data === "string" ? textEncoder.encode(data) : data);
  }

  // Relationship ids that are not rIdN: give them stable names in order of appearance.
  const relIds = new Map<string, string>();
  for (const [name, text] of xml) {
    if (!name.endsWith(".rels")) continue;
    for (const match of text.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !relIds.has(id)) relIds.set(id, `rIdQ${relIds.size + 1}`);
    }
  }
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  let drawing = 0;
  const bookmarks = new Map<string, string>();
  for (const [name, original] of xml) {
    let text = original;
    if (relIds.size > 0 && (name.endsWith(".rels") || text.includes("r:id=") || text.includes("r:embed="))) {
      text = text.replace(/="([A-Za-z0-9_-]{6,})"/g, (whole, id: string) => {
        const stable = relIds.get(id);
        return stable === undefined ? whole : `="${stable}"`;
      });
    }
    if (text.includes("<wp:docPr ")) text = text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
    if (text.includes("<w:bookmark")) text = text.replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) =>
      tag.replace(/\bw:id="(\d+)"/, (_whole, id: string) => {
        let stable = bookmarks.get(id);
        if (stable === undefined) {
          stable = String(bookmarks.size);
          bookmarks.set(id, stable);
        }
        return `w:id="${stable}"`;
      }),
    );
    if (name === "docProps/core.xml") {
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    }
    xml.set(name, text);
  }
  return order.map((name) => [name, xml.has(name) ? textEncoder.encode(xml.get(name)!) : binary.get(name)!]);
}
