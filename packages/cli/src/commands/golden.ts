import type { Command } from "../command.js";

/** `qiyue golden`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "golden",
  summary: "golden 文件：在 CI 中重新生成文档并与提交的预期文件比较，文档有任何变化即失败",
  usage: [
    "qiyue golden check <目录> [--templates 目录] [--images] [--layout] [--out 目录] [--root 目录] [--json]",
    "       qiyue golden update <目录> [--templates 目录] [--images] [--root 目录] [--json]",
    "       qiyue golden init <目录> [合同.yaml…] [--templates 目录] [--json]",
    "  <目录> 中的 golden.yaml 列出用例：name、template、contract（相对于 golden.yaml）、inputs、options、",
    "    events（事件记录与日期）、orders（工单导出，用于月报）、formats；顶层另有 sourceDateEpoch、templates，以及",
    "    calendar（内置日历尚未包含的年份的节假日安排文件，一个路径或列表，相对于 golden.yaml，同 --calendar）；",
    "    每个用例的预期文件在 <目录>/<用例名>/：",
    "    document.md（Markdown）、docx/…（DOCX 各部件的 XML，已规范化）、pdf/page-001.txt…（每页文字）、",
    "    pdf/info.txt（页数与字体）、hashes.txt（DOCX 与 PDF 的 SHA-256）、images/（仅 --images）",
    "  check   先检查用到的模板（同 qiyue templates check，有错误即停止），再重新生成并比较，",
    "          打印差异（unified diff）；只读，不改动 <目录>",
    "          --images 另外比较页面图像（pdftoppm -r 40 -gray）：灰度差超过 32/255 的像素计为变化，",
    "          一页中超过 0.5% 的像素变化即为不同；--out 把这次生成的文件（含 DOCX、PDF）写到另一个目录",
    "          --layout 另外检查每个 PDF 的版式（pdftotext -bbox-layout），逐个文档列出问题及页码：字形重叠、",
    "          标题或表头在页末、签章单独成页、表格行跨页、表格孤行、长数字/日期/百分数断行、行首标点、标题或单元格",
    "          末行只有一个字、DOCX 目录页码与 PDF 不符；有任何问题即以退出码 1 失败",
    "  update  重写预期文件并列出改动；只改动 <目录>/<用例名>/ 之内的文件；--images 同时保存页面图像",
    "  init    为每个模板和每份合同（默认为示例合同）写出初始的 golden.yaml",
    "  --root  golden.yaml 中的路径（合同、事件记录、工单、模板、日历）只读取此目录之内的文件（含符号链接的指向）；",
    "          默认为 golden.yaml 所在的仓库（向上最近的含 .git 的目录），不在仓库中时为 golden.yaml 所在目录",
    "  需要 poppler-utils（pdftotext、pdfinfo、pdffonts；--images 另需 pdftoppm）",
    "  退出码：0 全部一致（或更新成功）；1 有不同、缺少预期文件、有用例无法生成或（--layout）有版式问题；",
    "    2 参数或 golden.yaml 有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/golden.js")).run(argv, io),
};
