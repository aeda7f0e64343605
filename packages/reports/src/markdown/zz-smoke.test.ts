import { test } from "vitest";
import { parseMarkdown } from "./index.js";
import { escapeMarkdown } from "./escape.js";
test("smoke", () => {
  const md = `# 北京市服务合同

::toc

## 一、总则

本合同**重点**，由*甲方*和乙方签订。第二行
继续 [链接](http://x.com) ![图](/etc/passwd)

:::kv
- 项目名称：12345 热线
- 金额: 100 元
:::

| 序号 | 项目名称 |
|--|------|
| 1 | a\\|b |

::::signatures
:::party
- 甲方（盖章）：北京市
- 日期：
:::
:::party
- 乙方（盖章）：联通
- 日期：
:::
::::

::chart{id="daily-trend" width=480 height=260}

1. a
   - b
2. c
`;
  console.log(JSON.stringify(parseMarkdown(md), null, 1));
  const v = "  北京*兴众*|联城_信息_{{x}}<b>技术</b>[链](http://x)有限公司\\ \n# a\n1. b\n::: c：d  ";
  console.log(escapeMarkdown(v));
  console.log(JSON.stringify(parseMarkdown("- " + escapeMarkdown(v)).blocks));
});
