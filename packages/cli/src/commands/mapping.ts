import type { Command } from "../command.js";

/** The mapping file, as `qiyue mapping --help` explains it (also referred to by metrics and render). */
export const MAPPING_FILE_HELP = [
  "  列名映射文件（YAML，--mapping 使用）：导出文件的表头与 qiyue 认识的不同时，写明每一列对应哪个表头，",
  "  以及单元格中的写法对应什么取值。只需写与常见表头不同的列，其余按常见表头识别。",
  "    满意度: 满意度评价结果          # 列可写中文名或英文键（satisfaction: 满意度评价结果 相同）",
  "    主办单位: [承办部门, 办理单位]  # 一列可给几个表头，按顺序取文件中出现的第一个",
  "    values:                         # 或 取值：单元格写法 → qiyue 认识的写法",
  "      满意度:",
  "        一般: 基本满意              # 满意度对应到 满意、基本满意、不满意、未评价",
  "      是否联系:",
  "        已联系: 是                  # 是/否类的列对应到 是 或 否",
  "        未联系: 否",
  "  可用的列（中文名 / 英文键）：工单编号 orderNo、受理时间 receivedAt、诉求类型 requestType（以上必需）、",
  "    来源渠道 channel、一级分类 category1、二级分类 category2、三级分类 category3、标题 title、诉求内容 content、",
  "    区 district、街乡镇 street、社区 community、主办单位 handlingUnit、派单时间 dispatchedAt、签收时间 signedAt、",
  "    办理时限 dueAt、办结时间 closedAt、退单次数 returnCount、是否延期 extended、工单状态 status、办理结果 result、",
  "    是否有效回访 validFollowUp、是否联系 contacted、是否解决 resolved、满意度 satisfaction、是否纳入考核 counted、",
  "    不纳入考核 excluded、申诉状态 appealState、是否主动治理 proactive",
  "  诉求类型对应到 咨询、求助、投诉、举报、建议、表扬；文字列（渠道、单位等）可对应到任意文字；时间和数字列不能对应取值。",
  "  一个表头只能对应一列；写错的键、取值或重复的表头报错时给出文件、行、列和可用的写法。",
].join("\n");

/** `qiyue mapping`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "mapping",
  summary: "列名映射：由工单导出文件的表头生成映射文件初稿（mapping init），供 metrics 和月报的 --mapping 使用",
  usage: [
    "qiyue mapping init <工单.csv|xlsx> [--out 列名映射.yaml] [--force]",
    "  读取导出文件的表头，写出映射文件初稿：与常见表头一致的直接对应；按表头文字推断的标“# 猜测”，请逐一核对；",
    "  找不到的列注释掉并标“# 未找到”（必需列须补上）；未对应任何列的表头列在文末。默认写入当前目录的 列名映射.yaml，",
    "  已存在时不覆盖（--force 覆盖）；--out - 写到标准输出。",
    MAPPING_FILE_HELP,
    "  退出码：0 成功；2 参数或文件有误（含目标文件已存在）",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/mapping.js")).run(argv, io),
};
