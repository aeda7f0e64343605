import { warmFonts } from "./fonts/cache.js";

/**
 * Loads and parses the PDF fonts ahead of the first document (a few hundred
 * milliseconds once per process), so a server's first request is as fast as the
 * rest. Rendering calls this itself when needed.
 */
export function warmUp(): void {
  warmFonts(["serif", "serifBold", "serifLight", "sans", "sansBold", "kai"]);
}
