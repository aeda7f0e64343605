import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dateToLocalDateTime,
  excelSerialToLocalDateTime,
  isLocalDateTime,
  localDateTimeToSeconds,
  parseLocalDateTime,
  secondsToLocalDateTime,
} from "./local-time.js";

describe("parseLocalDateTime", () => {
  it.each([
    ["2026-03-05 08:07:09", "2026-03-05 08:07:09"],
    ["2026-03-05 08:07", "2026-03-05 08:07:00"],
    ["2026/3/5 8:07", "2026-03-05 08:07:00"],
    ["2026/03/05 08:07:09", "2026-03-05 08:07:09"],
    ["2026-03-05T08:07:09", "2026-03-05 08:07:09"],
    ["2026-03-05 08:07:09.500", "2026-03-05 08:07:09"],
    ["2026.3.5 8:07", "2026-03-05 08:07:00"],
    ["2026年3月5日 8时7分", "2026-03-05 08:07:00"],
    ["2026年3月5日8:07:09", "2026-03-05 08:07:09"],
    ["2026-03-05", "2026-03-05 00:00:00"],
    ["2024-02-29 23:59:59", "2024-02-29 23:59:59"],
  ])("reads %s", (text, expected) => {
    expect(parseLocalDateTime(text)).toBe(expected);
  });

  it("takes a bare due date as the end of that day", () => {
    expect(parseLocalDateTime("2026-03-05", true)).toBe("2026-03-05 23:59:59");
    expect(parseLocalDateTime("2026-03-05 10:00", true)).toBe("2026-03-05 10:00:00");
  });

  it.each([
    "2026-13-01 08:00",
    "2026-02-29 08:00",
    "2026-03-05 24:00",
    "2026-03-05 08:60",
    "2026-0a-05 08:07:09",
    "2026-03-05 08:07:0x",
    "05/03/2026 08:00",
    "昨天",
    "",
  ])("rejects %j", (text) => {
    expect(parseLocalDateTime(text)).toBeNull();
  });
});

describe("isLocalDateTime", () => {
  it("accepts HH:mm and HH:mm:ss, rejects impossible days", () => {
    expect(isLocalDateTime("2026-03-05 08:07")).toBe(true);
    expect(isLocalDateTime("2026-03-05 08:07:09")).toBe(true);
    expect(isLocalDateTime("2026-02-30 08:07")).toBe(false);
    expect(isLocalDateTime("2026-03-05T08:07")).toBe(false);
  });
});

describe("seconds", () => {
  it("round-trips every second of 1900-2999 without the process time zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800, max: 32_503_679_999 }), (s) => {
        const text = secondsToLocalDateTime(s);
        expect(text).toBe(new Date(s * 1000).toISOString().slice(0, 19).replace("T", " "));
        expect(localDateTimeToSeconds(text)).toBe(s);
      }),
    );
  });

  it("treats a missing seconds field as :00", () => {
    expect(localDateTimeToSeconds("2026-03-05 08:07") + 9).toBe(localDateTimeToSeconds("2026-03-05 08:07:09"));
  });

  it("orders valid times as strings the same way as by seconds", () => {
    const a = "2026-03-05 10:00";
    expect(a <= "2026-03-05 10:00:00").toBe(true);
    expect(a <= "2026-03-05 09:59:59").toBe(false);
  });
});

describe("spreadsheet times", () => {
  it("reads Excel serials (1900 system)", () => {
    expect(excelSerialToLocalDateTime(46086.5)).toBe("2026-03-05 12:00:00");
    expect(excelSerialToLocalDateTime(46086)).toBe("2026-03-05 00:00:00");
    expect(excelSerialToLocalDateTime(12)).toBeNull();
    expect(excelSerialToLocalDateTime(Number.NaN)).toBeNull();
  });

  it("reads a zone-less Date through its UTC fields", () => {
    expect(dateToLocalDateTime(new Date(Date.UTC(2026, 2, 5, 8, 7, 9)))).toBe("2026-03-05 08:07:09");
    expect(dateToLocalDateTime(new Date(Number.NaN))).toBeNull();
  });
});
