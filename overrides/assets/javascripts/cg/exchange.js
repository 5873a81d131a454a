// @ts-check
/*
 * A template's answers as a file and back: its export (answers, files and
 * orphans, as JSON) and the import of an export or a backup, checked as a
 * restore is before anything on the page changes.
 */
/* exported cgExchange */
const cgExchange = (() => {
  "use strict";

  /**
   * Saves the template's answers, with their files, as its export (a JSON file).
   * @param {TemplatePage} page
   */
  function exportAnswers(page) {
    page.flush();
    const answers = page.collect();
    const name = page.fileName("json");
    cgEvidence.pack([answers]).then((files) => cgDevice.saveJson(name, {
      format: cgRecords.EXPORT_FORMAT,
      schema: cgRecords.SCHEMA,
      credential: page.credential,
      template: page.template,
      exported: new Date().toISOString(),
      saved: (cgStorage.read(page.credential, page.template) || {}).saved,
      values: answers.values,
      checks: answers.checks,
      rows: answers.rows,
      orphans: page.orphans,
      files,
    })).then(() => page.say(cgWords.exported(name)));
  }

  /**
   * Loads the template's answers from its export or from a backup of every answer, once they pass the
   * checks a restore makes; an older file replaces newer answers only when the teacher says so.
   * @param {TemplatePage} page
   * @param {File} file
   */
  function importAnswers(page, file) {
    cgDevice.readJson(file).then((data) => {
      if (data === undefined) return page.say(cgWords.importNotJson);
      const records = cgRecords.fromFile(data);
      if (!records) return page.say(cgWords.notAnswersFile);
      const record = records.find((r) => r.credential === page.credential && r.template === page.template);
      if (!record) {
        const [other] = records;
        return page.say(records.length === 1 ? cgWords.importOtherTemplate(other.credential, other.template) : cgWords.importNoneHere);
      }
      const fields = /** @type {FieldSpec[]} */ (page.spec.fields.filter((/** @type {any} */ field) => "id" in field));
      const wrong = [...cgRecords.fileDataProblems(data), ...cgRecords.problems(record, fields)];
      if (wrong.length) return page.say(cgWords.restoreRefused([...new Set(wrong)]));
      const kept = cgStorage.read(page.credential, page.template);
      if (kept && cgRecords.isNewer(kept, record) && !window.confirm(cgWords.confirmOlderImport(
        new Date(String(kept.saved)).toLocaleString(), new Date(String(record.saved)).toLocaleString()))) return;
      return cgEvidence.unpack(/** @type {any} */ (data).files, [record]).then((count) => {
        page.apply(record);
        page.orphans = page.findOrphans(record);
        page.showOrphans();
        page.replaceAll = true;
        page.save();
        page.say(cgWords.imported(file.name) + cgWords.filesRestored(count));
      });
    }).catch((error) => page.say(cgWords.notSaved(String(error && error.name ? error.name : error))));
  }

  return { exportAnswers, importAnswers };
})();
