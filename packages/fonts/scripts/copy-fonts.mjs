// Copies the four font files qiyue uses out of the Google Fonts packages (which hold every
// weight, about 207 MB) into files/, so that the published package ships only these (about 50 MB).
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SOURCES = {
  "NotoSerifSC-Regular.ttf": "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  "NotoSerifSC-Bold.ttf": "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  "NotoSansSC-Regular.ttf": "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "NotoSansSC-Bold.ttf": "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};
const out = join(here, "..", "files");
mkdirSync(out, { recursive: true });
let source;
for (const [name, from] of Object.entries(SOURCES)) {
  try {
    source = require.resolve(from);
  } catch {
    // Installed from the registry: the files are already in the package.
    statSync(join(out, name));
    continue;
  }
  const target = join(out, name);
  let same = false;
  try {
    same = statSync(target).size === statSync(source).size;
  } catch {}
  if (!same) copyFileSync(source, target);
}
copyFileSync(join(dirname(require.resolve("@expo-google-fonts/noto-serif-sc/package.json")), "LICENSE_FONT"), join(here, "..", "LICENSE_FONT"));
