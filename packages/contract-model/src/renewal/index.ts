export { STATUTORY_RENEWAL_POLICY } from "./policy.js";
