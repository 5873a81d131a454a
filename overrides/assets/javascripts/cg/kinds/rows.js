// @ts-check
/*
 * Rows of a table (its own columns, or a list of links): the rows in use that
 * hold anything, each as its cells' texts. Each cell is kept under
 * "<field>.<row>.<column>"; the number of rows in use under record.rows. Pure.
 */
(() => {
  "use strict";

  /**
   * @param {FieldSpec} field
   * @param {Answers} record
   * @returns {{ number: number, cells: string[] }[]}
   */
  function rows(field, record) {
    const values = record.values || {};
    const used = (record.rows || {})[field.id];
    const most = typeof field.maxRows === "number" ? field.maxRows : cgRecords.LIMITS.rows;
    const count = Math.min(typeof used === "number" ? used : field.minRows || 0, most);
    const found = [];
    for (let row = 0; row < count; row++) {
      const cells = (field.columns || []).map((column) =>
        cgKinds.written(values[field.id + "." + row + "." + column.id], column.date));
      if (cells.some(Boolean)) found.push({ number: row + 1, cells });
    }
    return found;
  }

  cgKinds.add("rows", {
    text(field, record) {
      const columns = field.columns || [];
      return rows(field, record).map((row) => cgWords.rowHeader + " " + row.number + ": " + row.cells
        .map((cell, index) => (cell ? columns[index].label + ": " + cell : ""))
        .filter(Boolean).join("; ")).join("\n");
    },
    part: (field, record) => ({
      table: { columns: (field.columns || []).map((column) => column.label), rows: rows(field, record) },
    }),
    answered: (field, record) => rows(field, record).length >= Math.max(1, field.minRows || 0),
    /* A table's answers are its cells ("field.row.column"): nothing is kept under its own id. */
    fits: () => false,
  });
})();
