// Regenerates schema/contract.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { contractJsonSchema } from "../dist/index.js";

const file = new URL("../schema/contract.schema.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
console.log("wrote schema/contract.schema.json");
