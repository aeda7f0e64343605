/**
 * The Chinese names of the schema's enum values. An enum is declared with its names
 * (`namedEnum`), which go into the JSON Schema as `enumDescriptions` (editors show them while
 * completing); a discriminated union's values are named by each literal's description. Every
 * message that mentions such a value names it with `nameValue`, so no message shows a bare id.
 */
import { z } from "zod";
import { choicesOf, type SchemaNode } from "./introspect.js";

/** A z.enum whose values each carry their Chinese name. */
export function namedEnum<const T extends readonly [string, ...string[]]>(values: T, names: { readonly [K in T[number]]: string }) {
  return z.enum(values).meta({ enumDescriptions: values.map((v: T[number]) => names[v]) });
}

/** The Chinese name of a value of an enum or discriminated union (合同签订 for "signed"), or the value itself when the schema names none. */
export function valueName(schema: SchemaNode, value: string): string {
  return choicesOf(schema).find((c) => c.value === value)?.name ?? value;
}

/**
 * A value as a message names it: its Chinese name with the id in brackets, “合同签订（signed）”,
 * so a reader knows both what it means and what to write; a value without a Chinese name (one
 * that is Chinese itself) as it is.
 */
export function nameValue(schema: SchemaNode, value: string): string {
  const name = valueName(schema, value);
  return name === value ? value : `${name}（${value}）`;
}
