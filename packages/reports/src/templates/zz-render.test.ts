import { test } from "vitest";
import { renderDocument } from "./render-document.js";

const T = process.env.T ?? "acceptance";
const C = (process.env.C ?? "haidian-2024").split(",");
const INPUTS = JSON.parse(process.env.I ?? "{}");
test("r", async () => {
  for (const c of C) {
    try {
      const paths = await renderDocument({ templateName: T, contractFile: `../../examples/contracts/${c}.yaml`, inputs: INPUTS, formats: ["pdf", "docx", "md"], outDir: "/tmp/qy/out", sourceDateEpoch: 0 });
      console.log("WROTE", paths.join(" "));
    } catch (e) { console.log(c, "ERR", (e as Error).message, (e as Error).stack); }
  }
}, 120000);
