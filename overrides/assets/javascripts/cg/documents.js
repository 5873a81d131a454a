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
   * A Word document: a title, a subtitle, then sections, each an optional heading and its parts
   * (a heading, or a numbered question and answer).
   * @param {Document_} work
   * @returns {Promise<Blob>}
   */
  function word(work) {
    const ready = window.docx ? Promise.resolve() : loadScript(vendor() + "docx.iife.js");
    return ready.then(() => {
      const docx = window.docx;
      const children = [
        new docx.Paragraph({ text: work.title, heading: docx.HeadingLevel.HEADING_1 }),
        new docx.Paragraph({ text: work.subtitle }),
      ];
      work.sections.forEach((section) => {
        if (section.heading) {
          children.push(new docx.Paragraph({ text: section.heading, heading: docx.HeadingLevel.HEADING_2 }));
        }
        section.parts.forEach((part) => {
          if (part.heading) {
            children.push(new docx.Paragraph({ text: part.heading, heading: docx.HeadingLevel.HEADING_2 }));
            return;
          }
          children.push(new docx.Paragraph({ text: part.question, heading: docx.HeadingLevel.HEADING_3 }));
          (part.answer || cgWords.noAnswer).split("\n").forEach((line) => {
            children.push(new docx.Paragraph({ text: line }));
          });
        });
      });
      return docx.Packer.toBlob(new docx.Document({
        creator: "Credential guides",
        title: work.title,
        description: work.subtitle,
        sections: [{ children }],
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

  /**
   * The same work as a tagged PDF (PDF/UA-1) with DejaVu Sans embedded: real text that flows
   * across pages, headings and paragraphs in its structure tree, the title shown in the reader's
   * title bar, page numbers as artifacts.
   * @param {Document_} work
   * @returns {Promise<Blob>}
   */
  function pdf(work) {
    return Promise.all([
      window.PDFDocument ? null : loadScript(vendor() + "pdfkit.standalone.js"),
      window.cgPdfFonts ? null : loadScript(vendor() + "dejavu-sans.js"),
    ]).then(() => {
      const fonts = /** @type {{ regular: string, bold: string }} */ (window.cgPdfFonts);
      const doc = new window.PDFDocument({
        size: "LETTER",
        margins: { top: 72, bottom: 72, left: 72, right: 72 },
        pdfVersion: "1.7",
        subset: "PDF/UA",
        tagged: true,
        lang: "en-US",
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
      /** @param {string} type @param {string} font @param {number} size @param {string} text @param {number} space */
      function add(type, font, size, text, space) {
        /* A heading is never left alone at the foot of a page: it starts the next one with its answer. */
        const bottom = doc.page.height - doc.page.margins.bottom;
        if (type.charAt(0) === "H" && doc.y + size * 5 > bottom) doc.addPage();
        root.add(doc.struct(type, () => {
          doc.font(font).fontSize(size).text(text, { paragraphGap: space, lineGap: 2 });
        }));
      }
      const nested = work.sections.some((section) => section.heading);
      add("H1", "Bold", 18, work.title, 4);
      add("P", "Body", 11, work.subtitle, 12);
      work.sections.forEach((section) => {
        if (section.heading) add("H2", "Bold", 15, section.heading, 8);
        section.parts.forEach((part) => {
          if (part.heading) {
            add(nested ? "H3" : "H2", "Bold", 13, part.heading, 6);
            return;
          }
          add(nested ? "H4" : "H3", "Bold", 11, part.question || "", 4);
          (part.answer || cgWords.noAnswer).split("\n").forEach((line, index, lines) => {
            add("P", "Body", 11, line, index === lines.length - 1 ? 12 : 3);
          });
        });
      });
      root.end();
      const pages = doc.bufferedPageRange();
      for (let i = 0; i < pages.count; i++) {
        doc.switchToPage(pages.start + i);
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent("Artifact", { type: "Pagination" });
        doc.font("Body").fontSize(9).text(cgWords.pageFooter(work.title, i + 1, pages.count),
          72, doc.page.height - 48, { width: doc.page.width - 144, align: "center", lineBreak: false });
        doc.endMarkedContent();
        doc.page.margins.bottom = bottom;
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

  return { word, pdf, saveBlob, saveJson, readJson, copyText };
})();
