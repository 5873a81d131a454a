// @ts-check
/*
 * The answer model: a template's description (its spec, written by the build
 * into the page) and a record of answers, turned into the parts of a
 * submission — each question numbered in the template's order, then its answer.
 * The template page, the summary page, the plain text and every document are
 * written from these parts, and from nothing else. Pure.
 */
/* exported cgAnswers */
const cgAnswers = (() => {
  "use strict";

  /**
   * @param {unknown} value
   * @param {boolean} date
   */
  function cellText(value, date) {
    const trimmed = typeof value === "string" ? value.trim() : "";
    return date ? cgText.dateInWords(trimmed) : trimmed;
  }

  /**
   * The rows of a table field that hold anything, each as its cells' texts.
   * @param {FieldSpec} field
   * @param {Answers} record
   * @returns {{ number: number, cells: string[] }[]}
   */
  function tableRows(field, record) {
    const values = record.values || {};
    const used = (record.rows || {})[field.id];
    const most = typeof field.maxRows === "number" ? field.maxRows : cgRecords.LIMITS.rows;
    const count = Math.min(typeof used === "number" ? used : field.minRows || 0, most);
    const rows = [];
    for (let row = 0; row < count; row++) {
      const cells = (field.columns || []).map((column) =>
        cellText(values[field.id + "." + row + "." + column.id], column.date));
      if (cells.some(Boolean)) rows.push({ number: row + 1, cells });
    }
    return rows;
  }

  /**
   * The files of a files field, numbered in the teacher's order, dates in words.
   * @param {FieldSpec} field
   * @param {Answers} record
   * @returns {PartFile[]}
   */
  function partFiles(field, record) {
    return cgFiles.live((record.values || {})[field.id]).map((item, index) => ({
      id: item.id,
      number: index + 1,
      kind: item.kind || "photo",
      name: String(item.name || ""),
      date: cellText(item.date, true),
      description: cellText(item.description, false),
      pages: item.pages,
    }));
  }

  /**
   * One field's answer as text; a table's as one line per row that holds anything, files one line each.
   * @param {FieldSpec} field
   * @param {Answers} record
   */
  function answerText(field, record) {
    const value = (record.values || {})[field.id];
    if (field.answer === "many") {
      return (Array.isArray(value) ? value : []).map((item) => "- " + item).join("\n");
    }
    if (field.answer === "files") return partFiles(field, record).map(cgWords.fileCaption).join("\n");
    if (field.answer === "rows") {
      const columns = field.columns || [];
      return tableRows(field, record).map((row) => cgWords.rowHeader + " " + row.number + ": " + row.cells
        .map((cell, index) => (cell ? columns[index].label + ": " + cell : ""))
        .filter(Boolean).join("; ")).join("\n");
    }
    return cellText(value, field.date);
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
      const answer = answerText(field, answers);
      if (answer) answered += 1;
      /** @type {Part} */
      const part = { question: number + ". " + field.label, answer };
      if (field.answer === "rows") {
        part.table = { columns: (field.columns || []).map((column) => column.label), rows: tableRows(field, answers) };
      } else if (field.answer === "files") {
        part.files = partFiles(field, answers);
      } else if (field.answer === "many") {
        const value = answers.values[field.id];
        part.items = Array.isArray(value) ? value.map(String) : [];
      }
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

  return { submission, asText, answerText, tableRows, partFiles };
})();
