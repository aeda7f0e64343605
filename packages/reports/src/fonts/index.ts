export { type FontFace, fontBytes } from "./files.js";
export { faceFor, PDF_FAMILIES, type PdfFamily } from "./roles.js";
