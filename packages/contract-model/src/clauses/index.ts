export { formatClause, tryFormatClause } from "./format.js";
