// @ts-check
/*
 * A submission as a Word document, made in this browser from the parts of a
 * submission (outline.js) with the vendored docx library, loaded on first use.
 */
/* exported cgWord */
const cgWord = (() => {
  "use strict";

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

  const TWIPS_PER_POINT = 20;

  /**
   * A Word document as a reviewer's word processor expects it: headings with outline levels (Word,
   * LibreOffice and Google Docs read them as headings and export them as such), the site's language,
   * US Letter, page numbers, real lists and tables with a header row, live links. A scan's pages are
   * not in it (Word cannot hold a PDF's pages): the document says so where the scan is, and so does a note.
   * @param {Document_} work
   * @returns {Promise<Made>}
   */
  function make(work) {
    const blocks = cgOutline.blocks(work);
    return Promise.all([cgDocuments.stored(blocks), cgScripts.loadVendor("docx.iife.js", "docx")]).then(([files]) => {
      const docx = window.docx;
      const sheet = cgDocuments.paper();
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
            document: { run: { language: { value: cgDocuments.language() } } },
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

  return { make };
})();
