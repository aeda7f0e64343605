export { checkEvents, type EventProblem } from "./check.js";
export { ledgerWarnings } from "./consistency.js";
export { EventsLoadError, type EventsOptions, type LoadedEvents, loadEvents, parseEvents } from "./load.js";
export { EVENT_NAMES } from "./names.js";
export { EVENT_FIELDS, type EventName, type EventOf, EventsDocument, InstallmentKey, LedgerEvent, PeriodKey } from "./schema.js";
