import { writeFilesAtomically } from "@qiyue/reports/write";

/** Writes a file whole or not at all: to a temporary file beside it, then renamed into place (see writeFilesAtomically). */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await writeFilesAtomically([{ path, bytes: text }]);
}
