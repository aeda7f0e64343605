import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { command } from "../commands/schema.js";
import { memoryIo } from "../io.js";

describe("qiyue schema", () => {
  it("prints the JSON Schema the examples point their editors at", async () => {
    const io = memoryIo();
    expect(await command.run([], io)).toBe(0);
    const committed = readFileSync(new URL("../../../contract-model/schema/contract.schema.json", import.meta.url), "utf8");
    expect(io.out).toBe(committed);
  });
});
