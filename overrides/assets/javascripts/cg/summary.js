// @ts-check
/*
 * Where a reader stands: each template's status on a credential's summary page,
 * with the whole submission as one PDF or Word document, and the reader's own
 * progress beside each credential in the catalog.
 */
/* exported cgSummary */
const cgSummary = (() => {
  "use strict";

  /**
   * @param {SummarySpec} spec
   * @param {HTMLElement} whole
   */
  function startWholeSubmission(spec, whole) {
    whole.hidden = false;
    const status = /** @type {HTMLElement} */ (whole.querySelector(".cg-status"));
    whole.addEventListener("click", (event) => {
      const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest("button[data-action]"));
      if (!button) return;
      const records = spec.templates.map((template) => ({ spec: template, record: cgStorage.read(spec.credential, template.id) }));
      const pdf = button.dataset.action === "pdf";
      const started = records.filter(({ record }) => cgRecords.isStarted(record)).length;
      cgHandIn.handIn({
        templates: records,
        pdf,
        name: spec.credential + "--submission." + (pdf ? "pdf" : "docx"),
        document: () => ({
          title: cgWords.submissionTitle(spec.title),
          subtitle: spec.title,
          sections: records.map(({ spec: template, record }) => ({
            heading: template.title,
            parts: cgAnswers.submission(template, record).parts,
          })),
        }),
        say: (message) => {
          status.hidden = false;
          status.textContent = message;
        },
        done: (name) => cgWords.downloadedSubmission(name, started, records.length),
        failed: (reason) => cgWords.submissionFailed(pdf, reason),
      });
    });
  }

  /** @param {HTMLElement} specElement the summary page's description of its templates */
  function start(specElement) {
    /** @type {SummarySpec} */
    const spec = JSON.parse(specElement.textContent || "{}");
    const table = specElement.parentElement && specElement.parentElement.querySelector("table");
    if (!table) return;
    const whole = document.getElementById("cg-whole-submission");
    if (whole) startWholeSubmission(spec, whole);
    const rows = table.querySelectorAll("tbody tr");
    const showStatuses = () => spec.templates.forEach((template, index) => {
      const row = /** @type {HTMLTableRowElement | undefined} */ (rows[index]);
      if (!row) return;
      row.dataset.template = template.id;
      const status = cgStatus.review(template, cgStorage.read(spec.credential, template.id));
      const reasons = status.state === "started" ? status.missing.map(cgWords.missing) : [];
      row.cells[1].textContent = cgWords.statusWithReasons(cgWords.statusNames[status.state], reasons);
      row.cells[2].textContent = cgWords.checked(status.checked, template.checks);
    });
    showStatuses();
    /* A template saved in another tab: this page follows. */
    window.addEventListener("storage", showStatuses);
  }

  /**
   * Beside each catalog link to a credential (data-cg-credential), what this device holds of it.
   * @param {NodeListOf<HTMLElement>} links
   */
  function showProgress(links) {
    /** @type {Record<string, { templates: number, checks: number }>} */
    const byCredential = {};
    cgStorage.all().forEach((record) => {
      if (!cgRecords.isStarted(record)) return;
      const progress = byCredential[record.credential] = byCredential[record.credential] || { templates: 0, checks: 0 };
      progress.templates += 1;
      progress.checks += cgRecords.ticked(record);
    });
    links.forEach((link) => {
      const progress = byCredential[String(link.dataset.cgCredential)];
      if (!progress) return;
      const note = document.createElement("span");
      note.className = "cg-progress";
      note.textContent = cgWords.progress(progress.templates, String(link.dataset.cgTemplates), progress.checks);
      link.insertAdjacentElement("afterend", note);
    });
  }

  return { start, showProgress };
})();
