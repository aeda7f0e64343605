export { type Fen, MAX_FEN, type ParseResult, parseYuan, fenToDecimal, formatYuan, formatYuanShort, assertFen } from "./fen.js";
export { type Ppm, PPM_100_PERCENT, parsePercent, formatPercent, applyRate, applyRateTimes, divHalfUp, shareOf } from "./rate.js";
