import type { Contract } from "../schema/contract.js";

/**
 * A short name for headings and calendar entries, from the client's name: the town or street
 * (街道 / 镇 / 乡) if there is one, else the district, followed by "12345":
 * 北京市平谷区城市管理指挥中心 → 平谷区12345, 北京市海淀区苏家坨镇人民政府 → 苏家坨镇12345.
 */
export function contractShortName(contract: Contract): string {
  const name = contract.parties.client.name.replace(/^北京市/, "").replace(/人民政府/g, "");
  const district = /^(.+?区)/.exec(name)?.[1];
  const rest = district ? name.slice(district.length) : name;
  const town = /^(.+?(?:街道|镇|乡))/.exec(rest)?.[1];
  const place = town ?? district;
  return place ? `${place}12345` : contract.projectName;
}
