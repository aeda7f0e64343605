export { main, reportError, VERSION } from "./main.js";
export { type Io, memoryIo, processIo } from "./io.js";
export { ExitCode, ExitError } from "./exit.js";
