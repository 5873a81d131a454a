// @ts-check
/*
 * A template form's boxes and a record's answers, each way: the answers the
 * boxes hold, and boxes filled from answers. Text boxes, dates and lists hold
 * text; a choice its option; a checklist its ticked options; a self-check
 * point (a box named "check:" and its id) whether it is ticked; a table the
 * rows in use, its cells named "field.row.column".
 */
/* exported cgBoxes */
const cgBoxes = (() => {
  "use strict";

  /**
   * @param {Box[]} boxes
   * @param {HTMLElement[]} tables
   * @returns {Answers}
   */
  function collect(boxes, tables) {
    /** @type {Record<string, any>} */
    const values = {};
    /** @type {Record<string, boolean>} */
    const checks = {};
    /** @type {Record<string, number>} */
    const rows = {};
    boxes.forEach((box) => {
      const input = /** @type {HTMLInputElement} */ (box);
      if (box.name.indexOf(cgRecords.CHECK_PREFIX) === 0) {
        checks[box.name.slice(cgRecords.CHECK_PREFIX.length)] = input.checked;
      } else if (box.type === "checkbox") {
        values[box.name] = values[box.name] || [];
        if (input.checked) values[box.name].push(box.value);
      } else if (box.type === "radio") {
        if (!(box.name in values)) values[box.name] = "";
        if (input.checked) values[box.name] = box.value;
      } else if (!box.closest("tr[hidden]")) {
        values[box.name] = box.value;
      }
    });
    tables.forEach((table) => { rows[String(table.dataset.field)] = cgTableRows.visible(table); });
    return { values, checks, rows };
  }

  /** @param {Box} box @param {Set<string>} keep */
  function inKeptTable(box, keep) {
    const table = /** @type {HTMLElement | null} */ (box.closest(".cg-table-field"));
    return table !== null && keep.has(cgRecords.ROWS_PREFIX + table.dataset.field);
  }

  /**
   * Fills the boxes from answers; boxes and tables named in `keep` stay as they are. A box is only
   * written when its answer differs, so that the caret of the box being typed in stays put.
   * @param {Box[]} boxes
   * @param {HTMLElement[]} tables
   * @param {Partial<AnswerRecord>} answers
   * @param {Set<string>} keep
   */
  function apply(boxes, tables, answers, keep) {
    const rows = answers.rows || {};
    tables.forEach((table) => {
      if (keep.has(cgRecords.ROWS_PREFIX + table.dataset.field)) return;
      const wanted = rows[String(table.dataset.field)];
      const count = typeof wanted === "number" ? wanted : Number(table.dataset.minRows) || 1;
      if (count !== cgTableRows.visible(table)) cgTableRows.show(table, count);
    });
    const values = answers.values || {};
    const checks = answers.checks || {};
    boxes.forEach((box) => {
      if (keep.has(box.name) || inKeptTable(box, keep)) return;
      const input = /** @type {HTMLInputElement} */ (box);
      if (box.name.indexOf(cgRecords.CHECK_PREFIX) === 0) {
        input.checked = checks[box.name.slice(cgRecords.CHECK_PREFIX.length)] === true;
      } else if (box.type === "checkbox") {
        input.checked = Array.isArray(values[box.name]) && values[box.name].indexOf(box.value) !== -1;
      } else if (box.type === "radio") {
        input.checked = values[box.name] === box.value;
      } else {
        const value = typeof values[box.name] === "string" ? values[box.name] : "";
        if (box.value !== value) box.value = value;
      }
    });
  }

  return { collect, apply };
})();
