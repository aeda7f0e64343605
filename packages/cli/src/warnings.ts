import { formatIssue, type Issue } from "@qiyue/contract-model/errors";

/** A warning about a user's file, the way compilers print one: `file:line:column: path: 警告：message [CODE]`. */
export function formatWarning(issue: Issue): string {
  return formatIssue({ ...issue, message: `警告：${issue.message}` });
}
