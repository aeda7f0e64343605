import { describe, expect, it } from "vitest";
import { joinWrapped, layoutPage, marginOf, type PdfTextItem, pageLines, placeLines, spacingOf } from "./lines.js";
import { rulesOf } from "./rules.js";

/** Items laid out as a PDF would: each character or run at its own x, 12-point type. */
function run(str: string, x: number, y: number, width = str.length * 12): PdfTextItem {
  return { str, x, y, width, size: 12 };
}

describe("pageLines", () => {
  it("groups items by baseline, top to bottom, each line left to right", () => {
    const items = [run("乙方：某公司", 72, 680), run("甲方：", 72, 700), run("某中心", 108, 700.4)];
    expect(pageLines(items)).toEqual([{ text: "甲方：某中心" }, { text: "乙方：某公司" }]);
  });

  it("joins Chinese without spaces, even across a gap of spacing, and Latin words with one", () => {
    const items = [run("合", 72, 700), run("同", 86, 700), run("Service", 110, 680, 40), run("hours", 155, 680, 30)];
    expect(pageLines(items)).toEqual([{ text: "合同" }, { text: "Service hours" }]);
  });

  it("keeps a space the PDF draws as its own item, once", () => {
    const items = [run("Monday", 72, 700, 36), run(" ", 108, 700, 3), run(" ", 111, 700, 3), run("to", 114, 700, 12)];
    expect(pageLines(items)).toEqual([{ text: "Monday to" }]);
  });

  it("splits a line into cells at gaps wider than two font sizes (a table row)", () => {
    const items = [run("第一期", 72, 700), run("2025年4月10日前", 200, 700), run("90000.00", 400, 700, 48)];
    expect(pageLines(items)).toEqual([{ text: "第一期\t2025年4月10日前\t90000.00", cells: ["第一期", "2025年4月10日前", "90000.00"] }]);
  });

  it("prints a string drawn twice at the same place (fake bold) once", () => {
    expect(pageLines([run("合同", 72, 700), run("合同", 72.3, 700)])).toEqual([{ text: "合同" }]);
  });

  it("joins the lines of a wrapped paragraph, but not a new item, a sentence's end, a table row or short lines", () => {
    // 40 characters of 12 points from x 72: a full line ends at 552 on a 612-point page.
    const full = (text: string, y: number, x = 72) => run(text, x, y, 480);
    const items = [
      full("一、服务内容：乙方按甲方要求提供热线值守、数据分析、工单审核等服务，服务期", 700, 96),
      full("间自合同签订之日起计算，服务地点为甲方指定地点，乙方应按约定派驻人员并保", 686),
      run("证质量。", 72, 672, 48),
      full("二、合同价款：本合同总价款为1718000元，分三期支付，每期付款前乙方应开具", 640, 96),
      full("（一）第一期于合同签订后支付合同总额的百分之五十，即859000元，其余款", 626),
      full("项按约定支付。第二期为验收合格后支付百分之二十，余款在服务期满后结清。", 612),
      full("合同一式四份，甲乙双方各执两份，具有同等法律效力，自双方签字盖章之日", 580),
      run("期次", 72, 566),
      run("金额", 300, 566),
      run("甲方（盖章）", 72, 520),
      run("乙方（盖章）", 72, 506),
    ];
    expect(pageLines(items).map((l) => l.text)).toEqual([
      "一、服务内容：乙方按甲方要求提供热线值守、数据分析、工单审核等服务，服务期间自合同签订之日起计算，服务地点为甲方指定地点，乙方应按约定派驻人员并保证质量。",
      "二、合同价款：本合同总价款为1718000元，分三期支付，每期付款前乙方应开具",
      "（一）第一期于合同签订后支付合同总额的百分之五十，即859000元，其余款项按约定支付。第二期为验收合格后支付百分之二十，余款在服务期满后结清。",
      "合同一式四份，甲乙双方各执两份，具有同等法律效力，自双方签字盖章之日",
      "期次\t金额",
      "甲方（盖章）",
      "乙方（盖章）",
    ]);
  });

  it("gives no line for a page without visible text", () => {
    expect(pageLines([run(" ", 72, 700, 3), run("", 80, 700, 0)])).toEqual([]);
  });
});

describe("spacing between Chinese and figures", () => {
  it("drops the narrow spacing office programs put between the scripts, keeps a wide gap as a space", () => {
    // "2025 年 4 月": the figures and characters 0.2 em apart, as LibreOffice lays them out.
    const date = [run("服务期限自", 72, 700), run("2025", 134.4, 700, 26.8), run(" ", 161.2, 700, 2.4), run("年", 163.6, 700), run(" ", 175.6, 700, 2.4), run("4", 178, 700, 6.7), run("月", 187, 700)];
    expect(pageLines(date)).toEqual([{ text: "服务期限自2025年4月" }]);
    // "电话：010-60466097   传真：": typed spaces, more than half a character wide.
    const phone = [run("电话：", 72, 680), run("010-60466097", 108, 680, 72), run(" ", 180, 680, 7), run("传真：", 187, 680)];
    expect(pageLines(phone)).toEqual([{ text: "电话：010-60466097 传真：" }]);
  });
});

describe("ruled tables", () => {
  // A two-column table with three rows, drawn as a Word table prints: rules at x 72, 200, 540
  // and y 700, 660, 620, 580; the second row's right cell wraps over two lines.
  const rules = {
    horizontal: [700, 660, 620, 580].map((y) => ({ y, x0: 72, x1: 540 })),
    vertical: [72, 200, 540].map((x) => ({ x, y0: 580, y1: 700 })),
  };
  const items = [
    run("开户银行", 76, 684),
    run("中国工商银行北京分行", 204, 684),
    run("账号", 76, 644),
    run("0200003319210012727", 204, 648, 336 - 4),
    run("0012727", 204, 634, 42),
    run("联系人", 76, 604),
    run("表格下方的一段文字。", 72, 560),
    run("表格上方的一段文字。", 72, 720),
  ];

  it("reads each row as one line of cells, a cell's wrapped lines joined, a number the cell's width broke joined without a space", () => {
    expect(layoutPage(items, 612, rules).map((l) => l.cells ?? l.text)).toEqual([
      "表格上方的一段文字。",
      ["开户银行", "中国工商银行北京分行"],
      ["账号", "02000033192100127270012727"],
      ["联系人"],
      "表格下方的一段文字。",
    ]);
  });

  it("keeps an empty cell in its place and lets text outside every table be", () => {
    const wide = {
      horizontal: [700, 660].map((y) => ({ y, x0: 72, x1: 540 })),
      vertical: [72, 200, 380, 540].map((x) => ({ x, y0: 660, y1: 700 })),
    };
    expect(layoutPage([run("电话", 76, 684), run("传真号码", 384, 684)], 612, wide).map((l) => l.cells)).toEqual([["电话", "", "传真号码"]]);
  });

  it("puts the text of a cell merged down over two rows into its first row", () => {
    const merged = {
      // the rule between the rows stops at x 200: the left cell spans both rows
      horizontal: [
        { y: 700, x0: 72, x1: 540 },
        { y: 660, x0: 200, x1: 540 },
        { y: 620, x0: 72, x1: 540 },
      ],
      vertical: [72, 200, 540].map((x) => ({ x, y0: 620, y1: 700 })),
    };
    const lines = layoutPage([run("甲方", 76, 664), run("名称", 204, 684), run("地址", 204, 644)], 612, merged);
    expect(lines.map((l) => l.cells)).toEqual([["甲方", "名称"], ["", "地址"]]);
  });

  it("is no table when the rules box in one cell only (a frame around a paragraph)", () => {
    const frame = {
      horizontal: [700, 600].map((y) => ({ y, x0: 72, x1: 540 })),
      vertical: [72, 540].map((x) => ({ x, y0: 600, y1: 700 })),
    };
    expect(layoutPage([run("注：本页无正文。", 80, 680)], 612, frame).map((l) => l.cells ?? l.text)).toEqual(["注：本页无正文。"]);
  });
});

describe("rules from a page's drawing operators", () => {
  const OPS = {
    save: 10,
    restore: 11,
    transform: 12,
    constructPath: 91,
    moveTo: 13,
    lineTo: 14,
    rectangle: 19,
    closePath: 18,
    stroke: 20,
    closeStroke: 21,
    fill: 22,
    eoFill: 23,
    fillStroke: 24,
    eoFillStroke: 25,
    closeFillStroke: 26,
    closeEOFillStroke: 27,
    endPath: 28,
  };

  it("reads stroked lines, thin filled boxes and a moved origin; not a filled page or a clip", () => {
    const fnArray = [OPS.constructPath, OPS.fill, OPS.save, OPS.transform, OPS.constructPath, OPS.stroke, OPS.restore, OPS.constructPath, OPS.fill, OPS.constructPath, OPS.endPath];
    const argsArray = [
      [[OPS.rectangle], [0, 0, 595, 842]], // the white page: filled, no rules
      null,
      null,
      [1, 0, 0, 1, 10, 20], // what follows is drawn 10 right and 20 up
      [[OPS.moveTo, OPS.lineTo, OPS.moveTo, OPS.lineTo], [62, 680, 530, 680, 62, 600, 62, 680]],
      null,
      null,
      [[OPS.rectangle], [72, 599.75, 468, 0.5]], // a border drawn as a thin filled box
      null,
      [[OPS.rectangle], [0, 0, 595, 842]], // a clipping path, never painted
      null,
    ];
    expect(rulesOf({ fnArray, argsArray }, OPS)).toEqual({
      horizontal: [
        { y: 700, x0: 72, x1: 540 },
        { y: 600, x0: 72, x1: 540 },
      ],
      vertical: [{ x: 72, y0: 620, y1: 700 }],
    });
  });
});

describe("a paragraph's wrapped lines, told by the room left and the document's spacing", () => {
  const line = (text: string, y: number, width = text.length * 12) => run(text, 72, y, width);

  it("joins a line that ends short of the margin when the next line's first word would not have fitted", () => {
    // 40 characters of 12 points: the margin is at 552; the first line leaves 24 points, too few for "¥555228.3".
    const lines = placeLines([
      line("第一次付款：合同签订后三十日内，甲方应向乙方支付本合同总价款的百分之五十。", 714, 480),
      line("第二次付款：双方合作无异议，甲方应向乙方支付本合同总价款百分之三十的款项，即", 700, 456),
      run("¥555228.30元（人民币伍拾伍万伍仟贰佰贰拾捌元叁角）。合同一式四份，甲乙双方各执两", 72, 686, 480),
      line("份，具有同等法律效力。", 672),
    ]);
    expect(joinWrapped(lines, 612).map((l) => l.text)).toEqual([
      "第一次付款：合同签订后三十日内，甲方应向乙方支付本合同总价款的百分之五十。",
      "第二次付款：双方合作无异议，甲方应向乙方支付本合同总价款百分之三十的款项，即¥555228.30元（人民币伍拾伍万伍仟贰佰贰拾捌元叁角）。合同一式四份，甲乙双方各执两份，具有同等法律效力。",
    ]);
  });

  it("learns the spacing of wrapped lines and of paragraphs, and then joins a full line after a full stop but never across a paragraph's space", () => {
    const pages = [
      {
        width: 612,
        lines: placeLines([
          // three paragraphs, wrapped lines 14 apart, paragraphs 26 apart
          run("一、乙方应按甲方要求派驻服务人员，人员须经培训合格后方可上岗，并遵守甲方的", 72, 700, 480),
          line("各项管理制度。", 686),
          run("二、乙方未经甲方书面同意，不得将本合同项下权利义务转让给第三方，一经发现。", 72, 660, 480),
          line("甲方有权解除合同。", 646),
          run("三、甲方应按合同约定的方式向乙方支付合同价款，乙方收款后应开具合法发票，", 72, 620, 480),
          line("本条款自签订起生效，对双方均有约束力，任何一方不得擅自变更其中约定内容。", 594, 444),
          run("四、本合同未尽事宜由双方协商解决，协商不成的可向甲方所在地人民法院起诉，", 72, 568, 480),
          line("以上各条均已阅读并确认。", 554),
          line("五、本合同自双方签字盖章之日起生效。", 528),
          line("六、本合同一式四份。", 502),
          run("七、乙方应对服务过程中知悉的甲方信息予以保密，未经甲方书面同意不得向第三", 72, 476, 480),
          line("方披露。", 462),
        ]),
      },
    ];
    const spacing = spacingOf(pages);
    expect(spacing).toEqual({ line: 14, paragraph: 26, size: 12 });
    expect(joinWrapped(pages[0]!.lines, 612, spacing).map((l) => l.text.slice(0, 4))).toEqual(["一、乙方", "二、乙方", "三、甲方", "本条款自", "四、本合", "五、本合", "六、本合", "七、乙方"]);
    expect(joinWrapped(pages[0]!.lines, 612, spacing)[1]?.text).toBe(
      "二、乙方未经甲方书面同意，不得将本合同项下权利义务转让给第三方，一经发现。甲方有权解除合同。",
    );
  });

  it("finds the margin where a line's closing punctuation hangs past it", () => {
    const lines = placeLines([
      run("甲方应按照合同约定按期支付服务费用，乙方应当按时提供服务并提交成果，", 72, 700, 492),
      run("本合同自双方签字盖章之日起生效，有效期一年，期满后双方可以协商续签合同", 72, 686, 480),
    ]);
    expect(marginOf(lines, 612)).toBe(552);
  });
});
