import type { Command } from "../command.js";

/** `qiyue templates`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "templates",
  summary: "模板：列出可用的模板及其来源（list）；检查每个 {{字段}}、块和辅助函数与模板数据的类型相符（check）",
  usage: [
    "qiyue templates list [--templates 目录] [--json]",
    "  列出内置模板（npm 包 @qiyue/template-*）和 --templates 目录中的模板，以及每个模板来自哪里；",
    "  目录中与内置模板同名的模板代替内置模板。已安装的模板包用 npm 包名使用：qiyue render @单位/模板包名 …",
    "qiyue templates check [目录] [--json]",
    "  目录：模板目录（每个模板一个子目录），或单个模板的目录；默认内置模板",
    "  检查：语法、辅助函数及其参数个数和类型（金额、比例、日期……）、子模板是否存在；",
    "        每个 {{路径}}、#each、#with 和块参数是否是合同模型及模板数据中的字段；",
    "        可选字段是否先用 {{#if}} 判断；对象和列表不能直接输出；清单（manifest.yaml）声明的输入是否用到",
    "  每个问题给出 文件:行:列；退出码：0 没有错误（可有警告）；1 有错误；2 目录不存在或参数有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/templates.js")).run(argv, io),
};
