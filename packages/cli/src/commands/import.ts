import type { Command } from "../command.js";

/** `qiyue import`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "import",
  summary: "从已签合同的文本、Word 或 PDF 生成合同 YAML 草稿：每个值注明出处，读不准的写成【待确认】",
  usage: [
    "qiyue import <合同.txt|.md|.docx|.pdf> [--out 草稿.yaml] [--force] [--json] [--strict]",
    "  可读取：.txt、.md（UTF-8、UTF-16 或 GBK 编码）、.docx、有文字层的 .pdf（扫描件须先做文字识别，qiyue 不支持 OCR）",
    "  --out     草稿写到哪个文件；默认写在合同文件旁边，同名、扩展名为 .yaml（如 合同.docx → 合同.yaml）；",
    "            --out - 把草稿写到标准输出（摘要写到标准错误）",
    "  --force   草稿文件已存在时覆盖它（不给出时不覆盖，退出码 2）",
    "  --json    以 JSON 输出找到的值（含出处行与把握程度）、【待确认】项和检查结果",
    "  --strict  仍有【待确认】或【待填写】项时退出码为 1（草稿照样写出）",
    "  草稿中每个值后面的注释写明它出自原文第几行；请逐项核对，补全【待确认】项后用 qiyue validate 检查",
    "  退出码：0 草稿已写出；1 草稿已写出，但给出了 --strict 且仍有待确认项；2 文件无法读取（或参数有误、草稿文件已存在）",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/import.js")).run(argv, io),
};
