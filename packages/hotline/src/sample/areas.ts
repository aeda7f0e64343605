/**
 * Streets / towns (街乡镇) and communities (社区 / 村) of the areas served by the
 * example contracts. Street and town names follow the administrative divisions;
 * community lists are a plausible selection for sample data, not a register.
 */
export interface SampleStreet {
  readonly name: string;
  readonly communities: readonly string[];
  /** Relative order volume. */
  readonly weight: number;
}

export interface SampleArea {
  /** District as written in the 区 column. */
  readonly district: string;
  /** The body whose export this imitates (a district centre, a street office, a town). */
  readonly client: string;
  readonly streets: readonly SampleStreet[];
  /** Departments that receive forwarded orders, besides the street / town offices. */
  readonly departments: readonly string[];
  /** The client is itself one street / town: orders go to its own offices. */
  readonly streetLevel: boolean;
}

const s = (name: string, weight: number, communities: readonly string[]): SampleStreet => ({
  name,
  weight,
  communities,
});

const districtDepartments = (short: string): readonly string[] => [
  `${short}城市管理委员会`,
  `${short}住房和城乡建设委员会`,
  `${short}市场监督管理局`,
  `${short}交通委员会`,
  `${short}水务局`,
  `${short}生态环境局`,
  `${short}卫生健康委员会`,
  `${short}教育委员会`,
  `${short}人力资源和社会保障局`,
  `${short}城市管理综合行政执法局`,
  `北京市公安局${short}分局`,
];

const PINGGU: SampleArea = {
  district: "平谷区",
  client: "平谷区城市管理指挥中心",
  streetLevel: false,
  departments: districtDepartments("平谷区"),
  streets: [
    s("滨河街道", 9, ["建西社区", "建南社区", "承平里社区", "新平东路社区", "府前社区", "园林社区"]),
    s("兴谷街道", 8, ["兴谷社区", "胜利街社区", "洳苑社区", "金谷园社区", "平翔社区"]),
    s("渔阳地区", 6, ["渔阳社区", "太平庄村", "西鹿角村", "东鹿角村"]),
    s("平谷镇", 6, ["东寺渠村", "西寺渠村", "岳各庄村", "和平街村"]),
    s("峪口镇", 5, ["峪口村", "西营村", "东樊各庄村", "大官庄村"]),
    s("马坊镇", 5, ["马坊村", "石佛寺村", "英城村", "杈子庄村"]),
    s("金海湖镇", 4, ["海子村", "上宅村", "黄草洼村", "茅山后村"]),
    s("东高村镇", 3, ["东高村", "南宅村", "赵家务村"]),
    s("山东庄镇", 3, ["山东庄村", "桃棚村", "鱼子山村"]),
    s("南独乐河镇", 2, ["南独乐河村", "北寨村", "峨嵋山村"]),
    s("大华山镇", 2, ["大华山村", "后北宫村", "西牛峪村"]),
    s("夏各庄镇", 2, ["夏各庄村", "龙家务村", "贤王庄村"]),
    s("马昌营镇", 2, ["马昌营村", "王各庄村", "前芮营村"]),
    s("王辛庄镇", 3, ["王辛庄村", "太后村", "放光村"]),
    s("大兴庄镇", 2, ["大兴庄村", "周村", "鲁各庄村"]),
    s("刘家店镇", 1, ["刘家店村", "北店村", "寅洞村"]),
    s("镇罗营镇", 1, ["镇罗营村", "上营村", "关上村"]),
    s("黄松峪乡", 1, ["黄松峪村", "梨树沟村"]),
    s("熊儿寨乡", 1, ["熊儿寨村", "老泉口村"]),
  ],
};

const HAIDIAN_STREETS: readonly SampleStreet[] = [
  s("苏家坨镇", 4, [
    "苏家坨村",
    "北安河村",
    "西小营村",
    "前沙涧村",
    "后沙涧村",
    "聂各庄村",
    "柳林村",
    "草厂村",
    "台头村",
    "三星庄村",
    "车耳营村",
    "南安河村",
    "稻香湖社区",
  ]),
  s("中关村街道", 6, ["科育社区", "黄庄社区", "中关村南路社区", "太平洋社区"]),
  s("学院路街道", 6, ["石油大院社区", "林业大学社区", "展春园社区", "二里庄社区"]),
  s("海淀街道", 5, ["稻香园社区", "海淀南路社区", "芙蓉里社区"]),
  s("清河街道", 6, ["毛纺北小区社区", "清河小营社区", "安宁里社区", "美和园社区"]),
  s("上地街道", 5, ["上地西里社区", "东馨园社区", "上地八一社区"]),
  s("西三旗街道", 5, ["育新花园社区", "永泰东里社区", "建材城社区"]),
  s("马连洼街道", 4, ["百旺家苑社区", "马连洼北路社区", "梅园社区"]),
  s("羊坊店街道", 4, ["羊坊店社区", "莲花小区社区", "乔建社区"]),
  s("四季青镇", 4, ["香山南路社区", "门头村", "常青社区"]),
  s("西北旺镇", 4, ["唐家岭新城社区", "永丰屯村", "西北旺村"]),
  s("温泉镇", 3, ["温泉村", "白家疃村", "东埠头村"]),
  s("上庄镇", 2, ["上庄村", "西辛力屯村", "李家坟村"]),
];

const HAIDIAN: SampleArea = {
  district: "海淀区",
  client: "海淀区城市管理指挥中心",
  streetLevel: false,
  departments: districtDepartments("海淀区"),
  streets: HAIDIAN_STREETS,
};

const SUJIATUO: SampleArea = {
  district: "海淀区",
  client: "海淀区苏家坨镇人民政府",
  streetLevel: true,
  departments: [
    "苏家坨镇城市管理办公室",
    "苏家坨镇平安建设办公室",
    "苏家坨镇农业农村办公室",
    "苏家坨镇社区建设办公室",
    "苏家坨镇综合行政执法队",
    "苏家坨镇民生保障办公室",
  ],
  streets: HAIDIAN_STREETS.filter((street) => street.name === "苏家坨镇"),
};

const YUETAN: SampleArea = {
  district: "西城区",
  client: "西城区月坛街道办事处",
  streetLevel: true,
  departments: [
    "月坛街道城市管理办公室",
    "月坛街道平安建设办公室",
    "月坛街道社区建设办公室",
    "月坛街道民生保障办公室",
    "月坛街道综合行政执法队",
    "月坛街道物业管理办公室",
  ],
  streets: [
    s("月坛街道", 1, [
      "南沙沟社区",
      "三里河一区社区",
      "三里河二区社区",
      "三里河三区社区",
      "月坛社区",
      "白云观社区",
      "复兴门北大街社区",
      "真武庙社区",
      "木樨地社区",
      "汽南社区",
      "西便门东里社区",
      "二七剧场路社区",
      "社会路社区",
    ]),
  ],
};

const YIZHUANG: SampleArea = {
  district: "北京经济技术开发区",
  client: "北京经济技术开发区开发建设局",
  streetLevel: false,
  departments: [
    "北京经济技术开发区开发建设局",
    "北京经济技术开发区城市运行局",
    "北京经济技术开发区商务金融局",
    "北京经济技术开发区社会事业局",
    "北京经济技术开发区综合执法局",
    "北京市公安局经济技术开发区分局",
    "北京经济技术开发区市场监督管理局",
  ],
  streets: [
    s("荣华街道", 6, ["鹿海园社区", "天宝园社区", "文化园社区", "星岛嘉园社区", "亦城景园社区"]),
    s("博兴街道", 5, ["博客雅苑社区", "泰河园社区", "金地格林社区", "亦庄星城社区"]),
    s("亦庄镇", 4, ["三羊村", "小羊坊村", "鹿圈村", "亦庄村"]),
    s("台湖镇", 3, ["台湖村", "北神树村", "次渠村"]),
    s("马驹桥镇", 3, ["马驹桥村", "西后街村", "小周易村"]),
    s("瀛海镇", 2, ["瀛海村", "南海子社区"]),
  ],
};

/** Sample areas by key: a district, or the street / town a street-level client serves. */
export const SAMPLE_AREAS = {
  平谷区: PINGGU,
  海淀区: HAIDIAN,
  海淀区苏家坨镇: SUJIATUO,
  西城区月坛街道: YUETAN,
  北京经济技术开发区: YIZHUANG,
} as const satisfies Record<string, SampleArea>;

export type SampleAreaKey = keyof typeof SAMPLE_AREAS;
export const SAMPLE_AREA_KEYS = Object.keys(SAMPLE_AREAS) as SampleAreaKey[];

/** The office that handles a street / town's own orders. */
export function streetOffice(area: SampleArea, street: string): string {
  const name = street.endsWith("街道") || street.endsWith("地区") ? `${street}办事处` : `${street}人民政府`;
  return area.district === "北京经济技术开发区" || area.streetLevel ? name : `${area.district}${name}`;
}
