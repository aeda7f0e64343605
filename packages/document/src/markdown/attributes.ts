import { RenderError } from "../errors.js";

/**
 * Parses a directive's attribute list, the part in braces of
 * `::chart{id="daily-trend" width=480 height=260}`: `key=value` pairs separated by
 * spaces, where a value is double-quoted (with `\"` and `\\` escapes) or bare.
 */
export function parseAttributes(raw: string, line: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  const fail = (why: string): never => {
    throw new RenderError("RENDER_BAD_DIRECTIVE_ATTRIBUTES", `指令参数“{${raw}}”有误：${why}`, { line });
  };
  while (i < raw.length) {
    while (raw[i] === " " || raw[i] === "\t") i++;
    if (i >= raw.length) break;
    const keyMatch = /^[A-Za-z][\w-]*/.exec(raw.slice(i));
    if (keyMatch === null) fail(`第 ${i + 1} 个字符处应为参数名`);
    const key = keyMatch![0];
    i += key.length;
    if (raw[i] !== "=") fail(`参数 ${key} 缺少“=”`);
    i++;
    let value = "";
    if (raw[i] === '"') {
      i++;
      let closed = false;
      while (i < raw.length) {
        const ch = raw[i]!;
        if (ch === "\\" && i + 1 < raw.length) {
          value += raw[i + 1];
          i += 2;
        } else if (ch === '"') {
          closed = true;
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      if (!closed) fail(`参数 ${key} 的引号未闭合`);
    } else {
      const bare = /^[^\s"]+/.exec(raw.slice(i));
      if (bare === null) fail(`参数 ${key} 缺少值`);
      value = bare![0];
      i += value.length;
    }
    if (Object.hasOwn(attrs, key)) fail(`参数 ${key} 重复`);
    attrs[key] = value;
    if (i < raw.length && raw[i] !== " " && raw[i] !== "\t") fail(`参数 ${key} 之后应为空格`);
  }
  return attrs;
}
