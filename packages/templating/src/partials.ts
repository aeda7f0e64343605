/**
 * Partials that call themselves, directly or through others (`_a` → `_b` → `_a`), render
 * forever: the engine refuses them when it compiles a template, so `templates check` finds
 * them too, before anything is rendered.
 */
import { TemplateError } from "./errors.js";

type Statement = hbs.AST.Statement & { program?: hbs.AST.Program; inverse?: hbs.AST.Program };

/** Each `{{> name}}` of a program, blocks included, in the order written. */
export function partialCalls(program: hbs.AST.Program): hbs.AST.PartialStatement[] {
  const out: hbs.AST.PartialStatement[] = [];
  const stack: hbs.AST.Program[] = [program];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const statement of current.body as Statement[]) {
      if (statement.type === "PartialStatement") out.push(statement as hbs.AST.PartialStatement);
      if (statement.program) stack.push(statement.program);
      if (statement.inverse) stack.push(statement.inverse);
    }
  }
  return out.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
}

interface Called {
  file: string;
  calls: hbs.AST.PartialStatement[];
}

const nameOf = (call: hbs.AST.PartialStatement) => (call.name as hbs.AST.PathExpression).original;

/**
 * Fails at the `{{> …}}` that closes the first cycle found, walking from the main template
 * and then from each partial (a cycle among partials the template never calls is still one).
 * `partials` maps a partial's name to its file and calls; `main` is the template itself.
 */
export function checkPartialCycles(main: Called, partials: ReadonlyMap<string, Called>): void {
  const done = new Set<string>();
  const visit = (name: string | undefined, source: Called, path: string[]): void => {
    if (name !== undefined) {
      if (done.has(name)) return;
      path = [...path, name];
    }
    for (const call of source.calls) {
      const next = nameOf(call);
      const target = partials.get(next);
      if (target === undefined) continue; // the rewrite reports unknown partials
      if (path.includes(next)) {
        const cycle = [...path.slice(path.indexOf(next)), next].join(" → ");
        throw new TemplateError("TEMPLATE_PARTIAL_RECURSION", `子模板循环引用：${cycle}（子模板不能直接或间接引用自己）`, {
          file: source.file,
          line: call.loc.start.line,
          column: call.loc.start.column + 1,
        });
      }
      visit(next, target, path);
    }
    if (name !== undefined) done.add(name);
  };
  visit(undefined, main, []);
  for (const [name, source] of partials) visit(name, source, []);
}
