import { describe, expect, it } from "vitest";
import { shanghaiDate } from "./today.js";

/** What the time zone database says the date in Asia/Shanghai is. */
function byTimeZoneDatabase(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

describe("today in Beijing", () => {
  it("turns at 16:00 UTC", () => {
    expect(shanghaiDate(new Date("2026-12-04T15:59:59.999Z"))).toBe("2026-12-04");
    expect(shanghaiDate(new Date("2026-12-04T16:00:00Z"))).toBe("2026-12-05");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("is the time zone database's date at every hour of years around now", () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2031, 0, 1); t += 3600_000 * 7 + 60_000) {
      const instant = new Date(t);
      expect(shanghaiDate(instant), instant.toISOString()).toBe(byTimeZoneDatabase(instant));
    }
  });
});
