// @ts-check
/*
 * A submission as a tagged PDF (PDF/UA-1), made in this browser with the
 * vendored pdfkit and DejaVu fonts, loaded when first used: headings,
 * paragraphs, lists, tables with repeated header rows, photos as figures
 * with their descriptions as alternative text; and the pages of the
 * teacher's PDF scans appended after it, in order, by the vendored pdf-lib,
 * each tagged as a figure. Nothing here makes a network request beyond this
 * site's own vendored scripts.
 */
/* exported cgPdfDocument */
const cgPdfDocument = (() => {
  "use strict";

  const HEADING_SIZES = [18, 15, 13, 12, 11];
  const CELL = { padding: 4, border: 0.5, borderColor: "#555555", fontSize: 10 };

  /**
   * A table of a PDF, tagged (Table, TR, TH with /Scope Column, TD) by pdfkit. Where its rows run
   * onto another page, the header row is drawn again at the top of that page, as an artifact (the
   * structure tree holds it once). pdfkit 0.20 has no option for it: before a row that will not fit,
   * this starts the page, draws the header and tells the table its last row ended below it (through
   * its _rowYPos, _rowHeights and _columnWidths; the test of a long table fails if they change).
   * @param {any} doc
   * @param {any} root
   * @param {{ columns: string[], rows: string[][] }} block
   */
  function table(doc, root, block) {
    doc.font("Body").fontSize(CELL.fontSize);
    const rendered = doc.table({
      structParent: root,
      defaultStyle: { padding: CELL.padding, border: CELL.border, borderColor: CELL.borderColor },
      columnStyles: (/** @type {number} */ column) => (column === 0 ? { width: 40 } : {}),
    });
    /** @param {string[]} cells @param {string} font */
    const heightOf = (cells, font) => {
      doc.font(font).fontSize(CELL.fontSize);
      const widths = rendered._columnWidths;
      const height = Math.max(...cells.map((text, index) =>
        (text ? doc.heightOfString(text, { width: widths[index] - 2 * CELL.padding }) : 0))) + 2 * CELL.padding;
      doc.font("Body").fontSize(CELL.fontSize);
      return height;
    };
    const repeatHeader = () => {
      doc.addPage();
      const top = doc.page.margins.top;
      const widths = rendered._columnWidths;
      const height = heightOf(block.columns, "Bold");
      doc.markContent("Artifact", { type: "Pagination" });
      let x = rendered._position.x;
      doc.font("Bold").fontSize(CELL.fontSize);
      block.columns.forEach((text, index) => {
        doc.lineWidth(CELL.border).strokeColor(CELL.borderColor).rect(x, top, widths[index], height).stroke();
        doc.fillColor("black").text(text, x + CELL.padding, top + CELL.padding, { width: widths[index] - 2 * CELL.padding });
        x += widths[index];
      });
      doc.endMarkedContent();
      doc.font("Body").fontSize(CELL.fontSize);
      const last = rendered._currRowIndex - 1;
      rendered._rowYPos[last] = top + height - rendered._rowHeights[last];
    };
    rendered.row(block.columns.map((text) => ({ text, type: "TH", scope: "Column", font: { src: "Bold" } })));
    block.rows.forEach((row) => {
      const last = rendered._currRowIndex - 1;
      const bottom = rendered._rowYPos[last] + rendered._rowHeights[last];
      if (bottom + heightOf(row, "Body") >= doc.page.maxY()) repeatHeader();
      rendered.row(row);
    });
    rendered.end();
  }

  /**
   * The same work as a tagged PDF (PDF/UA-1) with DejaVu Sans embedded: real text that flows
   * across pages; headings, paragraphs, lists (L, LI, Lbl, LBody) and tables (Table, TR, TH with
   * /Scope, TD) in its structure tree; the title shown in the reader's title bar; page numbers as
   * artifacts.
   * @param {Document_} work
   * @returns {Promise<Blob>}
   */
  function make(work) {
    const blocks = cgOutline.blocks(work);
    return Promise.all([
      cgDocuments.stored(blocks),
      cgDocuments.loadVendor("pdfkit.standalone.js", "PDFDocument"),
      cgDocuments.loadVendor("dejavu-sans.js", "cgPdfFonts"),
    ]).then(([files]) => {
      const fonts = /** @type {{ regular: string, bold: string }} */ (window.cgPdfFonts);
      const sheet = cgDocuments.paper();
      /** @type {{ block: Block & { kind: "scan" }, bytes: ArrayBuffer }[]} */
      const scans = [];
      const margin = sheet.margin;
      const doc = new window.PDFDocument({
        size: sheet.name,
        margins: { top: margin, bottom: margin, left: margin, right: margin },
        pdfVersion: "1.7",
        subset: "PDF/UA",
        tagged: true,
        lang: cgDocuments.language(),
        displayTitle: true,
        bufferPages: true,
        info: { Title: work.title, Subject: work.subtitle, Creator: "Credential guides" },
      });
      /** @type {BlobPart[]} */
      const chunks = [];
      /** @type {Promise<Blob>} */
      const finished = new Promise((resolve) => {
        doc.on("data", (/** @type {BlobPart} */ chunk) => { chunks.push(chunk); });
        doc.on("end", () => { resolve(new Blob(chunks, { type: "application/pdf" })); });
      });
      doc.registerFont("Body", cgDocuments.base64Bytes(fonts.regular));
      doc.registerFont("Bold", cgDocuments.base64Bytes(fonts.bold));
      const root = doc.struct("Document");
      doc.addStructure(root);
      const bottom = () => doc.page.height - doc.page.margins.bottom;
      /** @param {string} type @param {string} font @param {number} size @param {string} text @param {number} space */
      function add(type, font, size, text, space) {
        /* A heading is never left alone at the foot of a page: it starts the next one with its answer. */
        if (type.charAt(0) === "H" && doc.y + size * 5 > bottom()) doc.addPage();
        root.add(doc.struct(type, () => {
          doc.font(font).fontSize(size).text(text, { paragraphGap: space, lineGap: 2 });
        }));
      }
      blocks.forEach((block, index, all) => {
        const last = index === all.length - 1 || all[index + 1].kind === "heading";
        if (block.kind === "figure" || block.kind === "scan") {
          const kept = files.get(block.id);
          if (block.kind === "figure" && kept) figure(doc, root, block, kept.file, kept.bytes);
          add("P", "Body", 11, block.caption, 3);
          if (!kept) add("P", "Body", 11, cgWords.fileMissing(block.name), 12);
          else if (block.kind === "scan") {
            scans.push({ block, bytes: kept.bytes });
            add("P", "Body", 11, cgWords.scanFollows, 12);
          } else doc.moveDown(0.6);
        } else if (block.kind === "heading") {
          add("H" + block.level, "Bold", HEADING_SIZES[block.level - 1], block.text, block.level === 1 ? 4 : 6);
        } else if (block.kind === "paragraph") {
          add("P", "Body", 11, block.text, last ? 12 : 3);
        } else if (block.kind === "list") {
          const list = doc.struct("L");
          root.add(list);
          doc.font("Body").fontSize(11).list(block.items, { structParent: list, paragraphGap: 3, lineGap: 2 });
          list.end();
          doc.moveDown(0.5);
        } else {
          table(doc, root, block);
          doc.x = doc.page.margins.left;
          doc.moveDown(0.8);
        }
      });
      root.end();
      const pages = doc.bufferedPageRange();
      for (let i = 0; i < pages.count; i++) {
        doc.switchToPage(pages.start + i);
        const kept = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent("Artifact", { type: "Pagination" });
        doc.font("Body").fontSize(9).text(cgWords.pageFooter(work.title, i + 1, pages.count),
          margin, doc.page.height - 48, { width: doc.page.width - 2 * margin, align: "center", lineBreak: false });
        doc.endMarkedContent();
        doc.page.margins.bottom = kept;
      }
      doc.end();
      return scans.length ? finished.then((blob) => appendScans(blob, scans)) : finished;
    });
  }


  /**
   * A photo, as large as fits the page's width and 40% of its height, on a new page when it does
   * not fit on this one; tagged as a Figure with the teacher's description as its alternative text.
   * @param {any} doc
   * @param {any} root
   * @param {Block & { kind: "figure" }} block
   * @param {StoredFile} file
   * @param {ArrayBuffer} bytes
   */
  function figure(doc, root, block, file, bytes) {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    /* Two photos with their captions fit on a page. */
    const room = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) * 0.4;
    const size = cgFiles.within(file.width || 1, file.height || 1, { width, height: room });
    if (doc.y + size.height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    const x = left + (width - size.width) / 2;
    root.add(doc.struct("Figure", { alt: block.alt }, () => {
      doc.image(bytes, x, top, size);
    }));
    doc.x = left;
    doc.y = top + size.height + 6;
  }

  /** What a page of a scan may carry that acts when a reviewer opens or reads it: actions when the page is
   * opened or closed, annotations (links to anything, JavaScript, launching a program, attached files,
   * form fields), article threads. None is copied: a scan is its content. */
  const PAGE_ACTIONS = ["AA", "Annots", "B"];

  /**
   * ``source`` with every page stripped of ``PAGE_ACTIONS``, before its pages are copied: what a page no
   * longer refers to is not copied at all (an attached file's bytes included). The document's own
   * actions (an open action, its JavaScript) are never copied, as only pages are.
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
   * The PDF with each scan's pages appended in order, each page's content marked as a Figure of the
   * document's structure whose alternative text is the scan's caption and page number. The scan's own
   * document information (its author, software, dates) is not copied, only its pages, without their
   * actions and annotations (``withoutActions``).
   * @param {Blob} blob
   * @param {{ block: Block & { kind: "scan" }, bytes: ArrayBuffer }[]} scans
   * @returns {Promise<Blob>}
   */
  function appendScans(blob, scans) {
    return Promise.all([blob.arrayBuffer(), cgDocuments.loadVendor("pdf-lib.min.js", "PDFLib")]).then(([bytes]) => {
      const lib = window.PDFLib;
      return lib.PDFDocument.load(bytes, { updateMetadata: false }).then((/** @type {any} */ out) => {
        const { PDFName, PDFNumber, PDFArray, PDFHexString } = lib;
        const context = out.context;
        const treeRoot = out.catalog.lookup(PDFName.of("StructTreeRoot"));
        const documentElement = treeRoot.lookup(PDFName.of("K"), PDFArray).get(0);
        const children = context.lookup(documentElement).lookup(PDFName.of("K"), PDFArray);
        const parentTree = treeRoot.lookup(PDFName.of("ParentTree"));
        const nums = parentTree.lookup(PDFName.of("Nums"), PDFArray);
        let nextKey = 0;
        for (let i = 0; i < nums.size(); i += 2) nextKey = Math.max(nextKey, nums.lookup(i, PDFNumber).asNumber() + 1);
        /** @param {string} text */
        const stream = (text) => context.register(context.stream(text));
        return scans.reduce((done, scan) => done.then(() => lib.PDFDocument.load(scan.bytes, { updateMetadata: false })
          .then((/** @type {any} */ source) => out.copyPages(withoutActions(source, PDFName), source.getPageIndices()))
          .then((/** @type {any[]} */ pages) => {
            pages.forEach((page, index) => {
              out.addPage(page);
              const key = nextKey++;
              const contents = page.node.get(PDFName.of("Contents"));
              const parts = contents instanceof PDFArray ? contents.asArray() : [contents];
              page.node.set(PDFName.of("Contents"), context.obj([stream("/Figure <</MCID 0>> BDC\nq\n"), ...parts, stream("\nQ\nEMC\n")]));
              page.node.set(PDFName.of("StructParents"), PDFNumber.of(key));
              const element = context.register(context.obj({
                Type: "StructElem",
                S: "Figure",
                P: documentElement,
                Pg: page.ref,
                K: 0,
                Alt: PDFHexString.fromText(cgWords.scanPage(scan.block.caption, index + 1, pages.length)),
              }));
              children.push(element);
              nums.push(PDFNumber.of(key));
              nums.push(context.obj([element]));
            });
          })), Promise.resolve()).then(() => {
          treeRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(nextKey));
          return out.save({ useObjectStreams: false });
        });
      }).then((/** @type {Uint8Array<ArrayBuffer>} */ saved) => new Blob([saved], { type: "application/pdf" }));
    });
  }

  return { make };
})();
