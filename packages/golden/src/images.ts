import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pageName } from "./pdf-text.js";
import { decodePng, type GreyImage } from "./png.js";
import { runProgram } from "./tools.js";

/** Page images are rendered at 40 dots per inch in grey: small files, enough to see layout. */
export const IMAGE_RESOLUTION = 40;
/** A pixel counts as changed when its grey level moved by more than this (of 255). */
export const PIXEL_TOLERANCE = 32;
/** A page counts as changed when more than this share of its pixels changed. */
export const CHANGED_PIXEL_THRESHOLD = 0.005;

/** `pdftoppm -r 40 -gray -png`: the PNG of every page, as images/page-001.png … */
export async function pageImages(pdfPath: string, workDir: string): Promise<Map<string, Uint8Array>> {
  const prefix = join(workDir, "page");
  await runProgram("pdftoppm", ["-r", String(IMAGE_RESOLUTION), "-gray", "-png", pdfPath, prefix]);
  const out = new Map<string, Uint8Array>();
  const names = (await readdir(workDir)).filter((n) => /^page-\d+\.png$/.test(n));
  names.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  for (const name of names) out.set(`images/${pageName(Number(/\d+/.exec(name)![0]), "png")}`, await readFile(join(workDir, name)));
  return out;
}

export interface ImageComparison {
  same: boolean;
  /** Share of pixels whose grey level moved by more than PIXEL_TOLERANCE. */
  changedRatio: number;
  /** In Chinese, for the report. */
  summary: string;
}

/** Compares two page images pixel by pixel with the tolerance and threshold above. */
export function compareImages(expected: GreyImage, actual: GreyImage): ImageComparison {
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return {
      same: false,
      changedRatio: 1,
      summary: `页面尺寸变了：${expected.width}×${expected.height} → ${actual.width}×${actual.height} 像素`,
    };
  }
  let changed = 0;
  for (let i = 0; i < expected.pixels.length; i++) {
    if (Math.abs(expected.pixels[i]! - actual.pixels[i]!) > PIXEL_TOLERANCE) changed += 1;
  }
  const changedRatio = changed / expected.pixels.length;
  const percent = (r: number) => `${(r * 100).toFixed(2)}%`;
  const same = changedRatio <= CHANGED_PIXEL_THRESHOLD;
  return {
    same,
    changedRatio,
    summary: `${percent(changedRatio)} 的像素变化（灰度差超过 ${PIXEL_TOLERANCE}/255；阈值 ${percent(CHANGED_PIXEL_THRESHOLD)}）`,
  };
}

export function compareImageBytes(expected: Uint8Array, actual: Uint8Array): ImageComparison {
  return compareImages(decodePng(expected), decodePng(actual));
}
