// Copies the font files qiyue uses out of the packages they come from into files/, so that the
// published package ships only these: the Google Fonts packages hold every weight (about 207 MB),
// and LXGW WenKai comes as WOFF2 web fonts, decoded here to TrueType once (pdfkit subsets
// TrueType outlines; decoding WOFF2 on every run would cost hundreds of milliseconds).
import { copyFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const require = createRequire(import.meta.url);
const SOURCES = {
  "NotoSerifSC-Regular.ttf": "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  "NotoSerifSC-Bold.ttf": "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  "NotoSerifSC-Light.ttf": "@expo-google-fonts/noto-serif-sc/300Light/NotoSerifSC_300Light.ttf",
  "NotoSansSC-Regular.ttf": "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "NotoSansSC-Bold.ttf": "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
  // LXGW WenKai's regular weight (Fontsource files it under 500).
  "LXGWWenKai-Regular.ttf": "@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2",
};
/** The font licenses, copied beside the fonts (the package's `files` lists them): [package, its file]. */
const LICENSES = {
  LICENSE_FONT: ["@expo-google-fonts/noto-serif-sc", "LICENSE_FONT"],
  LICENSE_FONT_LXGW: ["@fontsource/lxgw-wenkai", "LICENSE"],
};

function resolve(from) {
  try {
    return require.resolve(from);
  } catch {
    return undefined;
  }
}

async function toTrueType(source) {
  const bytes = readFileSync(source);
  if (bytes.toString("latin1", 0, 4) !== "wOF2") return bytes;
  const decompress = require("wawoff2/decompress.js");
  return Buffer.from(await decompress(bytes));
}

const out = join(root, "files");
mkdirSync(out, { recursive: true });
for (const [name, from] of Object.entries(SOURCES)) {
  const source = resolve(from);
  const target = join(out, name);
  if (source === undefined) {
    // Installed from the registry: the files are already in the package.
    statSync(target);
    continue;
  }
  // A stamp of the source's size beside the target: a copy or a decoding is redone only when the source changes.
  const stamp = `${target}.source-size`;
  let current = false;
  try {
    current = statSync(target).size > 0 && readFileSync(stamp, "utf8") === String(statSync(source).size);
  } catch {}
  if (current) continue;
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, await toTrueType(source));
  renameSync(temporary, target);
  writeFileSync(stamp, String(statSync(source).size));
}
for (const [name, [pkg, file]] of Object.entries(LICENSES)) {
  const manifest = resolve(`${pkg}/package.json`);
  if (manifest === undefined) {
    statSync(join(root, name));
    continue;
  }
  copyFileSync(join(dirname(manifest), file), join(root, name));
}
