// Renders the payment request (付款申请, template `invoice-request`) for installment 1 of a
// contract to PDF and DOCX in memory with @qiyue/reports, then writes both files.
//
//   node render-bytes.mjs CONTRACT.yaml OUTDIR
//
// Exit codes: 0 done, 2 a mistake in what was given (arguments, the contract, the environment),
// 70 anything else (a bug: please report it).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderDocumentBytes } from "@qiyue/reports";

/** A mistake of the caller's, reported like the errors qiyue throws: a message and a `code`. */
function usageError(message) {
  return Object.assign(new Error(message), { code: "USAGE" });
}

async function main(args) {
  // 1. Read the command line: the contract file and the folder to write into.
  if (args.length !== 2) throw usageError("usage: node render-bytes.mjs CONTRACT.yaml OUTDIR");
  const [contractFile, outDir] = args;

  // 2. The date written into the documents' metadata comes from SOURCE_DATE_EPOCH (whole seconds
  //    since 1970), so the same input gives the same bytes; nothing reads the clock. 0 when unset.
  const epochText = process.env.SOURCE_DATE_EPOCH?.trim() || "0";
  if (!/^\d+$/.test(epochText)) throw usageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epochText}"`);

  // 3. Render in memory. `contract` may be a YAML path (read and validated here) or a contract
  //    already loaded; `template` is a built-in template's name. Nothing is written to disk.
  const { fileName, pdf, docx } = await renderDocumentBytes({
    template: "invoice-request",
    contract: contractFile,
    inputs: { installment: 1 },
    formats: ["pdf", "docx"],
    sourceDateEpoch: Number(epochText),
  });

  // 4. Write the bytes. `fileName` comes from the template's manifest (no extension); create the
  //    folder first, like `mkdir -p`.
  await mkdir(outDir, { recursive: true });
  for (const [extension, bytes] of [["pdf", pdf], ["docx", docx]]) {
    const path = join(outDir, `${fileName}.${extension}`);
    await writeFile(path, bytes);
    console.log(`${path}  ${bytes.byteLength} bytes`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // 5. Errors qiyue throws for a user's mistake (a missing or invalid contract, a bad input) carry a
  //    string `code`, and often `issues` with file, line and column: print them without a stack
  //    trace and exit 2. Node's own file-system errors (e.g. EACCES on OUTDIR) have a string
  //    `code` too and are reported the same way. Anything else is a bug: exit 70 (EX_SOFTWARE).
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error?.code === "string") {
    console.error(message);
    for (const issue of error.issues ?? []) {
      const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(":");
      console.error(`  ${where ? `${where}: ` : ""}${issue.message} [${issue.code}]`);
    }
    process.exitCode = 2;
  } else {
    console.error(`internal error: ${message}`);
    process.exitCode = 70;
  }
}
