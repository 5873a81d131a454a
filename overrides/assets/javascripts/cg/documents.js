// @ts-check
/*
 * Hand-in documents made in this browser from the parts of a submission
 * (answers.js): Word with the vendored docx library, tagged PDF with the
 * vendored pdfkit and DejaVu fonts, each loaded only when first used; and the
 * files and clipboard they go to. Nothing here makes a network request beyond
 * this site's own vendored scripts.
 */
/* exported cgDocuments */
const cgDocuments = (() => {
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
  const TWIPS_PER_POINT = 20;

  /** The page's language as a language tag with a region where the site gives none (a US site: en-US). */
  function language() {
    const lang = document.documentElement.lang || "en";
    return lang.indexOf("-") > 0 ? lang : ({ en: "en-US" })[lang] || lang;
  }

  /**
   * A Word document as a reviewer's word processor expects it: headings with outline levels (Word,
   * LibreOffice and Google Docs read them as headings and export them as such), the site's language,
   * US Letter, page numbers, real lists and tables with a header row.
   * @param {Document_} work
   * @returns {Promise<Blob>}
   */
  function word(work) {
    const ready = window.docx ? Promise.resolve() : loadScript(vendor() + "docx.iife.js");
    return ready.then(() => {
      const docx = window.docx;
      const sheet = paper();
      const levels = [docx.HeadingLevel.HEADING_1, docx.HeadingLevel.HEADING_2, docx.HeadingLevel.HEADING_3,
        docx.HeadingLevel.HEADING_4, docx.HeadingLevel.HEADING_5];
      /** @param {string} text @param {boolean} bold */
      const cell = (text, bold) => new docx.TableCell({
        children: [new docx.Paragraph({ children: [new docx.TextRun({ text, bold })] })],
      });
      /** @type {any[]} */
      const children = [];
      cgOutline.blocks(work).forEach((block) => {
        if (block.kind === "heading") {
          children.push(new docx.Paragraph({
            text: block.text, heading: levels[block.level - 1], outlineLevel: block.level - 1, keepNext: true,
          }));
        } else if (block.kind === "paragraph") {
          children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: block.text, italics: block.placeholder })] }));
        } else if (block.kind === "list") {
          block.items.forEach((item) => {
            children.push(new docx.Paragraph({ text: item, numbering: { reference: "answers", level: 0 } }));
          });
        } else {
          const rowNumber = 720;
          const rest = Math.floor((sheet.width - 2 * sheet.margin) * TWIPS_PER_POINT - rowNumber);
          children.push(new docx.Table({
            width: { size: 100, type: docx.WidthType.PERCENTAGE },
            columnWidths: [rowNumber, ...block.columns.slice(1).map(() => Math.floor(rest / (block.columns.length - 1)))],
            rows: [
              new docx.TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((text) => cell(text, true)) }),
              ...block.rows.map((row) => new docx.TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) })),
            ],
          }));
          children.push(new docx.Paragraph({ text: "" }));
        }
      });
      const footer = cgWords.pageFooterParts(work.title);
      /** @param {number} size in half points @param {number} level */
      const heading = (size, level) => ({
        run: { bold: true, size }, paragraph: { outlineLevel: level, keepNext: true, spacing: { before: 240, after: 120 } },
      });
      return docx.Packer.toBlob(new docx.Document({
        creator: "Credential guides",
        title: work.title,
        description: work.subtitle,
        styles: {
          default: {
            document: { run: { language: { value: language() } } },
            heading1: heading(36, 0),
            heading2: heading(30, 1),
            heading3: heading(26, 2),
            heading4: heading(24, 3),
            heading5: heading(22, 4),
          },
        },
        numbering: {
          config: [{
            reference: "answers",
            levels: [{
              level: 0, format: docx.LevelFormat.BULLET, text: "•", alignment: docx.AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            }],
          }],
        },
        sections: [{
          properties: {
            page: {
              size: { width: Math.round(sheet.width * TWIPS_PER_POINT), height: Math.round(sheet.height * TWIPS_PER_POINT) },
              margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
            },
          },
          footers: {
            default: new docx.Footer({
              children: [new docx.Paragraph({
                alignment: docx.AlignmentType.CENTER,
                children: [new docx.TextRun({
                  children: [footer[0], docx.PageNumber.CURRENT, footer[1], docx.PageNumber.TOTAL_PAGES],
                })],
              })],
            }),
          },
          children,
        }],
      }));
    });
  }

  /** @param {string} text */
  function base64Bytes(text) {
    const binary = window.atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

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
  function pdf(work) {
    return Promise.all([
      window.PDFDocument ? null : loadScript(vendor() + "pdfkit.standalone.js"),
      window.cgPdfFonts ? null : loadScript(vendor() + "dejavu-sans.js"),
    ]).then(() => {
      const fonts = /** @type {{ regular: string, bold: string }} */ (window.cgPdfFonts);
      const sheet = paper();
      const margin = sheet.margin;
      const doc = new window.PDFDocument({
        size: sheet.name,
        margins: { top: margin, bottom: margin, left: margin, right: margin },
        pdfVersion: "1.7",
        subset: "PDF/UA",
        tagged: true,
        lang: language(),
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
      doc.registerFont("Body", base64Bytes(fonts.regular));
      doc.registerFont("Bold", base64Bytes(fonts.bold));
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
      cgOutline.blocks(work).forEach((block, index, all) => {
        const last = index === all.length - 1 || all[index + 1].kind === "heading";
        if (block.kind === "heading") {
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
      return finished;
    });
  }

  /** @param {Blob} blob @param {string} name */
  function saveBlob(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => { URL.revokeObjectURL(link.href); }, 1000);
  }

  /** @param {string} name @param {unknown} data */
  function saveJson(name, data) {
    saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), name);
  }

  /**
   * A chosen file's JSON, or undefined when it is not JSON.
   * @param {File} file
   * @returns {Promise<unknown>}
   */
  function readJson(file) {
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => {
        try {
          resolve(JSON.parse(String(reader.result)));
        } catch (error) {
          resolve(undefined);
        }
      };
      reader.onerror = () => resolve(undefined);
      reader.readAsText(file);
    });
  }

  /** @param {string} text @returns {Promise<void>} */
  function copyText(text) {
    if (window.navigator.clipboard && window.isSecureContext) return window.navigator.clipboard.writeText(text);
    return new Promise((resolve, reject) => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "cg-sr-only";
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      if (copied) resolve();
      else reject(new Error("the browser refused to copy"));
    });
  }

  return { paper, word, pdf, saveBlob, saveJson, readJson, copyText };
})();
