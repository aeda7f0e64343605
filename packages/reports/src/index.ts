export * from "./render/index.js";
export * from "./templates/index.js";
export * from "./hotline/index.js";
export * from "./charts/index.js";
export * from "./monthly/index.js";
