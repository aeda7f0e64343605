import Handlebars from "handlebars";
for (const n of [500, 2000, 5000, 20000]) {
  const src = "{{#if a}}".repeat(n) + "x" + "{{/if}}".repeat(n);
  try { const ast = Handlebars.parseWithoutProcessing(src); console.log(n, "parsed"); } catch (e) { console.log(n, "parse throws", e.constructor.name, e.message.slice(0, 60)); }
  const sub = "{{x " + "(y ".repeat(n) + "z" + ")".repeat(n) + "}}";
  try { Handlebars.parseWithoutProcessing(sub); console.log(n, "sub parsed"); } catch (e) { console.log(n, "sub throws", e.constructor.name, e.message.slice(0, 60)); }
  try { const t = Handlebars.compile(src); t({a:1}); console.log(n, "compiled+ran"); } catch (e) { console.log(n, "compile throws", e.constructor.name, e.message.slice(0, 60)); }
}
