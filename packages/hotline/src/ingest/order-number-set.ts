/**
 * An exact set of order numbers in compact memory: the characters live in one growing
 * byte array and an open-addressing table of Int32 slots points at them. A million
 * 13-character numbers take about 30 MB, a fraction of a JS Set<string>. Numbers with
 * characters beyond Latin-1 (rare) go to an ordinary Map.
 */
export class OrderNumberSet {
  private chars = new Uint8Array(1 << 16);
  private readonly wide = new Map<string, FirstOccurrence>();
  private charsUsed = 0;
  /** Start of entry i in `chars`; entry i ends where i + 1 starts. */
  private starts = new Int32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private sources = new Int32Array(1 << 12);
  /** Hash of entry i, so that growing the table never rereads characters. */
  private hashes = new Int32Array(1 << 12);
  private count = 0;
  /** Entry index + 1 per slot, 0 = empty. */
  private slots = new Int32Array(1 << 13);
  /** Hash of each slot's entry: most probes are settled without touching the characters. */
  private slotHashes = new Int32Array(1 << 13);

  get size(): number {
    return this.count + this.wide.size;
  }

  /**
   * Adds `orderNo`, seen at `row` of source number `source` (a caller's file index).
   * Returns null when it was new, otherwise where it was first seen.
   */
  add(orderNo: string, row: number, source = 0): FirstOccurrence | null {
    const hash = hashString(orderNo);
    if (hash < 0) {
      const first = this.wide.get(orderNo);
      if (first !== undefined) return first;
      this.wide.set(orderNo, { row, source });
      return null;
    }
    const mask = this.slots.length - 1;
    const fingerprint = hash | 0;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.slotHashes[slot] === fingerprint && this.equals(entry - 1, orderNo)) {
        return { row: this.rows[entry - 1]!, source: this.sources[entry - 1]! };
      }
      slot = (slot + 1) & mask;
    }
    const id = this.append(orderNo, row, source, fingerprint);
    this.slots[slot] = id + 1;
    this.slotHashes[slot] = fingerprint;
    if (this.count * 2 > this.slots.length) this.rehash();
    return null;
  }

  has(orderNo: string): boolean {
    const hash = hashString(orderNo);
    if (hash < 0) return this.wide.has(orderNo);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return false;
      if (this.slotHashes[slot] === (hash | 0) && this.equals(entry - 1, orderNo)) return true;
      slot = (slot + 1) & mask;
    }
  }

  private equals(id: number, s: string): boolean {
    const start = this.starts[id]!;
    const end = id + 1 < this.count ? this.starts[id + 1]! : this.charsUsed;
    if (end - start !== s.length) return false;
    const chars = this.chars;
    for (let i = 0; i < s.length; i++) if (chars[start + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  private append(s: string, row: number, source: number, hash: number): number {
    if (this.charsUsed + s.length > this.chars.length) {
      const bigger = new Uint8Array(Math.max(this.chars.length * 2, this.charsUsed + s.length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    for (let i = 0; i < s.length; i++) this.chars[this.charsUsed + i] = s.charCodeAt(i);
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.rows = grow(this.rows);
      this.sources = grow(this.sources);
      this.hashes = grow(this.hashes);
    }
    const id = this.count++;
    this.starts[id] = this.charsUsed;
    this.rows[id] = row;
    this.sources[id] = source;
    this.hashes[id] = hash;
    this.charsUsed += s.length;
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      const hash = this.hashes[id]!;
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
      hashes[slot] = hash;
    }
    this.slots = slots;
    this.slotHashes = hashes;
  }
}

export interface FirstOccurrence {
  readonly row: number;
  readonly source: number;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/**
 * FNV-1a over the characters, with a final avalanche so sequential numbers spread;
 * -1 when a character does not fit in a byte.
 */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  let wide = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    wide |= c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return wide > 0xff ? -1 : finish(h);
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
