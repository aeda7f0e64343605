export { ExitCode, ExitError } from "./exit.js";
export { type Io, memoryIo, processIo } from "./io.js";
export { main, reportError, VERSION } from "./main.js";
