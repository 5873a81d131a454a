// @ts-check
/*
 * Starts a template page's form, and its "Skip to the first question" link.
 * The last module of the template bundle (hooks/credential_guides/browser_bundles.py).
 */
(() => {
  "use strict";

  function start() {
    const form = /** @type {HTMLFormElement | null} */ (document.querySelector("form.cg-template"));
    if (!form) return;
    cgForm.start(form);
    cgKeyboard.skipToForm(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
