import type { Command } from "../command.js";

/** `qiyue init`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "init",
  summary: "起草新合同 YAML：每个必填字段一个【待填写】占位和中文说明，编辑器可按 JSON Schema 补全",
  usage: [
    "qiyue init [--from 合同.yaml | --from 示例名] [--out 文件] [--force]",
    "  --from   以一份合同的结构起草：保留各节、各期、各条违约金及其类型（kind、event），其余的值都换成【待填写】，",
    "           正文（body）和录入说明（notes）不带入；也可写示例合同的名称（如 pinggu-2026），仅在 qiyue 源码仓库中可用。",
    "           不给出时按合同模型生成：全部必填字段，以及签订日期、大写金额、乙方开户行；可选部分（违约金、争议解决等）",
    "           以注释的形式给出示例",
    "  --out    写到哪个文件（默认为当前目录下的 contract.yaml；- 表示输出到标准输出）；所在目录须已存在",
    "  --force  文件已存在时覆盖（不加则不覆盖，退出码 2）",
    "  文件首行为 # yaml-language-server: $schema=…，指向随 @qiyue/contract-model 安装的 JSON Schema，编辑器据此补全和检查。",
    "  填写后用 qiyue validate 检查：尚未填写之处逐一列出，全部填完前退出码为 1",
    "  退出码：0 已写出；2 参数有误、--from 的文件无法读取或输出文件已存在",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/init.js")).run(argv, io),
};
