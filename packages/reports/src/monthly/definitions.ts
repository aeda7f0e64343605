import type { HotlineMetricsResult } from "@qiyue/hotline";

/** How the rates' denominator is chosen, in words. */
export function basisWords(basis: HotlineMetricsResult["scheme"]["basis"]): string {
  return basis === "counted-orders" ? "纳入考核的工单" : "纳入考核且有效回访的工单";
}

export function unratedWords(rule: HotlineMetricsResult["scheme"]["unratedSatisfaction"]): string {
  return rule === "exclude" ? "未评价满意度的工单不计入满意率分母" : "未评价满意度的工单计入满意率分母、计 0 分";
}

/** 综合成绩 = 响应率×0.1 + 解决率×0.5 + 满意率×0.4 */
export function compositeFormula(scheme: HotlineMetricsResult["scheme"]): string {
  const w = scheme.weights;
  return `综合成绩 = 响应率×${w.response} + 解决率×${w.resolution} + 满意率×${w.satisfaction}（满分 100）`;
}

/** The data definitions printed in the appendix, for the configuration the figures were computed with. */
export function dataDefinitions(scheme: HotlineMetricsResult["scheme"]): { term: string; text: string }[] {
  const base = basisWords(scheme.basis);
  const s = scheme.satisfactionWeights;
  return [
    { term: "统计期", text: "按工单的受理时间归入月份；受理时间不在统计月份内的工单计入总量，但不计入每日趋势" },
    { term: "工单总量", text: "所给导出文件中的全部工单，按工单编号去重；含不纳入考核的工单" },
    { term: "纳入考核 / 不纳入考核", text: "按导出文件“是否纳入考核”一列；不纳入考核的工单不参与三率和综合成绩，在附录中列出" },
    { term: "三率分母", text: `${base}（下称“回访基数”）` },
    { term: "响应率", text: "回访基数中已联系（响应）的工单数 ÷ 回访基数" },
    { term: "解决率", text: "回访基数中已解决的工单数 ÷ 回访基数" },
    {
      term: "满意率",
      text: `（“满意”×${s.满意} + “基本满意”×${s.基本满意} + “不满意”×${s.不满意}）÷ 回访基数；${unratedWords(scheme.unratedSatisfaction)}`,
    },
    { term: "综合成绩", text: `${compositeFormula(scheme)}；任一率的分母为 0 时不计算` },
    { term: "环比 / 同比", text: "与上月、去年同月相比；上月和去年同月的工单量取自所给往期导出文件中受理时间在该月的工单" },
    { term: "百分比", text: `保留 ${scheme.decimals} 位小数，四舍五入；分子、分母均为整数计数，计算不经浮点数` },
    { term: "承办单位排名", text: "按综合成绩从高到低；成绩相同者名次相同；当月无回访基数的单位不参与排名" },
    { term: "服务标准", text: "按合同约定的服务标准逐项以工单数据计量；未达标的每项每月计一次，按合同违约条款测算违约金" },
  ];
}
