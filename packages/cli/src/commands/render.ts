import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue render`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "render",
  summary: "用模板生成文档（DOCX / PDF / Markdown）：验收单、付款申请、合同文本、续签合同草案、工作月报",
  usage: [
    "qiyue render <模板|模板包> --contract <合同.yaml> [--format docx,pdf,md] [--out 目录] [--templates 目录] [--calendar 节假日安排.yaml]...",
    "                    [--strict] [--theme formal|plain] [--font 角色=字体文件 ...] [--installment N] [--increase P%] [--amount X] [--term 12m|1y] [--schedule 50/20/30] [--date YYYY-MM-DD] [--events 事件.yaml [--as-of YYYY-MM-DD]]",
    "                    [--orders 工单.csv|.xlsx ... [--previous 往期.csv ...] [--month YYYY-MM] [--notes 素材.yaml|.md]",
    "                     [--mapping 列名映射.yaml] [--metrics-config 口径.yaml|内置方案] [--lenient] [--split-by handling-unit|street] [--audience vendor|client]",
    "                     [--appendix auto|document|xlsx]]",
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
    "        --mapping 列名映射文件（表头或取值写法与常见的不同时；写法见 qiyue mapping --help，qiyue mapping init 生成初稿）；",
    "        指标所需的列缺失或超过 5% 为空时在此警告，并在报告“数据说明”中写明受影响的指标；",
    "        --lenient 跳过有问题的行（含引号不成对、列数与表头不符的行）",
    "        并在附录中按原因列出（默认遇到第一处问题即停止，指出文件、行、列和值）；--split-by 按承办单位或街乡镇每组一份，",
    "        只读一遍数据，多核并行生成，终端上显示进度条；附录列出全部不纳入考核、申诉、未达标工单和跳过的行，",
    "        超过 1000 行的清单写入报告旁的《<报告名>-附录.xlsx》（每个附录一个工作表），报告中写明文件和工作表；",
    "        --appendix xlsx 超过 50 行即写入工作簿，--appendix document 全部印在报告里",
    CALENDAR_USAGE,
    "  输出文件写入 --out 目录（默认当前目录），打印写入的路径；环境变量 SOURCE_DATE_EPOCH 决定文档日期",
    "  合同未约定或约定不明的金额、日期不作推算：文档中印【待确认：原因】，并在此逐条提示（含条款）；",
    "  重印合同时，校验发现有误的原文（大写金额、签署日期等）照印，旁加编者注〔注：…〕（楷体，字号小一级），并在此逐条警告；",
    "  --font 角色=字体文件：PDF 中该角色改用自己的字体（如 --font 仿宋=FZFSK.TTF --font 宋体=FZXBSJW.TTF；角色为宋体、仿宋、楷体、黑体，",
    "        或“备用”：生僻字先到其中找；粗体写 仿宋-bold=…），DOCX 中写该字体的名称；字体缺少文档用到的字时报错并指出字和位置",
    "  --strict 有【待确认】时退出码为 1（文档照常写出）；PDF 中有字体都没有的字符（印出空框）或略去的不可见字符时同样退出码 1；月报的指标缺少数据时同样退出码 1",
    "  退出码：0 成功；1 续签超出上限或付款方式须另行约定（不生成草案），或 --strict 下有待确认事项；2 参数、合同或模板有误",
  ].join("\n"),
  run: async (argv, io) => {
    // A monthly report's orders are read on a thread of its own: started first, it gets ready
    // while the rest of the command loads.
    if (argv.some((arg) => arg === "--orders" || arg.startsWith("--orders="))) (await import("@qiyue/reports/read-ahead")).prepareOrdersReading();
    return (await import("../run/render.js")).run(argv, io);
  },
};
