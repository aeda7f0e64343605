export { requireComputable } from "./computable.js";
export { closest, editDistance } from "./closest.js";
export { type LoadedContract, type LoadOptions, loadContract, parseContract } from "./load-contract.js";
export { formatPath, type ModelPath, type Position } from "./locate.js";
export { choiceList, fieldNeeds } from "./messages.js";
export {
  findPlaceholders,
  isPlaceholder,
  isPlaceholderCode,
  type Placeholder,
  type PlaceholderCode,
  placeholder,
  placeholderMessage,
  placeholderSummary,
  readPlaceholder,
} from "./placeholders.js";
