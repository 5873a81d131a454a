// @ts-check
/* Any of the published options: a list, one line each in the text. Pure. */
(() => {
  "use strict";

  /** @param {FieldSpec} field @param {Answers} record @returns {string[]} */
  function ticked(field, record) {
    const value = cgKinds.value(field, record);
    return Array.isArray(value) ? value.map(String) : [];
  }

  cgKinds.add("many", {
    text: (field, record) => ticked(field, record).map((item) => "- " + item).join("\n"),
    part: (field, record) => ({ items: ticked(field, record) }),
    fits: (field, value) => Array.isArray(value) && value.every((item) => typeof item === "string"),
  });
})();
