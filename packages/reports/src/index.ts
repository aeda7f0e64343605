export * from "./render/index.js";
export * from "./templates/index.js";
