export { type FontFace, fontBytes, fontPath } from "./files.js";
export { faceFor, PDF_FAMILIES, type PdfFamily } from "./roles.js";
