/** Beijing time is UTC+8, without daylight saving time since 1991. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The civil date in Beijing at an instant: what "today" means for these contracts, whatever the
 * process time zone. Worked out from the fixed offset rather than with Intl's time zones, whose
 * data takes some 20 ms to load on first use, at the start of every command.
 */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
