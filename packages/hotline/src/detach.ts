/**
 * A copy of `text` that shares no memory with the string it was cut from. Substrings
 * of a read buffer keep the whole buffer alive; anything the accumulator keeps (map
 * keys, listed orders) is detached first so memory stays O(groups).
 */
export function detach(text: string): string {
  // V8 shares memory for substrings of 13 characters or more.
  return text.length < 13 ? text : Buffer.from(text, "utf16le").toString("utf16le");
}
