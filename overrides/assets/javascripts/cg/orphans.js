// @ts-check
/*
 * Answers to questions a template no longer has (renamed or removed by a site
 * update): found in a record, shown on the page until the teacher removes
 * them. Each box's label is kept with its answer so that it can still be named.
 */
/* exported cgOrphans */
const cgOrphans = (() => {
  "use strict";

  /**
   * What a box is called: its label, or its group's legend, after its table's caption.
   * @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} box
   */
  function labelOf(box) {
    let label = box.name;
    const fieldset = box.closest("fieldset");
    const legend = fieldset && fieldset.querySelector("legend");
    if (box.type === "checkbox" || box.type === "radio") {
      if (legend) label = legend.textContent || label;
    } else if (box.labels && box.labels.length) {
      label = box.labels[0].textContent || label;
    }
    const table = box.closest(".cg-table-field");
    const caption = table && table.querySelector("caption");
    if (caption) label = caption.textContent + " — " + label;
    return cgText.clean(label);
  }

  /**
   * An answer as one line: a text, a checklist's ticked options, or a files field's files (those kept),
   * each named with its date and description. Pure.
   * @param {unknown} value
   */
  function answerText(value) {
    if (cgFiles.isList(value)) return cgFiles.live(value).map((file) => cgWords.fileLine({ ...file, date: cgText.dateInWords(String(file.date || "")) })).join("; ");
    return Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? "" : String(value);
  }

  /**
   * The answers of a record whose boxes are not among `names`, or that are no answer of their field's
   * kind any more (`fields`: this version's, cgKinds.fits), with those kept from before. Pure.
   * @param {Partial<AnswerRecord>} record
   * @param {Set<string>} names the boxes of this version of the template
   * @param {(FieldSpec | HeadingSpec)[]} [fields]
   * @returns {Record<string, Orphan>}
   */
  function find(record, names, fields = []) {
    /** @type {Map<string, FieldSpec>} */
    const byId = new Map();
    fields.forEach((field) => { if (!("heading" in field)) byId.set(field.id, field); });
    /** @param {string} name @param {unknown} value */
    const gone = (name, value) => !names.has(name) || (byId.has(name) && !cgKinds.fits(/** @type {FieldSpec} */ (byId.get(name)), value));
    /** @type {Record<string, Orphan>} */
    const orphans = {};
    const kept = record.orphans || {};
    Object.keys(kept).forEach((name) => {
      /* Kept under a field of this version too: its answer did not fit the field's kind; it stays until removed. */
      if (!names.has(name) || byId.has(name)) orphans[name] = kept[name];
    });
    const values = record.values || {};
    Object.keys(values).forEach((name) => {
      const value = answerText(values[name]);
      if (gone(name, values[name]) && value.trim() !== "") {
        orphans[name] = { label: (record.labels || {})[name] || name, value };
      }
    });
    return orphans;
  }

  /** @param {HTMLElement} form @param {Record<string, Orphan>} orphans */
  function show(form, orphans) {
    const section = /** @type {HTMLElement | null} */ (form.querySelector(".cg-orphans"));
    if (!section) return;
    const list = /** @type {HTMLElement} */ (section.querySelector("dl"));
    list.textContent = "";
    Object.keys(orphans).forEach((name) => {
      const term = document.createElement("dt");
      term.textContent = orphans[name].label;
      const answer = document.createElement("dd");
      answer.textContent = orphans[name].value;
      list.append(term, answer);
    });
    section.hidden = Object.keys(orphans).length === 0;
  }

  return { labelOf, answerText, find, show };
})();
