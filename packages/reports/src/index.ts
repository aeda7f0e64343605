export * from "./render/index.js";
export * from "./templates/index.js";
export * from "./hotline/index.js";
