// @ts-check
/*
 * The teacher's PDF scans in a hand-in PDF, by the vendored pdf-lib (loaded only when there is a scan):
 * read before the document is laid out, so that its pages are numbered with the rest, then drawn on the
 * pages laid out for them, each tagged as a figure, with nothing of the scan that could act.
 */
/* exported cgPdfScans */
const cgPdfScans = (() => {
  "use strict";

  /**
   * Each kept scan of the work, read by the vendored pdf-lib (loaded only when there is one), so that the
   * document knows its pages before it numbers its own.
   * @param {Block[]} blocks
   * @param {Map<string, { file: StoredFile, bytes: ArrayBuffer }>} files
   * @returns {Promise<Map<string, any>>} a pdf-lib PDFDocument for each scan's block id
   */
  function read(blocks, files) {
    /** @type {{ id: string, bytes: ArrayBuffer }[]} */
    const scans = [];
    blocks.forEach((block) => {
      const kept = block.kind === "scan" && files.get(block.id);
      if (block.kind === "scan" && kept) scans.push({ id: block.id, bytes: kept.bytes });
    });
    if (!scans.length) return Promise.resolve(new Map());
    return cgScripts.loadVendor("pdf-lib.min.js", "PDFLib").then(() => Promise.all(scans.map((scan) =>
      window.PDFLib.PDFDocument.load(scan.bytes, { updateMetadata: false })
        .then((/** @type {any} */ source) => /** @type {[string, any]} */ ([scan.id, source])))))
      .then((read) => new Map(read));
  }

  /** What a page of a scan may carry that acts when a reviewer opens or reads it: actions when the page is
   * opened or closed, annotations (links to anything, JavaScript, launching a program, attached files,
   * form fields), article threads. pdf-lib copies a page whole before it draws it, and keeps whatever it
   * copied in the file, so these are taken off the scan's pages first. */
  const PAGE_ACTIONS = ["AA", "Annots", "B"];

  /**
   * ``source`` with every page stripped of ``PAGE_ACTIONS``: what a page no longer refers to is not copied
   * (an attached file's bytes included). The scan's own document (its open action, its JavaScript, its
   * information) is never copied, as only pages are.
   * @param {any} source a pdf-lib PDFDocument
   * @param {any} PDFName
   * @returns {any}
   */
  function withoutActions(source, PDFName) {
    for (const page of source.getPages()) {
      for (const key of PAGE_ACTIONS) page.node.delete(PDFName.of(key));
    }
    return source;
  }

  /**
   * The PDF with each scan page drawn on the page made for it: scaled to fit inside the margins above the
   * page number, its content marked as a Figure of the document's structure whose alternative text is the
   * scan's caption and page number. Only what a page draws is taken (as a form XObject), from pages
   * ``withoutActions``.
   * @param {Blob} blob
   * @param {{ page: number, source: any, index: number, alt: string }[]} placed
   * @param {number} margin
   * @returns {Promise<Blob>}
   */
  function place(blob, placed, margin) {
    const lib = window.PDFLib;
    return blob.arrayBuffer().then((bytes) => lib.PDFDocument.load(bytes, { updateMetadata: false })).then((/** @type {any} */ out) => {
      const { PDFName, PDFNumber, PDFArray, PDFHexString } = lib;
      const context = out.context;
      const treeRoot = out.catalog.lookup(PDFName.of("StructTreeRoot"));
      const documentElement = treeRoot.lookup(PDFName.of("K"), PDFArray).get(0);
      const children = context.lookup(documentElement).lookup(PDFName.of("K"), PDFArray);
      const nums = treeRoot.lookup(PDFName.of("ParentTree")).lookup(PDFName.of("Nums"), PDFArray);
      let nextKey = 0;
      for (let i = 0; i < nums.size(); i += 2) nextKey = Math.max(nextKey, nums.lookup(i, PDFNumber).asNumber() + 1);
      return placed.reduce((done, scan) => done.then(() => out.embedPdf(withoutActions(scan.source, PDFName), [scan.index])).then(([drawing]) => {
        const page = out.getPage(scan.page);
        const room = { width: page.getWidth() - 2 * margin, height: page.getHeight() - margin - 60 };
        const size = cgFiles.within(drawing.width || 1, drawing.height || 1, room);
        const x = margin + (room.width - size.width) / 2;
        const y = page.getHeight() - margin - size.height;
        const name = page.node.newXObject("Scan", drawing.ref);
        const key = nextKey++;
        const drawn = context.register(context.stream(
          `/Figure <</MCID 0>> BDC\nq\n${size.width / drawing.width} 0 0 ${size.height / drawing.height} ${x} ${y} cm\n${name} Do\nQ\nEMC\n`));
        const contents = page.node.get(PDFName.of("Contents"));
        page.node.set(PDFName.of("Contents"), context.obj([...(contents instanceof PDFArray ? contents.asArray() : [contents]), drawn]));
        page.node.set(PDFName.of("StructParents"), PDFNumber.of(key));
        const element = context.register(context.obj({
          Type: "StructElem", S: "Figure", P: documentElement, Pg: page.ref, K: 0, Alt: PDFHexString.fromText(scan.alt),
        }));
        children.push(element);
        nums.push(PDFNumber.of(key));
        nums.push(context.obj([element]));
      }), Promise.resolve()).then(() => {
        treeRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(nextKey));
        return out.save({ useObjectStreams: false });
      });
    }).then((/** @type {Uint8Array<ArrayBuffer>} */ saved) => new Blob([saved], { type: "application/pdf" }));
  }

  return { read, place };
})();
