export { type LoadedContract, parseContract, loadContract } from "./load-contract.js";
export { formatPath, type ModelPath, type Position } from "./locate.js";
