// @ts-check
/*
 * What the hand-in documents share: the PDF writer (cg/pdf/, loaded the
 * first time a PDF is made), the kept files their figures and scans name,
 * the site's paper and language. The Word writer is word.js.
 */
/* exported cgDocuments */
const cgDocuments = (() => {
  "use strict";

  /** The hand-in PDF's writer, loaded the first time a PDF is made: no page needs it before. */
  const PDF_WRITER = ["pdf/fonts.js", "pdf/scans.js", "pdf/document.js"];

  /**
   * A work as a tagged PDF (cg/pdf/document.js), its writer loaded first.
   * @param {Document_} work
   * @returns {Promise<Made>}
   */
  function pdf(work) {
    const root = cgStorage.siteRoot() + "assets/javascripts/cg/";
    const loaded = typeof cgPdfDocument === "undefined"
      ? Promise.all(PDF_WRITER.map((file) => cgScripts.loadScript(root + file))) : Promise.resolve();
    return loaded.then(() => cgPdfDocument.make(work));
  }

  /**
   * The kept files a document's figures and scans name, with their bytes, by id.
   * @param {Block[]} blocks
   * @returns {Promise<Map<string, { file: StoredFile, bytes: ArrayBuffer }>>}
   */
  function stored(blocks) {
    const ids = blocks.map((block) => (block.kind === "figure" || block.kind === "scan" ? block.id : "")).filter(Boolean);
    return cgFileStore.getMany(ids).then((files) => Promise.all([...files.values()].map((file) =>
      file.blob.arrayBuffer().then((bytes) => ({ file, bytes }))))).then((found) => new Map(found.map((item) => [item.file.id, item])));
  }

  /** The papers site.yml may choose, in points; the PDFs the site builds use the same. */
  const PAPERS = {
    letter: { name: "LETTER", width: 612, height: 792, margin: 72 },
    a4: { name: "A4", width: 595.28, height: 841.89, margin: 72 },
  };

  /** The site's paper (site.yml's paper, in the page's meta cg-paper): US Letter unless it says A4. */
  function paper() {
    const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector("meta[name=cg-paper]"));
    return meta && meta.content === "a4" ? PAPERS.a4 : PAPERS.letter;
  }

  /** The page's language as a language tag with a region where the site gives none (a US site: en-US). */
  function language() {
    const lang = document.documentElement.lang || "en";
    return lang.indexOf("-") > 0 ? lang : ({ en: "en-US" })[lang] || lang;
  }

  return { pdf, stored, paper, language };
})();
