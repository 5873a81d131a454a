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

  /**
   * A vendored library, loaded the first time it is needed.
   * @param {string} file
   * @param {"docx" | "PDFDocument" | "cgPdfFonts" | "PDFLib" | "cgPdfFallbackIndex"} global what the script defines
   */
  function loadVendor(file, global) {
    return window[global] ? Promise.resolve() : loadScript(vendor() + file);
  }

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
      ? Promise.all(PDF_WRITER.map((file) => loadScript(root + file))) : Promise.resolve();
    return loaded.then(() => cgPdfDocument.make(work));
  }

  /**
   * A vendored script, loaded now.
   * @param {string} file
   * @returns {Promise<unknown>}
   */
  function vendorScript(file) {
    return loadScript(vendor() + file);
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

  /** Pixels (as Word counts them, 96 to the inch) per point. */
  const PIXELS_PER_POINT = 96 / 72;

  /**
   * A photo in Word with its caption, and its description as its alternative text; a PDF scan named,
   * with what to do with it (a Word document cannot hold a PDF's pages).
   * @param {any} docx
   * @param {Block & { kind: "figure" | "scan" }} block
   * @param {{ file: StoredFile, bytes: ArrayBuffer } | undefined} kept
   * @param {{ width: number, height: number, margin: number }} sheet
   */
  function fileParagraphs(docx, block, kept, sheet) {
    const caption = new docx.Paragraph({ children: [new docx.TextRun({ text: block.caption })], spacing: { after: 200 } });
    if (!kept) {
      return [caption, new docx.Paragraph({ children: [new docx.TextRun({ text: cgWords.fileMissing(block.name), italics: true })] })];
    }
    const { file, bytes } = kept;
    if (block.kind === "scan") {
      return [caption, new docx.Paragraph({ children: [new docx.TextRun({ text: cgWords.scanInWord(file.name), italics: true })] })];
    }
    const size = cgFiles.within(file.width || 1, file.height || 1, {
      width: (sheet.width - 2 * sheet.margin) * PIXELS_PER_POINT,
      height: (sheet.height - 2 * sheet.margin) * 0.6 * PIXELS_PER_POINT,
    });
    const image = new docx.ImageRun({
      type: "jpg",
      data: bytes,
      transformation: { width: Math.round(size.width), height: Math.round(size.height) },
      altText: { name: block.caption, title: block.caption, description: block.alt },
    });
    return [new docx.Paragraph({ children: [image], keepNext: true }), caption];
  }

  /**
   * A text as Word runs, each address in it (https, http, mailto: cgText.linkParts) a hyperlink in Word's
   * own Hyperlink style, which Word wraps at its slashes.
   * @param {any} docx
   * @param {string} text
   * @param {{ bold?: boolean, italics?: boolean }} style
   */
  function linkedRuns(docx, text, style) {
    return cgText.linkParts(text).map((part) => (part.url
      ? new docx.ExternalHyperlink({ link: part.url, children: [new docx.TextRun({ ...style, text: part.text, style: "Hyperlink" })] })
      : new docx.TextRun({ ...style, text: part.text })));
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
   * US Letter, page numbers, real lists and tables with a header row, live links. A scan's pages are
   * not in it (Word cannot hold a PDF's pages): the document says so where the scan is, and so does a note.
   * @param {Document_} work
   * @returns {Promise<Made>}
   */
  function word(work) {
    const blocks = cgOutline.blocks(work);
    return Promise.all([stored(blocks), loadVendor("docx.iife.js", "docx")]).then(([files]) => {
      const docx = window.docx;
      const sheet = paper();
      const levels = [docx.HeadingLevel.HEADING_1, docx.HeadingLevel.HEADING_2, docx.HeadingLevel.HEADING_3,
        docx.HeadingLevel.HEADING_4, docx.HeadingLevel.HEADING_5];
      /** @param {string} text @param {boolean} bold */
      const cell = (text, bold) => new docx.TableCell({
        children: [new docx.Paragraph({ children: linkedRuns(docx, text, { bold }) })],
      });
      /** @type {any[]} */
      const children = [];
      blocks.forEach((block) => {
        if (block.kind === "figure" || block.kind === "scan") {
          children.push(...fileParagraphs(docx, block, files.get(block.id), sheet));
        } else if (block.kind === "heading") {
          children.push(new docx.Paragraph({
            text: block.text, heading: levels[block.level - 1], outlineLevel: block.level - 1, keepNext: true,
          }));
        } else if (block.kind === "paragraph") {
          children.push(new docx.Paragraph({ children: linkedRuns(docx, block.text, { italics: block.placeholder }) }));
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
      const scans = blocks.filter((block) => block.kind === "scan" && files.has(block.id)).length;
      const notes = scans ? [cgWords.scansOnlyInPdf(scans)] : [];
      return docx.Packer.toBlob(new docx.Document({
        creator: "Credential guides",
        lastModifiedBy: "Credential guides",
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
      })).then((/** @type {Blob} */ blob) => ({ blob, notes }));
    });
  }

  /** Bytes written in base64 (the PDF fonts, files in a backup). @param {string} text */
  function base64Bytes(text) {
    const binary = window.atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** A blob in base64, for a JSON file. @param {Blob} blob @returns {Promise<string>} */
  function blobBase64(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
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

  return { pdf, loadVendor, vendorScript, paper, language, stored, word, base64Bytes, blobBase64, saveBlob, saveJson, readJson, copyText };
})();
