/**
 * A hand-built month of work orders for the monthly report's tests (May 2026, Sujiatuo), and
 * the Sujiatuo contract with service levels added. Every figure the tests expect is worked
 * out by hand from these rows in monthly-report.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const UNIT_A = "苏家坨镇城市管理办公室";
export const UNIT_B = "苏家坨镇社区建设办公室";
export const UNIT_C = "海淀区水务局";

export const HEADER =
  "工单编号,受理时间,来源渠道,诉求类型,一级分类,二级分类,三级分类,街乡镇,社区,主办单位,派单时间,签收时间,办理时限,办结时间,是否有效回访,是否联系,是否解决,满意度,是否纳入考核,申诉状态,是否主动治理";

export const MAY_ROWS = [
  `S01,2026-05-01 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},2026-05-01 08:10:00,2026-05-01 08:20:00,2026-05-08 08:00:00,2026-05-02 10:00:00,是,是,是,满意,是,,否`,
  `S02,2026-05-01 09:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,西小营村,${UNIT_A},2026-05-01 09:40:00,2026-05-01 09:50:00,2026-05-08 09:00:00,2026-05-09 10:00:00,是,是,否,基本满意,是,,否`,
  `S03,2026-05-02 10:00:00,网络,求助,城乡建设,市政设施,路灯不亮,苏家坨镇,草厂村,${UNIT_B},2026-05-02 10:05:00,,2026-05-09 10:00:00,,否,,,,是,,否`,
  `S04,2026-05-02 11:00:00,电话,求助,交通管理,停车管理,违章停车,苏家坨镇,柳林村,${UNIT_B},2026-05-02 11:20:00,2026-05-02 11:30:00,2026-05-09 11:00:00,2026-05-05 11:00:00,是,否,否,不满意,是,申诉中,否`,
  `S05,2026-05-03 12:00:00,APP,咨询,市场管理,消费维权,预付卡退费,苏家坨镇,草厂村,${UNIT_C},2026-05-03 12:30:00,2026-05-03 12:40:00,2026-05-05 12:00:00,2026-05-04 12:00:00,是,是,是,基本满意,否,申诉通过,否`,
  `S06,2026-05-03 13:00:00,电话,举报,城乡建设,市容环卫,道路清扫,苏家坨镇,西小营村,${UNIT_C},2026-05-03 13:10:00,2026-05-03 13:15:00,2026-05-18 13:00:00,2026-05-10 13:00:00,是,是,否,不满意,是,,否`,
  `S07,2026-05-05 14:00:00,电话,建议,交通管理,公共交通,公交线路,苏家坨镇,柳林村,${UNIT_A},2026-05-05 14:20:00,2026-05-05 14:30:00,2026-05-20 14:00:00,2026-05-12 14:00:00,是,是,是,满意,是,,是`,
  `S08,2026-05-31 23:30:00,主动治理,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},2026-05-31 23:40:00,2026-05-31 23:50:00,2026-06-07 23:30:00,,否,,,,是,,是`,
  `S09,2026-04-30 23:00:00,电话,咨询,市场管理,消费维权,预付卡退费,苏家坨镇,西小营村,${UNIT_C},2026-04-30 23:10:00,2026-04-30 23:20:00,2026-05-02 23:00:00,2026-05-01 09:00:00,否,,,,是,,否`,
];

/** A row whose 受理时间 cannot be read: row 11 of the file (the header is row 1). */
export const BAD_ROW = `S10,2026-05-0x 10:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},,,,,否,,,,是,,否`;

/** Earlier exports: four orders of April 2026 and six of May 2025. */
export const EARLIER_ROWS = [
  `P01,2026-04-03 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},,,,,否,,,,是,,否`,
  `P02,2026-04-04 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},,,,,否,,,,是,,否`,
  `P03,2026-04-05 08:00:00,电话,求助,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_B},,,,,否,,,,是,,否`,
  `P04,2026-04-06 08:00:00,电话,咨询,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_C},,,,,否,,,,是,,否`,
  ...["Y01", "Y02", "Y03", "Y04", "Y05", "Y06"].map(
    (no, i) => `${no},2025-05-1${i} 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},,,,,否,,,,是,,否`,
  ),
];

export function csv(rows: readonly string[]): string {
  return [HEADER, ...rows].join("\r\n") + "\r\n";
}

const SUJIATUO = fileURLToPath(new URL("../../../../examples/contracts/sujiatuo-2026.yaml", import.meta.url));

/**
 * Sujiatuo as printed has no quantified service levels (its 九.3 deducts 5 % of the month's
 * fee per failure to meet 附件 2). The copy gets four, none naming a penalty clause, so a miss
 * falls under 九.3: 签收率 and 反馈率 miss in the fixture, 转办率 is met, and one cannot be measured.
 * 转办率 names the clause that states it, written as contracts print it (二(一), half-width brackets).
 */
export function sujiatuoWithLevels(dir: string): string {
  const text = readFileSync(SUJIATUO, "utf8");
  const levels = [
    "serviceLevels:",
    "  - id: sign-rate",
    "    metric: sign-rate",
    '    target: "100%"',
    "    text: 签收率 100%",
    "  - id: dispatch-rate",
    "    metric: dispatch-rate",
    '    target: "100%"',
    "    text: 转办率 100%",
    "    clause: 二(一)",
    "  - id: feedback-rate",
    "    metric: feedback-rate",
    '    target: "100%"',
    "    text: 反馈率 100%",
    "  - id: ledger",
    "    metric: other",
    "    text: 按要求建立工作台账",
  ].join("\n");
  if (!text.includes("serviceLevels: []")) throw new Error("the Sujiatuo example changed: serviceLevels: [] not found");
  const file = join(dir, "sujiatuo-levels.yaml");
  writeFileSync(file, text.replace("serviceLevels: []", levels));
  return file;
}

/** A temporary folder for one test file (removed by `remove`), and a writer of files into it. */
export function scratch(prefix: string): { dir: string; write: (name: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
