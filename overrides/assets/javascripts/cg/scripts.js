// @ts-check
/*
 * Scripts of this site loaded when a page first needs them: the vendored
 * libraries (docx, pdfkit, pdf-lib, fonts) and the PDF writer (cg/pdf/).
 * Nothing is loaded from another site.
 */
/* exported cgScripts */
const cgScripts = (() => {
  "use strict";

  /** @param {string} src */
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + src));
      document.head.appendChild(script);
    });
  }

  function vendor() {
    return cgStorage.siteRoot() + "assets/javascripts/vendor/";
  }

  /**
   * A vendored library, loaded the first time it is needed.
   * @param {string} file
   * @param {"docx" | "PDFDocument" | "cgPdfFonts" | "PDFLib" | "cgPdfFallbackIndex"} global what the script defines
   */
  function loadVendor(file, global) {
    return window[global] ? Promise.resolve() : loadScript(vendor() + file);
  }

  /**
   * A vendored script, loaded now.
   * @param {string} file
   * @returns {Promise<unknown>}
   */
  function vendorScript(file) {
    return loadScript(vendor() + file);
  }

  return { loadScript, loadVendor, vendorScript };
})();
