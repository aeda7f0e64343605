export { type ContractDeadlines, contractDeadlines, type Deadline, type DeadlineKind, type PendingDeadline } from "./deadlines.js";
