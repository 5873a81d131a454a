// @ts-check
/*
 * Starts what the page has: the template form, the summary, the "Your answers"
 * page, the progress beside the catalog's credentials. Loaded last.
 */
(() => {
  "use strict";

  function start() {
    cgKeyboard.menu();
    const links = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("a[data-cg-credential]"));
    if (links.length) cgSummary.showProgress(links);
    /* The catalog filter (catalog-filter.js) lists matching credentials anew on every change. */
    document.addEventListener("cg:catalog-rendered", (event) => {
      const list = /** @type {CustomEvent<HTMLElement>} */ (event).detail;
      cgSummary.showProgress(list.querySelectorAll("a[data-cg-credential]"));
    });
    const form = document.querySelector("form.cg-template");
    if (form) {
      cgForm.start(/** @type {HTMLFormElement} */ (form));
      cgKeyboard.skipToForm(/** @type {HTMLFormElement} */ (form));
    }
    const spec = document.getElementById("cg-summary-spec");
    if (spec) cgSummary.start(spec);
    const backup = document.getElementById("cg-backup");
    if (backup) cgBackup.start(backup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
