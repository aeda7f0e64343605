import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, qiyue } from "../support/qiyue.js";

const ledger = (id: string) => `examples/events/${id}.yaml`;

describe("contract lifecycle commands, run as a process", () => {
  it("status on a given day, whatever the time zone of the machine", () => {
    const args = ["status", example("haidian-2024"), "--events", ledger("haidian-2024"), "--as-of", "2024-10-31"];
    const beijing = qiyue(args, { env: { TZ: "Asia/Shanghai" } });
    expect(beijing.status).toBe(0);
    expect(beijing.stdout).toContain("逾期付款违约金：86,322.30 元");
    expect(qiyue(args, { env: { TZ: "America/Los_Angeles" } }).stdout).toBe(beijing.stdout);
  });

  it("penalty prints its steps and result", () => {
    const r = qiyue(["penalty", example("haidian-2024"), "--clause", "8.3", "--days", "400"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("责任上限（第8.4条）");
    expect(r.stdout).toContain("结果：3,252,191.00 元");
  });

  it("calendar writes the same bytes on every run", () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-e2e-ics-"));
    const run = (out: string) =>
      qiyue(["calendar", example("pinggu-2026"), "--events", ledger("pinggu-2026"), "--ics", join(dir, out)], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(run("a.ics").status).toBe(0);
    expect(run("b.ics").status).toBe(0);
    expect(readFileSync(join(dir, "a.ics")).equals(readFileSync(join(dir, "b.ics")))).toBe(true);
  });
});
