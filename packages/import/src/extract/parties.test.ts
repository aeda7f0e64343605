import { describe, expect, it } from "vitest";
import { foundAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { leafDiff, otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractParties } from "./parties.js";

describe("parties on the five signed contracts", () => {
  it.each(SEEDS)("%s: every party field of the hand-made model, and nothing else", (id) => {
    const x = runOnSeed(extractParties, id);
    const diff = leafDiff(modelOf(id).parties, treeOf(x, "parties"));
    expect(diff.wrong).toEqual([]);
    expect(diff.extra).toEqual([]);
    expect(diff.missing).toEqual([]);
  });

  it("cites the line a value was printed on", () => {
    const x = runOnSeed(extractParties, "bda-2024");
    // the 负责人 signs only the 廉政协议书: the name is on the line under its caption
    const name = modelOf("bda-2024").parties.client.legalRepresentative;
    expect(foundAt(x, "parties", "client", "legalRepresentative")?.source).toMatchObject({ line: 208, excerpt: name });
    expect(foundAt(x, "parties", "vendor", "bank", "accountNumber")?.source.line).toBe(73);
  });

  it("asks about a field printed blank in the party block", () => {
    const x = runOnSeed(extractParties, "sujiatuo-2026");
    expect(reasonsAt(x, "parties", "client", "fax")).toEqual(["甲方的“传 真”一栏为空白"]);
  });
});

describe("parties in other wordings", () => {
  it.each(["qinglin-wuye-2025", "dongling-baojie-2025"])("%s: as written by hand", (name) => {
    const file = name.startsWith("qinglin") ? `${name}.md` : `${name}.txt`;
    const x = runOnOther(extractParties, file);
    const diff = leafDiff(otherExpected(`${name}.expected.yaml`).parties, treeOf(x, "parties"));
    expect(diff).toEqual({ wrong: [], missing: [], extra: [] });
  });

  it("security-service.txt: 甲方（采购人） and 乙方（供应商） blocks of a text written for the other extractors", () => {
    const x = runOnOther(extractParties, "security-service.txt");
    expect(treeOf(x, "parties")).toEqual({
      client: {
        label: "甲方",
        name: "青溪区公共文化服务中心",
        address: "青溪区文昌路88号",
        contact: { name: "林晓雯", phone: "010-61230001" },
      },
      vendor: {
        label: "乙方",
        name: "安泰卫士保安服务有限公司",
        address: "青溪区工业南路16号3层",
        contact: { name: "周建国", phone: "010-61239876" },
        bank: { bank: "青溪农商银行文昌支行", accountNumber: "6228 0100 3344 5566 778" },
      },
    });
  });

  it("reads 委托方 / 受托方 blocks and takes the name they are called by", () => {
    const x = runOnText(
      extractParties,
      [
        "委托方：北京市某区城市管理委员会（以下简称“甲方”）",
        "通讯地址：北京市某区建设路 1 号",
        "邮政编码：100000",
        "受托方：北京某某科技有限公司（以下简称“乙方”）",
        "法定代表人：王一",
        "开户行：中国银行北京某某支行",
        "账号：1234 5678 9012",
        "",
        "双方经协商一致，订立本合同，共同遵守，具体条款如下，以资信守。本合同的解释以中文文本为准。",
      ].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "北京市某区城市管理委员会", postalAddress: "北京市某区建设路 1 号", postalCode: "100000" },
      vendor: {
        label: "乙方",
        name: "北京某某科技有限公司",
        legalRepresentative: "王一",
        bank: { bank: "中国银行北京某某支行", accountNumber: "1234 5678 9012" },
      },
    });
  });

  it("reads a table giving each side in a pair of columns", () => {
    const x = runOnText(
      extractParties,
      ["| 甲方 | 北京市某区某街道办事处 | 乙方 | 北京某物业有限公司 |", "| 地址 | 某街 1 号 | 地址 | 某路 2 号 |", "| 电话 | 010-1 | 电话 | 010-2 |"].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "北京市某区某街道办事处", address: "某街 1 号", phone: "010-1" },
      vendor: { label: "乙方", name: "北京某物业有限公司", address: "某路 2 号", phone: "010-2" },
    });
  });

  it("reads other captions for the same fields", () => {
    const x = runOnText(
      extractParties,
      ["甲方：某中心", "法定代表人（负责人）：赵六", "传真号码：010-9", "乙方：某公司", "手机号码：139", "开户单位：某公司", "开户银行账号：6222"].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "某中心", legalRepresentative: "赵六", legalRepresentativeTitle: "法定代表人（负责人）", fax: "010-9" },
      vendor: { label: "乙方", name: "某公司", phone: "139", bank: { accountName: "某公司", accountNumber: "6222" } },
    });
    // an account without its bank: what is printed is written, the bank asked for
    expect(reasonsAt(x, "parties", "vendor", "bank", "bank")).toEqual(["乙方的开户银行未找到"]);
  });

  it("reads a whole block printed on one line", () => {
    const x = runOnText(
      extractParties,
      ["甲方：北京市某区园林绿化局，地址：北京市某区绿园路 3 号，电话：010-1111", "乙方：北京某园林工程有限公司，统一社会信用代码：91110000X，开户行：某银行某支行，账号：9999"].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "北京市某区园林绿化局", address: "北京市某区绿园路 3 号", phone: "010-1111" },
      vendor: { label: "乙方", name: "北京某园林工程有限公司", bank: { bank: "某银行某支行", accountNumber: "9999" } },
    });
    // a sentence after 甲方： is not a party block
    expect(treeOf(runOnText(extractParties, "甲方：负责提供场地，并配合乙方开展工作。"), "parties")).toBeUndefined();
  });

  it("reads a table where each side's cell heads its rows", () => {
    const x = runOnText(
      extractParties,
      [
        "甲 方\t名称\t北京市某区某中心 (签章)",
        "\t住所\t某街 1 号\t邮政编码\t100001",
        "乙 方\t名称\t北京某信息技术有限公司",
        "\t开户银行\t某银行某支行\t账号\t5555",
      ].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "北京市某区某中心", address: "某街 1 号", postalCode: "100001" },
      vendor: { label: "乙方", name: "北京某信息技术有限公司", bank: { bank: "某银行某支行", accountNumber: "5555" } },
    });
  });

  it("reads two blocks printed side by side, and never runs the two columns into one name", () => {
    const x = runOnText(
      extractParties,
      ["甲方：北京市某区某中心            乙方：北京某科技有限公司", "地址：某街 1 号                    地址：某路 2 号", "电话：010-1                       电话：010-2"].join("\n"),
    );
    expect(treeOf(x, "parties")).toEqual({
      client: { label: "甲方", name: "北京市某区某中心", address: "某街 1 号", phone: "010-1" },
      vendor: { label: "乙方", name: "北京某科技有限公司", address: "某路 2 号", phone: "010-2" },
    });
    const runTogether = runOnText(extractParties, "甲方：北京市某区某中心 乙方：北京某科技有限公司");
    expect(foundAt(runTogether, "parties", "client", "name")).toBeUndefined();
    expect(reasonsAt(runTogether, "parties", "client", "name")).toEqual(["未找到甲方名称"]);
  });

  it("keeps a value printed as “/” and asks about an empty one", () => {
    const x = runOnText(extractParties, ["甲方：某中心", "电 话： /  传 真：", "乙方：某公司", "电话：010-3"].join("\n"));
    expect(foundAt(x, "parties", "client", "phone")?.value).toBe("/");
    expect(reasonsAt(x, "parties", "client", "fax")).toEqual(["甲方的“传 真”一栏为空白"]);
    expect(foundAt(x, "parties", "client", "fax")).toBeUndefined();
  });

  it("does not choose between two accounts printed for the vendor", () => {
    const x = runOnText(
      extractParties,
      [
        "甲方：某中心",
        "乙方：某公司",
        "开户银行：某银行甲支行",
        "账号：111",
        "",
        "三、付款方式：甲方按月支付服务费，每月付款前乙方须开具等额发票，逾期不开具的甲方有权拒付，款项汇入以下账户。",
        "开户银行：某银行甲支行",
        "账号：222",
      ].join("\n"),
    );
    expect(foundAt(x, "parties", "vendor", "bank", "accountNumber")).toBeUndefined();
    expect(reasonsAt(x, "parties", "vendor", "bank", "accountNumber")).toEqual(["乙方的账号有两种写法：第 4 行“111”，第 8 行“222”"]);
    expect(foundAt(x, "parties", "vendor", "bank", "bank")?.value).toBe("某银行甲支行");
  });

  it("asks for a party whose name it cannot find", () => {
    const x = runOnText(extractParties, "甲方：某中心\n");
    expect(reasonsAt(x, "parties", "vendor", "name")).toEqual(["未找到乙方名称"]);
  });
});
