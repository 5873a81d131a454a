// @ts-check
/*
 * The answer model: a template's description (its spec, written by the build
 * into the page) and a record of answers, turned into the parts of a
 * submission — each question numbered in the template's order, then its answer.
 * The template page, the summary page, the plain text and every document are
 * written from these parts, and from nothing else; each field's answer is
 * read by its kind's adapter (kinds.js). Pure.
 */
/* exported cgAnswers */
const cgAnswers = (() => {
  "use strict";

  /**
   * One field's answer as text, as its kind's adapter writes it ("" when there is none).
   * @param {FieldSpec} field
   * @param {Answers} record
   */
  function answerText(field, record) {
    return cgKinds.of(field).text(field, record);
  }

  /**
   * The template as its submission.
   * @param {TemplateSpec} spec
   * @param {Answers | null} record
   * @returns {Work}
   */
  function submission(spec, record) {
    /** @type {Answers} */
    const answers = record || { values: {}, rows: {}, checks: {} };
    /** @type {Part[]} */
    const parts = [];
    let number = 0;
    let answered = 0;
    spec.fields.forEach((field) => {
      if ("heading" in field) {
        parts.push({ heading: field.heading });
        return;
      }
      number += 1;
      const adapter = cgKinds.of(field);
      const answer = adapter.text(field, answers);
      if (answer) answered += 1;
      /** @type {Part} */
      const part = { question: number + ". " + field.label, answer, ...(adapter.part ? adapter.part(field, answers) : {}) };
      parts.push(part);
    });
    return { title: spec.title, credential: spec.credentialTitle, parts, answered, questions: number };
  }

  /**
   * The submission as numbered plain text, for an issuer's text boxes.
   * @param {Work} work
   */
  function asText(work) {
    const lines = [work.title];
    work.parts.forEach((part) => {
      if (part.heading) lines.push("", part.heading);
      else lines.push("", part.question || "", part.answer || cgWords.noAnswer);
    });
    return lines.join("\n") + "\n";
  }

  return { submission, asText, answerText };
})();
