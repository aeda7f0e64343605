export { requireComputable } from "./computable.js";
export { type LoadedContract, loadContract, parseContract } from "./load-contract.js";
export { formatPath, type ModelPath, type Position } from "./locate.js";
