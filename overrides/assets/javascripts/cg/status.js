// @ts-check
/*
 * Whether a template's answers are complete, and if not, why: one rule for the
 * summary page, the catalog's progress and the warnings before a hand-in. Pure.
 */
/* exported cgStatus */
const cgStatus = (() => {
  "use strict";

  /**
   * Whether a field holds an answer: as its kind's adapter says, or else when its text is not empty.
   * @param {FieldSpec} field
   * @param {Answers} record
   */
  function isAnswered(field, record) {
    const adapter = cgKinds.of(field);
    return adapter.answered ? adapter.answered(field, record) : adapter.text(field, record) !== "";
  }

  /**
   * A template's state, its ticked points and what keeps it from "complete".
   * @param {TemplateSpec} spec
   * @param {Answers | null} record
   * @returns {{ state: "not-started" | "started" | "complete", checked: number, missing: Missing[] }}
   */
  function review(spec, record) {
    const checked = cgRecords.ticked(record);
    /** @type {Missing[]} */
    const missing = [];
    /** @type {Answers} */
    const answers = record || { values: {}, rows: {}, checks: {} };
    let total = 0;
    spec.fields.forEach((field) => {
      if ("heading" in field) return;
      if (!isAnswered(field, answers)) {
        if (field.optional) return;
        missing.push({ field: field.id, label: field.label, problem: "unanswered", rows: field.minRows || 0 });
        return;
      }
      const adapter = cgKinds.of(field);
      if (adapter.problems) missing.push(...adapter.problems(field, answers));
      if (adapter.words) total += adapter.words(field, answers);
    });
    const state = spec.words && cgText.rangeState(total, spec.words[0], spec.words[1]);
    if (state && state !== "in-range" && missing.length === 0) {
      missing.push({ field: null, label: null, problem: state, words: total, range: spec.words });
    }
    if (!cgRecords.isStarted(record)) return { state: "not-started", checked, missing };
    return { state: missing.length ? "started" : "complete", checked, missing };
  }

  return { review, isAnswered };
})();
