import type { VirtualFs } from "../pdfmake/internals.js";

/** pdfmake's virtual file system, one per document and empty: nothing is read from disk or the network. */
export class MemoryFs implements VirtualFs {
  private readonly files = new Map<string, Buffer>();

  existsSync(name: string): boolean {
    return this.files.has(name);
  }

  readFileSync(name: string): Buffer {
    const file = this.files.get(name);
    if (file === undefined) throw new Error(`File '${name}' not found in virtual file system`);
    return file;
  }

  writeFileSync(name: string, content: Buffer | string): void {
    this.files.set(name, typeof content === "string" ? Buffer.from(content) : content);
  }
}
