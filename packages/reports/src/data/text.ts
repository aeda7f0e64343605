/** A value as printed, or undefined when the contract leaves it blank or prints “/”. */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" || /^[/／\\]+$/.test(trimmed) ? undefined : value;
}

/** A plain, JSON-shaped copy: no prototypes, no undefined values, nothing a template could call. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Drops keys whose value is undefined, so that templates test them with {{#if}}. */
export function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
