// @ts-check
/*
 * Whether a template's answers are complete, and if not, why: one rule for the
 * summary page, the catalog's progress and the warnings before a hand-in. Pure.
 */
/* exported cgStatus */
const cgStatus = (() => {
  "use strict";

  /**
   * @param {FieldSpec} field
   * @param {Answers} record
   */
  function isAnswered(field, record) {
    if (field.answer === "rows") {
      return cgAnswers.tableRows(field, record).length >= Math.max(1, field.minRows || 0);
    }
    if (field.answer === "files") return cgFiles.live((record.values || {})[field.id]).length > 0;
    return cgAnswers.answerText(field, record) !== "";
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
      if (field.files) {
        const files = cgFiles.review(field.files, answers.values[field.id]);
        const range = /** @type {[number, number]} */ ([field.files.min, field.files.max]);
        if (files.count < field.files.min || files.count > field.files.max) {
          missing.push({ field: field.id, label: field.label, problem: "few-files", files: files.count, range });
        }
        if (files.undescribed.length) {
          const each = [field.files.date ? "date" : "", field.files.description ? "description" : ""].filter(Boolean).join(" and ");
          missing.push({ field: field.id, label: field.label, problem: "undescribed", numbers: files.undescribed, each });
        }
        return;
      }
      if (!field.counted) return;
      const count = cgText.countWords(answers.values[field.id]);
      total += count;
      const state = field.words && cgText.rangeState(count, field.words[0], field.words[1]);
      if (state && state !== "in-range") {
        missing.push({ field: field.id, label: field.label, problem: state, words: count, range: field.words });
      }
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
