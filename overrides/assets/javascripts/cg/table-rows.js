// @ts-check
/*
 * A table field's rows on the page: how many are in use, within the published
 * bounds (data-min-rows, data-max-rows), adding and removing them.
 * Every row up to the maximum is in the page; rows not in use are hidden.
 */
/* exported cgTableRows */
const cgTableRows = (() => {
  "use strict";

  const BOXES = "input, textarea, select";

  /** @param {HTMLElement} table */
  function rows(table) {
    return /** @type {HTMLTableRowElement[]} */ (Array.from(table.querySelectorAll("tbody tr")));
  }

  /** @param {HTMLElement} table */
  function visible(table) {
    return rows(table).filter((row) => !row.hidden).length;
  }

  /** @param {HTMLElement} table */
  function bounds(table) {
    return { min: Number(table.dataset.minRows), max: Number(table.dataset.maxRows) };
  }

  /** @param {HTMLElement} row */
  function boxes(row) {
    return /** @type {(HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]} */ (
      Array.from(row.querySelectorAll(BOXES)));
  }

  /** @param {HTMLElement} table */
  function updateControls(table) {
    const count = visible(table);
    const { min, max } = bounds(table);
    const add = /** @type {HTMLButtonElement | null} */ (table.querySelector(".cg-add-row"));
    if (add) add.disabled = count >= max;
    table.querySelectorAll(".cg-remove-row").forEach((button) => {
      /** @type {HTMLButtonElement} */ (button).disabled = count <= min;
    });
    const state = table.querySelector(".cg-row-count");
    if (state) state.textContent = cgWords.rowCount(count, min, max);
  }

  /**
   * Shows the first `count` rows (within the bounds); a row hidden loses its answers.
   * @param {HTMLElement} table
   * @param {number} count
   */
  function show(table, count) {
    const { min, max } = bounds(table);
    const wanted = Math.max(min, Math.min(max, count));
    rows(table).forEach((row, index) => {
      const keep = index < wanted;
      if (!keep && !row.hidden) boxes(row).forEach((box) => { box.value = ""; });
      row.hidden = !keep;
    });
    updateControls(table);
  }

  /**
   * Adds a row and puts the focus in its first box.
   * @param {HTMLElement} table
   */
  function add(table) {
    const count = visible(table);
    if (count >= bounds(table).max) return;
    show(table, count + 1);
    const first = boxes(rows(table)[count])[0];
    if (first) first.focus();
  }

  /**
   * Removes a row: the rows below move up by one, and the focus stays near where it was.
   * @param {HTMLElement} table
   * @param {HTMLElement} row
   * @returns {boolean} whether a row was removed
   */
  function remove(table, row) {
    const all = rows(table);
    const count = visible(table);
    const index = all.indexOf(/** @type {HTMLTableRowElement} */ (row));
    if (count <= bounds(table).min || index < 0) return false;
    for (let i = index; i < count - 1; i++) {
      const from = boxes(all[i + 1]);
      boxes(all[i]).forEach((box, j) => { box.value = from[j].value; });
    }
    show(table, count - 1);
    const near = all[Math.min(index, count - 2)];
    const target = near && /** @type {HTMLElement | null} */ (near.querySelector(".cg-remove-row:not([disabled])"));
    const next = target || /** @type {HTMLElement | null} */ (table.querySelector(".cg-add-row"));
    if (next) next.focus();
    return true;
  }

  /**
   * What the table holds: how many rows are shown, and every box's value.
   * @param {HTMLElement} table
   * @returns {{ count: number, values: string[][] }}
   */
  function snapshot(table) {
    return { count: visible(table), values: rows(table).map((row) => boxes(row).map((box) => box.value)) };
  }

  /**
   * Puts back what `snapshot` took, and the focus in the first box of row `number`.
   * @param {HTMLElement} table
   * @param {{ count: number, values: string[][] }} taken
   * @param {number} number
   */
  function restore(table, taken, number) {
    rows(table).forEach((row, index) => {
      boxes(row).forEach((box, column) => { box.value = (taken.values[index] || [])[column] || ""; });
    });
    show(table, taken.count);
    const first = boxes(rows(table)[number - 1])[0];
    if (first) first.focus();
  }

  return { rows, visible, show, add, remove, boxes, snapshot, restore };
})();
