// @ts-check
/*
 * Starts what a page with answers has: the progress beside the catalog's
 * credentials, a credential's summary, the "Your answers" page. The last
 * module of the answers bundle (hooks/credential_guides/browser_bundles.py).
 */
(() => {
  "use strict";

  function start() {
    const links = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("a[data-cg-credential]"));
    if (links.length) cgSummary.showProgress(links);
    /* The catalog filter (catalog-filter.js) lists matching credentials anew on every change. */
    document.addEventListener("cg:catalog-rendered", (event) => {
      const list = /** @type {CustomEvent<HTMLElement>} */ (event).detail;
      cgSummary.showProgress(list.querySelectorAll("a[data-cg-credential]"));
    });
    const spec = document.getElementById("cg-summary-spec");
    if (spec) cgSummary.start(spec);
    const backup = document.getElementById("cg-backup");
    if (backup) cgBackup.start(backup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
