import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue render`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "render",
  summary: "用模板生成文档（DOCX / PDF / Markdown）：验收单、付款申请、合同文本、续签合同草案、工作月报",
  usage: [
    "qiyue render <模板|模板包> --contract <合同.yaml> [--format docx,pdf,md] [--out 目录] [--templates 目录] [--calendar 节假日安排.yaml]...",
    "                    [--strict] [--theme formal|plain] [--installment N] [--increase P%] [--amount X] [--term 12m|1y] [--schedule 50/20/30] [--date YYYY-MM-DD] [--events 事件.yaml [--as-of YYYY-MM-DD]]",
    "                    [--orders 工单.csv|.xlsx ... [--previous 往期.csv ...] [--month YYYY-MM] [--notes 素材.yaml|.md]",
    "                     [--mapping 列名映射.yaml] [--metrics-config 口径.yaml|内置方案] [--lenient] [--split-by handling-unit|street] [--audience vendor|client]]",
    "  内置模板：acceptance（验收单）、invoice-request（付款申请，需 --installment）、contract（合同文本）、",
    "            renewal-draft（续签合同草案，需 --increase 或 --amount）、monthly-report（工作月报，需 --orders）",
    "  续签合同草案：服务期默认与原合同相同，--term 另行约定（如 12m、1y；--years N 同 --term Ny）；原合同的付款方式不能照搬",
    "        （如某期按原约定为零）时不生成并说明原因，须用 --schedule 给出双方约定的各期比例（合计 100）",
    "  --templates 目录：自己的模板，加在内置模板之外；与内置模板同名的，用目录中的并提示；",
    "  模板包：项目中已安装的 npm 模板包（根目录有 manifest.yaml），如 qiyue render @单位/公函 …；qiyue templates list 列出全部模板",
    "  月报：--orders 当月工单导出（可多个，流式读取）；--month 默认取受理工单最多的月份；--previous 往期导出，用于环比、同比；",
    "        --notes 热点问题、典型案例、主动治理、存在问题、下月计划的文字（YAML 键 hotIssues / typicalCases / proactive /",
    "        problems / nextMonthPlan，或以这些中文标题分节的 Markdown；cover 下的报送日期、编制人、审核人印在封面），",
    "        未给出时报告标明【待补充】；--audience 默认 vendor（乙方报送，服务标准只列达成情况），client 另按合同违约条款测算；",
    "        --lenient 跳过有问题的行",
    "        并在附录中按原因列出（默认遇到第一处问题即停止，指出文件、行、列和值）；--split-by 按承办单位或街乡镇每组一份，",
    "        只读一遍数据，多核并行生成，终端上显示进度条",
    CALENDAR_USAGE,
    "  输出文件写入 --out 目录（默认当前目录），打印写入的路径；环境变量 SOURCE_DATE_EPOCH 决定文档日期",
    "  合同未约定或约定不明的金额、日期不作推算：文档中印【待确认：原因】，并在此逐条提示（含条款）；",
    "  --strict 有【待确认】时退出码为 1（文档照常写出）",
    "  退出码：0 成功；1 续签超出上限或付款方式须另行约定（不生成草案），或 --strict 下有待确认事项；2 参数、合同或模板有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/render.js")).run(argv, io),
};
