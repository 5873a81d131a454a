// @ts-check
/*
 * Text helpers shared by every part of the templates' code: word counts and
 * their published ranges, dates as printed, whitespace. Pure: no page, no storage.
 */
/* exported cgText */
const cgText = (() => {
  "use strict";

  /** @param {string} text */
  function countWords(text) {
    const trimmed = String(text || "").trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  /**
   * @param {number} count
   * @param {number} min
   * @param {number} max
   * @returns {"under" | "in-range" | "over"}
   */
  function rangeState(count, min, max) {
    if (count < min) return "under";
    if (count > max) return "over";
    return "in-range";
  }

  /**
   * "2026-03-14" as "March 14, 2026": a printed date no reader can take for another.
   * @param {string} value
   */
  function dateInWords(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return value;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  /** @param {Date} date */
  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  /** Runs of white space as one space, trimmed. @param {unknown} text */
  function clean(text) {
    return String(text).replace(/\s+/g, " ").trim();
  }

  return { countWords, rangeState, dateInWords, isoDay, clean };
})();
