// @ts-check
/*
 * A submission as a tagged PDF (PDF/UA-1), made in this browser with the
 * vendored pdfkit and DejaVu fonts, loaded when first used (and the Noto
 * faces for what DejaVu cannot draw, when an answer needs them): headings,
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
  /* Links as on the site, dark enough on white to read in print (9.4:1). */
  const LINK_COLOR = "#1a4480";

  /**
   * A table cell's text as pdfkit takes it. A cell that holds an address links to it (the first, if it holds
   * more), and an address in it may wrap after its separators (a zero-width space, cgText.addressPieces); a
   * cell that is only an address looks like a link.
   * @param {string} text
   * @returns {{ text: string, textOptions?: any, textColor?: string }}
   */
  function linkedCell(text) {
    const parts = cgText.linkParts(text);
    const first = parts.find((part) => part.url);
    if (!first) return { text };
    const wrapped = parts.map((part) => (part.url ? cgText.addressPieces(part.text).join("\u200b") : part.text)).join("");
    const only = parts.filter((part) => part.text.trim()).length === 1;
    return only
      ? { text: wrapped, textOptions: { link: first.url, underline: true }, textColor: LINK_COLOR }
      : { text: wrapped, textOptions: { link: first.url } };
  }

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
      const cells = row.map(linkedCell);
      const last = rendered._currRowIndex - 1;
      const bottom = rendered._rowYPos[last] + rendered._rowHeights[last];
      if (bottom + heightOf(cells.map((cell) => cell.text), "Body") >= doc.page.maxY()) repeatHeader();
      rendered.row(cells);
    });
    rendered.end();
  }

  /**
   * The same work as a tagged PDF (PDF/UA-1) with DejaVu Sans embedded: real text that flows
   * across pages; headings, paragraphs, lists (L, LI, Lbl, LBody) and tables (Table, TR, TH with
   * /Scope, TD) in its structure tree; the title shown in the reader's title bar; page numbers as
   * artifacts; live links; bookmarks; the pages of scans after it, numbered with the rest. Its notes name
   * each question whose answer holds characters the fonts cannot draw.
   * @param {Document_} work
   * @returns {Promise<Made>}
   */
  function make(work) {
    const blocks = cgOutline.blocks(work);
    return Promise.all([
      cgDocuments.stored(blocks),
      cgScripts.loadVendor("pdfkit.standalone.js", "PDFDocument"),
      cgScripts.loadVendor("dejavu-sans.js", "cgPdfFonts"),
    ]).then(([files]) => cgPdfScans.read(blocks, files).then((read) => layOut(work, blocks, files, read)));
  }

  /**
   * The work on pages: its blocks, a page for each scan page after them, bookmarks, and every page numbered.
   * @param {Document_} work
   * @param {Block[]} blocks
   * @param {Map<string, { file: StoredFile, bytes: ArrayBuffer }>} files
   * @param {Map<string, any>} read the scans, as cgPdfScans.read gives them
   * @returns {Promise<Made>}
   */
  function layOut(work, blocks, files, read) {
    const fonts = /** @type {{ regular: string, bold: string }} */ (window.cgPdfFonts);
    const sheet = cgDocuments.paper();
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
    doc.registerFont("Body", cgDevice.base64Bytes(fonts.regular));
    doc.registerFont("Bold", cgDevice.base64Bytes(fonts.bold));
    doc.font("Body");
    return cgPdfFallback.install(doc, [work.title, ...blocks.flatMap(drawnTexts)]).then((drawable) =>
      draw(doc, work, blocks, files, read, finished, margin).then((blob) => ({ blob, notes: undrawable(blocks, drawable) })));
  }

  /**
   * @param {any} doc
   * @param {Document_} work
   * @param {Block[]} blocks
   * @param {Map<string, { file: StoredFile, bytes: ArrayBuffer }>} files
   * @param {Map<string, any>} read
   * @param {Promise<Blob>} finished the document's bytes, once it ends
   * @param {number} margin
   * @returns {Promise<Blob>}
   */
  function draw(doc, work, blocks, files, read, finished, margin) {
    /** @type {{ block: Block & { kind: "scan" }, source: any }[]} */
    const scans = [];
    /* Every link says where it goes to a reader that reads annotations aloud, and is a Link of the structure
       (PDF/UA 7.18.5): in a paragraph the Link holds the address (add, below); in a table's cell pdfkit knows
       nothing of links, so the cell gets a Link of its own holding the annotation. */
    const link = doc.link.bind(doc);
    doc.link = (/** @type {number} */ x, /** @type {number} */ y, /** @type {number} */ w, /** @type {number} */ h,
      /** @type {string} */ url, /** @type {any} */ options = {}) => {
      const described = { ...options, Contents: new String(cgWords.linkTo(url)) };
      const cell = doc._currentStructureElement;
      if (described.structParent || !cell) return link(x, y, w, h, url, described);
      const element = doc.struct("Link");
      cell.add(element);
      link(x, y, w, h, url, { ...described, structParent: element });
      element.end();
      return doc;
    };
    const root = doc.struct("Document");
    doc.addStructure(root);
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    /** @type {any} */
    let section = null;
    /** A bookmark for each artifact (heading level 2) and, under it, each of its questions (level 3).
     * @param {number} level @param {string} text */
    function bookmark(level, text) {
      if (level === 2) section = doc.outline.addItem(text);
      else if (level === 3) (section || doc.outline).addItem(text);
    }
    /** @param {string} type @param {string} font @param {number} size @param {string} text @param {number} space */
    function add(type, font, size, text, space) {
      /* A heading is never left alone at the foot of a page: it starts the next one with its answer. */
      if (type.charAt(0) === "H" && doc.y + size * 5 > bottom()) doc.addPage();
      const parts = cgText.linkParts(text).filter((part) => part.text);
      if (!parts.some((part) => part.url)) {
        root.add(doc.struct(type, () => {
          doc.font(font).fontSize(size).text(text, { paragraphGap: space, lineGap: 2 });
        }));
        return;
      }
      /* An address is a Link of the structure, with a link annotation on each piece of it, cut where a line
         may end (cgText.addressPieces); the text around it is the paragraph's own content. */
      const element = doc.struct(type);
      root.add(element);
      doc.font(font).fontSize(size);
      parts.forEach((part, index) => {
        const last = index === parts.length - 1;
        const options = { paragraphGap: space, lineGap: 2 };
        if (!part.url) {
          element.add(() => { doc.fillColor("black").text(part.text, { ...options, continued: !last }); });
          return;
        }
        const url = part.url;
        const pieces = cgText.addressPieces(part.text);
        element.add(doc.struct("Link", () => {
          pieces.forEach((piece, at) => {
            doc.fillColor(LINK_COLOR).text(piece, { ...options, link: url, underline: true, continued: !last || at < pieces.length - 1 });
          });
          doc.fillColor("black");
        }));
      });
      element.end();
    }
    blocks.forEach((block, index, all) => {
      const last = index === all.length - 1 || all[index + 1].kind === "heading";
      if (block.kind === "figure" || block.kind === "scan") {
        const kept = files.get(block.id);
        if (block.kind === "figure" && kept) figure(doc, root, block, kept.file, kept.bytes);
        add("P", "Body", 11, block.caption, 3);
        if (!kept) add("P", "Body", 11, cgWords.fileMissing(block.name), 12);
        else if (block.kind === "scan") {
          const source = read.get(block.id);
          scans.push({ block, source });
          add("P", "Body", 11, cgWords.scanFollows(source.getPageCount()), 12);
        } else doc.moveDown(0.6);
      } else if (block.kind === "heading") {
        add("H" + block.level, "Bold", HEADING_SIZES[block.level - 1], block.text, block.level === 1 ? 4 : 6);
        bookmark(block.level, block.text);
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
    /* Each scan page has a page of its own here, numbered with the rest and drawn on by cgPdfScans.place. */
    /** @type {{ page: number, source: any, index: number, alt: string }[]} */
    const placed = [];
    scans.forEach(({ block, source }) => {
      const count = source.getPageCount();
      for (let index = 0; index < count; index++) {
        doc.addPage();
        if (index === 0) doc.outline.addItem(cgWords.scanBookmark(block.caption));
        placed.push({ page: doc.bufferedPageRange().count - 1, source, index, alt: cgWords.scanPage(block.caption, index + 1, count) });
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
    return placed.length ? finished.then((blob) => cgPdfScans.place(blob, placed, margin)) : finished;
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

  /** The texts of a block that its page shows.
   * @param {Block} block @returns {string[]} */
  const drawnTexts = (block) => (block.kind === "paragraph" ? [block.text]
    : block.kind === "heading" ? [block.text]
      : block.kind === "list" ? block.items
        : block.kind === "table" ? [...block.columns, ...block.rows.flat()] : [block.caption]);

  /**
   * For each question whose answer holds characters no font of the document draws, a note naming the
   * question and the characters.
   * @param {Block[]} blocks
   * @param {(code: number) => boolean} drawable
   * @returns {string[]}
   */
  function undrawable(blocks, drawable) {
    /** @type {Map<string, Set<string>>} */
    const found = new Map();
    let where = "";
    blocks.forEach((block) => {
      if (block.kind === "heading") {
        where = block.text;
        return;
      }
      for (const character of drawnTexts(block).join(" ")) {
        const code = /** @type {number} */ (character.codePointAt(0));
        if (cgPdfFallback.undrawn(code) || drawable(code)) continue;
        if (!found.has(where)) found.set(where, new Set());
        /** @type {Set<string>} */ (found.get(where)).add(character);
      }
    });
    return [...found].map(([question, characters]) => cgWords.undrawable(question, [...characters].slice(0, 12)));
  }

  return { make };
})();
