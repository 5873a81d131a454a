// @ts-check
/*
 * A hand-in document as a flat list of blocks — headings with their levels,
 * paragraphs, lists, tables — that the Word and PDF writers (documents.js)
 * render the same way; photos are figures, PDF scans are named where they are
 * attached and their pages appended. Heading levels never skip: H1 the title, H2 a
 * template's name in the whole submission, then the template's own headings,
 * then its questions. Pure.
 */
/* exported cgOutline */
const cgOutline = (() => {
  "use strict";

  /**
   * The answer's blocks; an unanswered question gets the placeholder, marked as such.
   * @param {Part} part
   * @returns {Block[]}
   */
  function answerBlocks(part) {
    if (!part.answer) return [{ kind: "paragraph", text: cgWords.noAnswer, placeholder: true }];
    if (part.items && part.items.length) return [{ kind: "list", items: part.items }];
    if (part.files && part.files.length) {
      return part.files.map((file) => (file.kind === "pdf"
        ? { kind: "scan", id: file.id, name: file.name, caption: cgWords.fileCaption(file) }
        : { kind: "figure", id: file.id, name: file.name, caption: cgWords.fileCaption(file), alt: cgWords.fileAlt(file) }));
    }
    if (part.table && part.table.rows.length) {
      return [{
        kind: "table",
        caption: part.question || "",
        columns: [cgWords.rowHeader, ...part.table.columns],
        rows: part.table.rows.map((row) => [String(row.number), ...row.cells]),
      }];
    }
    return part.answer.split("\n").map((line) => ({ kind: "paragraph", text: line }));
  }

  /**
   * @param {Document_} work
   * @returns {Block[]}
   */
  function blocks(work) {
    /** @type {Block[]} */
    const out = [
      { kind: "heading", level: 1, text: work.title },
      { kind: "paragraph", text: work.subtitle },
    ];
    work.sections.forEach((section) => {
      let base = 2;
      if (section.heading) {
        out.push({ kind: "heading", level: 2, text: section.heading });
        base = 3;
      }
      let questions = base;
      section.parts.forEach((part) => {
        if (part.heading) {
          out.push({ kind: "heading", level: base, text: part.heading });
          questions = base + 1;
          return;
        }
        out.push({ kind: "heading", level: questions, text: part.question || "" });
        out.push(...answerBlocks(part));
      });
    });
    return out;
  }

  return { blocks };
})();
