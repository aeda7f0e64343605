import { formatListNumber } from "./number-formats.js";
import { attr, type XmlHandler } from "./xml.js";

/** One level of a Word list (w:lvl). */
interface ListLevel {
  start: number;
  format: string;
  /** w:lvlText: `%1、`, `(%2)`, `%1.%2`. */
  text: string;
  /** What follows the number: a tab, a space or nothing (w:suff). */
  suffix: string;
  /** w:isLgl: every number of the label in decimal. */
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** Levels whose start w:startOverride sets, and levels w:lvlOverride redefines. */
  starts: Map<number, number>;
  levels: Map<number, ListLevel>;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** A paragraph's list membership: w:numPr's w:numId and w:ilvl. */
export interface NumPr {
  numId?: string;
  ilvl?: number;
}

/** Parses word/numbering.xml into abstract lists and list instances. */
export class NumberingParser implements XmlHandler {
  readonly abstracts = new Map<string, Map<number, ListLevel>>();
  /** Abstract lists that take their levels from a numbering style (w:numStyleLink): abstract id → style id. */
  readonly styleLinks = new Map<string, string>();
  private abstractId = "";
  readonly instances = new Map<string, ListInstance>();
  private abstract: Map<number, ListLevel> | undefined;
  private instance: ListInstance | undefined;
  private override: number | undefined;
  private level: ListLevel | undefined;
  private levelIndex = 0;

  open(name: string, a: Readonly<Record<string, string>>): void {
    const val = attr(a, "val");
    switch (name) {
      case "abstractNum":
        this.abstract = new Map();
        this.abstractId = attr(a, "abstractNumId") ?? "";
        this.abstracts.set(this.abstractId, this.abstract);
        break;
      case "numStyleLink":
        if (this.abstract !== undefined) this.styleLinks.set(this.abstractId, val ?? "");
        break;
      case "num":
        this.instance = { abstractId: "", starts: new Map(), levels: new Map() };
        this.instances.set(attr(a, "numId") ?? "", this.instance);
        break;
      case "abstractNumId":
        if (this.instance !== undefined) this.instance.abstractId = val ?? "";
        break;
      case "lvlOverride":
        this.override = Number(attr(a, "ilvl") ?? 0);
        break;
      case "startOverride":
        if (this.instance !== undefined && this.override !== undefined) this.instance.starts.set(this.override, Number(val ?? 1));
        break;
      case "lvl":
        this.levelIndex = Number(attr(a, "ilvl") ?? 0);
        this.level = { start: 1, format: "decimal", text: "", suffix: "tab", legal: false };
        break;
      case "start":
        if (this.level !== undefined) this.level.start = Number(val ?? 1);
        break;
      case "numFmt":
        if (this.level !== undefined) this.level.format = val ?? "decimal";
        break;
      case "lvlText":
        if (this.level !== undefined) this.level.text = val ?? "";
        break;
      case "suff":
        if (this.level !== undefined) this.level.suffix = val ?? "tab";
        break;
      case "isLgl":
        if (this.level !== undefined) this.level.legal = val !== "0" && val !== "false";
        break;
    }
  }

  close(name: string): void {
    if (name === "lvl" && this.level !== undefined) {
      if (this.instance !== undefined && this.override !== undefined) this.instance.levels.set(this.levelIndex, this.level);
      else this.abstract?.set(this.levelIndex, this.level);
      this.level = undefined;
    } else if (name === "lvlOverride") this.override = undefined;
    else if (name === "abstractNum") this.abstract = undefined;
    else if (name === "num") this.instance = undefined;
  }

  text(): void {}
}

/** Parses word/styles.xml for the list numbering paragraph styles carry (heading styles often do). */
export class StylesParser implements XmlHandler {
  readonly styles = new Map<string, StyleNumbering>();
  private style: StyleNumbering | undefined;
  private inPPr = false;

  open(name: string, a: Readonly<Record<string, string>>): void {
    if (name === "style") {
      // Paragraph styles may carry a list; numbering styles name the list an abstract list links to.
      const type = attr(a, "type");
      this.style = type === "paragraph" || type === "numbering" ? {} : undefined;
      if (this.style !== undefined) this.styles.set(attr(a, "styleId") ?? "", this.style);
    } else if (this.style !== undefined) {
      if (name === "basedOn") this.style.basedOn = attr(a, "val") ?? "";
      else if (name === "pPr") this.inPPr = true;
      else if (this.inPPr && name === "numId") this.style.numId = attr(a, "val") ?? "";
      else if (this.inPPr && name === "ilvl") this.style.ilvl = Number(attr(a, "val") ?? 0);
    }
  }

  close(name: string): void {
    if (name === "pPr") this.inPPr = false;
    else if (name === "style") this.style = undefined;
  }

  text(): void {}
}

/**
 * The printed numbers of a document's automatically numbered paragraphs, counted in reading
 * order as Word counts them: per abstract list (instances of one list continue each other),
 * except that an instance restarting a level (w:startOverride) counts on its own; a level's
 * count restarts when a higher level advances.
 */
export class ListCounter {
  private readonly counts = new Map<string, number[]>();

  constructor(
    private readonly numbering: NumberingParser,
    private readonly styles: StylesParser,
  ) {}

  /** The levels of an abstract list, following a link to a numbering style (w:numStyleLink) once. */
  private levelsOf(abstractId: string): Map<number, ListLevel> | undefined {
    const levels = this.numbering.abstracts.get(abstractId);
    const link = this.numbering.styleLinks.get(abstractId);
    if (link === undefined || (levels !== undefined && levels.size > 0)) return levels;
    const numId = this.styles.styles.get(link)?.numId;
    const target = numId === undefined ? undefined : this.numbering.instances.get(numId)?.abstractId;
    return target === undefined || target === abstractId ? levels : this.numbering.abstracts.get(target);
  }

  /** numPr of a paragraph style, following w:basedOn. */
  private styleNumPr(styleId: string | undefined): NumPr {
    const seen = new Set<string>();
    const out: NumPr = {};
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.styles.styles.get(id);
      if (style === undefined) break;
      if (out.numId === undefined && style.numId !== undefined) out.numId = style.numId;
      if (out.ilvl === undefined && style.ilvl !== undefined) out.ilvl = style.ilvl;
      id = style.basedOn;
    }
    return out;
  }

  /**
   * The label of a paragraph with this numPr and style ("一、", "(1)", "3.2"), with the text that
   * separates it from the paragraph's words; "" when the paragraph is not numbered or its list
   * prints no number (bullets); undefined with a reason when the list cannot be resolved.
   */
  next(own: NumPr, styleId: string | undefined): { label: string; problem?: string } {
    const style = this.styleNumPr(styleId);
    const numId = own.numId ?? style.numId;
    if (numId === undefined || numId === "0") return { label: "" };
    const ilvl = Math.max(0, Math.min(8, own.ilvl ?? style.ilvl ?? 0));
    const instance = this.numbering.instances.get(numId);
    const abstract = instance === undefined ? undefined : this.levelsOf(instance.abstractId);
    if (instance === undefined || abstract === undefined) return { label: "", problem: `自动编号（列表 ${numId}）在 numbering.xml 中找不到定义，编号未读出` };
    const level = (i: number) => instance.levels.get(i) ?? abstract.get(i);
    const def = level(ilvl);
    if (def === undefined) return { label: "", problem: `自动编号（列表 ${numId} 第 ${ilvl + 1} 级）在 numbering.xml 中找不到定义，编号未读出` };
    // Instances of one abstract list continue each other; one that overrides a level's start counts on its own.
    const key = instance.starts.size > 0 || instance.levels.size > 0 ? `num ${numId}` : `abstract ${instance.abstractId}`;
    let counts = this.counts.get(key);
    if (counts === undefined) {
      counts = [];
      for (const [i, start] of instance.starts) counts[i] = start - 1;
      this.counts.set(key, counts);
    }
    counts[ilvl] = (counts[ilvl] ?? (instance.starts.get(ilvl) ?? def.start) - 1) + 1;
    counts.length = ilvl + 1;
    if (def.format === "bullet") return { label: "" };
    let unknown: string | undefined;
    const label = def.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const at = level(i);
      const n = counts[i] ?? (instance.starts.get(i) ?? at?.start ?? 1);
      const format = def.legal ? "decimal" : (at?.format ?? "decimal");
      const printed = formatListNumber(n, format);
      if (printed === undefined) unknown = format;
      return printed ?? String(n);
    });
    if (label === "") return { label: "" };
    const gap = def.suffix === "nothing" || /[、，．。:：)）]$/.test(label) ? "" : " ";
    if (unknown !== undefined) return { label: `${label}${gap}`, problem: `自动编号格式 ${unknown} 无法识别，编号按阿拉伯数字写出（${label}）` };
    return { label: `${label}${gap}` };
  }
}
