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

  const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
  /* Telephone numbers as people write them, not any run of digits: dates, ranges, scores, years and totals
     ("12-15-2026", "2025-2026", "78 82 91 88", "555 1234 in a total") are not numbers anyone dials. */
  const PHONES = [
    // International, with its country code: +44 20 7946 0958, +1 (202) 555-0148, +52 55 1234 5678.
    /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)/,
    // North American: (202) 555-0148, 202-555-0148, 202.555.0148, 202 555 0148, 1-202-555-0148.
    /(?<![\w+./-])(?:1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}([\s.-]))\d{3}(?:\1|-)\d{4}(?![\w/-]|[.-]\d)/,
    // The same without separators, where only a real area code and exchange tell it from other numbers: 2025550148.
    /(?<![\w+./-])1?[2-9]\d{2}[2-9]\d{6}(?![\w/-]|[.-]\d)/,
    // A local number with its dash: 555-0148.
    /(?<![\w./-])[2-9]\d{2}-\d{4}(?![\w/-]|[.-]\d)/,
    // Trunk prefix 0, as in most of Europe: 020 7946 0958, 07700 900123, 01 23 45 67 89, 030 12345678.
    /(?<![\w./-])0\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?![\w/-]|[.-]\d)/,
  ];

  /** @param {string} text */
  function digitCount(text) {
    return (text.match(/\d/g) || []).length;
  }

  /**
   * Whether a text holds what identifies a person to write to or call: an email address or a telephone number.
   * @param {string} text
   */
  function hasContactDetails(text) {
    if (EMAIL.test(text)) return true;
    return PHONES.some((pattern) => {
      const found = pattern.exec(text);
      if (!found) return false;
      const digits = digitCount(found[0]);
      return digits >= 7 && digits <= 15;
    });
  }

  /* An address as a teacher pastes it into an answer, up to the first space; what a sentence puts after it
     (a full stop, a comma, a closing bracket or quote) is not part of it. */
  const ADDRESS = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
  const TRAILING = /[.,;:!?'"\u2019\u201d]+$/;

  /**
   * The address itself if it is one a reader may follow from a document (https, http or mailto, as on the
   * site), else null.
   * @param {string} text
   */
  function safeAddress(text) {
    let url;
    try {
      url = new URL(text);
    } catch (_) {
      return null;
    }
    if (url.protocol === "mailto:") return url.pathname ? text : null;
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname ? text : null;
  }

  /**
   * A text as runs of plain text and of addresses to link; the runs joined are the text.
   * @param {string} text
   * @returns {{ text: string, url: string | null }[]}
   */
  function linkParts(text) {
    /** @type {{ text: string, url: string | null }[]} */
    const parts = [];
    let at = 0;
    for (const found of String(text).matchAll(ADDRESS)) {
      let address = found[0].replace(TRAILING, "");
      /* A closing bracket belongs to the address only when the address opened one: (see https://x.org/a_(b)). */
      while (address.endsWith(")") && (address.match(/\(/g) || []).length < (address.match(/\)/g) || []).length) {
        address = address.slice(0, -1);
      }
      const start = /** @type {number} */ (found.index);
      const url = safeAddress(address);
      if (!url) continue;
      if (start > at) parts.push({ text: text.slice(at, start), url: null });
      parts.push({ text: address, url });
      at = start + address.length;
    }
    if (at < text.length || !parts.length) parts.push({ text: text.slice(at), url: null });
    return parts;
  }

  /**
   * An address in pieces a line may end after: after each / ? & = # and before each . of its path, and
   * within a run of more than `longest` characters (a shared folder's id), so that a long address wraps
   * at sensible points instead of running off the page or breaking anywhere. The pieces joined are the address.
   * @param {string} address
   * @param {number} [longest]
   */
  function addressPieces(address, longest = 24) {
    const pieces = address.match(/[^/?&=#]*[/?&=#]+|[^/?&=#]+$/g) || [address];
    return pieces.flatMap((piece) => {
      const out = [];
      for (let at = 0; at < piece.length; at += longest) out.push(piece.slice(at, at + longest));
      return out;
    });
  }

  return { countWords, rangeState, dateInWords, isoDay, clean, hasContactDetails, linkParts, addressPieces };
})();
