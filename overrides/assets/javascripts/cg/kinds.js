// @ts-check
/*
 * The field kinds' adapters, by the name a field's spec gives (its "answer",
 * from the build's hooks/credential_guides/field_kinds/). Each adapter is one
 * module of kinds/, loaded after this one, that adds itself here: it owns how
 * its answer reads as text, what a document shows of it, when it counts as
 * answered and what keeps it from complete. The answer model and the status
 * ask the adapter; nothing else switches on a kind. Pure.
 */
/* exported cgKinds */
const cgKinds = (() => {
  "use strict";

  /** @type {Record<string, KindAdapter>} */
  const adapters = {};

  /**
   * @param {string} answer
   * @param {KindAdapter} adapter
   */
  function add(answer, adapter) {
    if (adapters[answer]) throw new Error("two adapters for the answer " + answer);
    adapters[answer] = adapter;
  }

  /** @param {FieldSpec} field @returns {KindAdapter} */
  function of(field) {
    const adapter = adapters[field.answer];
    if (!adapter) throw new Error("no adapter for the answer " + field.answer + " of " + field.id);
    return adapter;
  }

  /**
   * A typed value as an answer reads: trimmed, a date box's in words.
   * @param {unknown} value
   * @param {boolean} date
   */
  function written(value, date) {
    const trimmed = typeof value === "string" ? value.trim() : "";
    return date ? cgText.dateInWords(trimmed) : trimmed;
  }

  /**
   * Whether a kept value is an answer of the field's kind, which its boxes can show: text, unless the
   * adapter says otherwise. One that is not (the template changed the field's kind, or a choice's
   * points) is kept among the answers to questions the template no longer has, not lost at the next save.
   * @param {FieldSpec} field
   * @param {unknown} value
   */
  function fits(field, value) {
    const adapter = of(field);
    return adapter.fits ? adapter.fits(field, value) : typeof value === "string";
  }

  /** The stored value of a field. @param {FieldSpec} field @param {Answers} record */
  const value = (field, record) => (record.values || {})[field.id];

  return { add, of, fits, written, value, names: () => Object.keys(adapters) };
})();
