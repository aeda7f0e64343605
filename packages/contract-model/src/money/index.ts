export { assertFen, type Fen, fenToDecimal, formatYuan, formatYuanShort, MAX_FEN, type ParseResult, parseYuan } from "./fen.js";
export { applyRate, applyRateTimes, divHalfUp, formatPercent, PPM_100_PERCENT, type Ppm, parsePercent, shareOf } from "./rate.js";
