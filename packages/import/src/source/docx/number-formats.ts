/**
 * Word's number formats (w:numFmt) as the text Word prints for a list item's number:
 * `chineseCounting` 11 → 十一, `decimalEnclosedCircle` 3 → ③, `upperLetter` 28 → AB.
 * Returns undefined for a format this module does not know.
 */
export function formatListNumber(n: number, format: string): string | undefined {
  switch (format) {
    case "decimal":
    case "decimalHalfWidth":
      return String(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographDigital":
      return format === "ideographDigital" ? String(n).replace(/\d/g, (d) => "〇一二三四五六七八九"[Number(d)] ?? d) : chineseCounting(n);
    case "chineseLegalSimplified":
      return chineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾", "佰", "仟");
    case "ideographTraditional":
      return cycle(n, "甲乙丙丁戊己庚辛壬癸");
    case "ideographZodiac":
      return cycle(n, "子丑寅卯辰巳午未申酉戌亥");
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "none":
    case "bullet":
      return "";
    default:
      return undefined;
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [value, mark] of table) {
    while (rest >= value) {
      out += mark;
      rest -= value;
    }
  }
  return out;
}

/** Word's letters: A … Z, then AA … ZZ, then AAA (the letter repeated, not base 26). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function cycle(n: number, signs: string): string {
  if (n <= 0) return String(n);
  return signs[(n - 1) % signs.length] ?? String(n);
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCharCode(first + n - 1) : String(n);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十. */
function chineseCounting(n: number, digits = "零一二三四五六七八九", ten = "十", hundred = "百", thousand = "千"): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = [thousand, hundred, ten, ""];
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = "";
  let zero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      if (out !== "") zero = true;
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += `${digits[d]}${units[i]}`;
  });
  // 十一, not 一十一, when ten is the highest place (the Chinese way of counting).
  return n >= 10 && n < 20 && digits[1] === "一" ? out.slice(1) : out;
}
