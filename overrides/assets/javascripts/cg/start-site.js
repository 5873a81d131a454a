// @ts-check
/*
 * Starts the page's chrome, on every page: the header's menu as a button.
 * The last module of the site's bundle (hooks/credential_guides/browser_bundles.py).
 */
(() => {
  "use strict";

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", cgKeyboard.menu);
  else cgKeyboard.menu();
})();
