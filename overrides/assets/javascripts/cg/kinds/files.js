// @ts-check
/*
 * Photos and PDF scans (their list as files.js keeps it): numbered in the
 * teacher's order, dates in words; complete with as many as the field asks,
 * each with the date and description it asks for. Pure.
 */
(() => {
  "use strict";

  /**
   * @param {FieldSpec} field
   * @param {Answers} record
   * @returns {PartFile[]}
   */
  function files(field, record) {
    return cgFiles.live(cgKinds.value(field, record)).map((item, index) => ({
      id: item.id,
      number: index + 1,
      kind: item.kind || "photo",
      name: String(item.name || ""),
      date: cgKinds.written(item.date, true),
      description: cgKinds.written(item.description, false),
      pages: item.pages,
    }));
  }

  cgKinds.add("files", {
    text: (field, record) => files(field, record).map(cgWords.fileCaption).join("\n"),
    part: (field, record) => ({ files: files(field, record) }),
    answered: (field, record) => cgFiles.live(cgKinds.value(field, record)).length > 0,
    fits: (field, value) => cgFiles.isList(value) || (Array.isArray(value) && value.length === 0),
    problems(field, record) {
      const spec = field.files;
      if (!spec) return [];
      /** @type {Missing[]} */
      const missing = [];
      const found = cgFiles.review(spec, cgKinds.value(field, record));
      if (found.count < spec.min || found.count > spec.max) {
        missing.push({ field: field.id, label: field.label, problem: "few-files", files: found.count, range: [spec.min, spec.max] });
      }
      if (found.undescribed.length) {
        const each = [spec.date ? "date" : "", spec.description ? "description" : ""].filter(Boolean).join(" and ");
        missing.push({ field: field.id, label: field.label, problem: "undescribed", numbers: found.undescribed, each });
      }
      return missing;
    },
  });
})();
