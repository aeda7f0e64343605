export { type LoadedContract, loadContract, parseContract } from "./load-contract.js";
export { requireComputable } from "./computable.js";
export { formatPath, type ModelPath, type Position } from "./locate.js";
