// @ts-check
/*
 * What the buttons of a template page do: hand in (PDF, Word, print, copy all
 * answers as text), export, clear, a table's rows (add; remove, with undo), a
 * long answer's "Copy this answer", and removing the answers kept for questions
 * that are gone.
 */
/* exported cgActions */
const cgActions = (() => {
  "use strict";

  /** @param {Element | null} element */
  const html = (element) => /** @type {HTMLElement} */ (element);

  /** @param {TemplatePage} page @param {string} text @param {string} done */
  function copy(page, text, done) {
    cgDevice.copyText(text).then(() => page.say(done), () => page.say(cgWords.copyRefused));
  }

  /** @param {TemplatePage} page @param {boolean} pdf */
  function download(page, pdf) {
    const work = cgAnswers.submission(page.spec, page.collect());
    cgHandIn.handIn({
      templates: [{ spec: page.spec, record: page.collect() }],
      pdf,
      name: page.fileName(pdf ? "pdf" : "docx"),
      document: () => ({ title: work.title, subtitle: work.credential, sections: [{ parts: work.parts }] }),
      say: (message) => page.say(message),
      done: (name) => (pdf ? cgWords.downloadedPdf : cgWords.downloadedWord)(name, work.answered, work.questions),
      failed: (reason) => (pdf ? cgWords.pdfFailed : cgWords.wordFailed)(reason),
    });
  }

  /** @param {TemplatePage} page @param {HTMLElement} table @param {HTMLButtonElement} button */
  function removeRow(page, table, button) {
    const row = html(button.closest("tr"));
    const number = cgTableRows.rows(table).indexOf(/** @type {HTMLTableRowElement} */ (row)) + 1;
    const taken = cgTableRows.snapshot(table);
    if (!cgTableRows.remove(table, row)) return;
    const saved = () => {
      page.changed.add(cgRecords.ROWS_PREFIX + table.dataset.field);
      page.refresh();
      page.scheduleSave();
    };
    saved();
    cgUndo.offer(table, cgWords.rowRemoved(number), () => {
      cgTableRows.restore(table, taken, number);
      saved();
    });
  }

  /** What a click on one of the form's buttons does. @param {TemplatePage} page @param {HTMLButtonElement} button */
  function act(page, button) {
    const table = html(button.closest(".cg-table-field"));
    const action = button.dataset.action;
    if (button.classList.contains("cg-add-row")) {
      page.changed.add(cgRecords.ROWS_PREFIX + table.dataset.field);
      cgTableRows.add(table);
      page.scheduleSave();
    } else if (button.classList.contains("cg-remove-row")) {
      removeRow(page, table, button);
    } else if (action === "export") {
      cgExchange.exportAnswers(page);
    } else if (action === "clear") {
      page.clear();
    } else if (action === "print") {
      window.print();
    } else if (action === "remove-orphans") {
      page.removeOrphans();
    } else if (action === "word" || action === "pdf") {
      download(page, action === "pdf");
    } else if (action === "copy-all") {
      cgHandIn.confirmComplete([{ spec: page.spec, record: page.collect() }], { copy: true }).then((go) => {
        const work = cgAnswers.submission(page.spec, page.collect());
        if (go) copy(page, cgAnswers.asText(work), cgWords.copiedAll(work.answered, work.questions));
      });
    } else if (action === "copy-answer") {
      const box = /** @type {Box} */ (document.getElementById(String(button.dataset.for)));
      if (box.value.trim()) copy(page, box.value, cgWords.copiedOne);
      else page.say(cgWords.emptyAnswer);
    }
  }

  return { act };
})();
