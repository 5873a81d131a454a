// @ts-check
/*
 * A text answer: a short or a long one (its words counted toward the ranges
 * the guide publishes) or a date (written in words). Pure.
 */
(() => {
  "use strict";

  /** @param {FieldSpec} field @param {Answers} record */
  const words = (field, record) => (field.counted ? cgText.countWords(cgKinds.value(field, record)) : 0);

  cgKinds.add("text", {
    text: (field, record) => cgKinds.written(cgKinds.value(field, record), field.date),
    words,
    problems(field, record) {
      const count = words(field, record);
      const state = field.counted && field.words && cgText.rangeState(count, field.words[0], field.words[1]);
      if (!state || state === "in-range") return [];
      return [{ field: field.id, label: field.label, problem: state, words: count, range: field.words }];
    },
  });
})();
