export { EVENT_FIELDS, EventsDocument, type EventName, type EventOf, InstallmentKey, LedgerEvent, PeriodKey } from "./schema.js";
export { EVENT_NAMES } from "./names.js";
export { EventsLoadError, type EventsOptions, type LoadedEvents, loadEvents, parseEvents } from "./load.js";
export { checkEvents, type EventProblem } from "./check.js";
