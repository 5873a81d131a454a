// @ts-check
/*
 * What a template's form says back as the teacher types: word counts against
 * the published ranges, a warning on contact details, boxes that grow with
 * their answers, and the copy of each answer that print shows.
 */
/* exported cgFeedback */
const cgFeedback = (() => {
  "use strict";

  /** @param {HTMLElement} output @param {number} count */
  function updateCount(output, count) {
    const min = Number(output.dataset.minWords);
    const max = Number(output.dataset.maxWords);
    const label = String(output.dataset.label);
    const state = cgText.rangeState(count, min, max);
    output.textContent = cgWords.wordCount(label, count, state, min, max);
    output.dataset.state = state;
    /* Screen readers hear the count only when its state changes, not on every word;
       the state found when the page loads is recorded silently. */
    const live = document.getElementById(output.id + "-state");
    if (live && live.dataset.state !== state) {
      if (live.dataset.state) live.textContent = cgWords.wordCountChanged(label, state, count);
      live.dataset.state = state;
    }
  }

  /* Beside an answer that counts toward a range of all answers together: its own words and the total so far.
     Screen readers hear the total's changes from the total's own polite announcement. */
  /** @param {HTMLElement} output @param {number} count @param {number} total */
  function updateShare(output, count, total) {
    const min = Number(output.dataset.minWords);
    const max = Number(output.dataset.maxWords);
    output.textContent = cgWords.wordShare(count, total, min, max);
    output.dataset.state = cgText.rangeState(total, min, max);
  }

  /* A box grows with its answer: by CSS where the browser can (field-sizing), else here. */
  /** @param {HTMLTextAreaElement} area */
  function fitToAnswer(area) {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }

  /** @param {HTMLFormElement} form */
  function countWords(form) {
    let total = 0;
    /** @type {[HTMLElement, number][]} */
    const shares = [];
    form.querySelectorAll(".cg-field > textarea").forEach((element) => {
      const area = /** @type {HTMLTextAreaElement} */ (element);
      const count = cgText.countWords(area.value);
      total += count;
      if (area.value) fitToAnswer(area);
      const output = document.getElementById(area.id + "-count");
      if (output && output.dataset.shareOf) shares.push([output, count]);
      else if (output) updateCount(output, count);
    });
    shares.forEach(([output, count]) => updateShare(output, count, total));
    const totalOutput = document.getElementById("total-count");
    if (totalOutput) updateCount(totalOutput, total);
  }

  /** @param {HTMLFormElement} form */
  function mirrorForPrint(form) {
    form.querySelectorAll("textarea, input[type='text'], input[type='date'], select").forEach((element) => {
      const box = /** @type {Box} */ (element);
      const mirror = box.nextElementSibling;
      if (mirror && mirror.classList.contains("cg-print-value")) {
        mirror.textContent = box.type === "date" ? cgText.dateInWords(box.value) : box.value;
      }
    });
  }

  /* A filled template prints as work: its used rows only, without the notices and the self-check.
     A blank one prints every row, to fill in by hand. */
  /** @param {Box[]} boxes @param {HTMLElement[]} tables */
  function markForPrint(boxes, tables) {
    const filled = boxes.some((box) => {
      if (box.name.indexOf(cgRecords.CHECK_PREFIX) === 0) return false;
      if (box.type === "checkbox" || box.type === "radio") return /** @type {HTMLInputElement} */ (box).checked;
      return box.value.trim() !== "";
    }) || document.querySelector(".cg-file-list > li") !== null;
    document.documentElement.classList.toggle("cg-filled", filled);
    tables.forEach((table) => {
      const min = Number(table.dataset.minRows);
      cgTableRows.rows(table).forEach((row, index) => {
        const empty = cgTableRows.boxes(row).every((box) => box.value.trim() === "");
        row.classList.toggle("cg-print-omit", filled && (row.hidden || (index >= min && empty)));
      });
    });
  }

  /** @param {HTMLFormElement} form */
  function checkContactDetails(form) {
    /** @type {Record<string, boolean>} */
    const flagged = {};
    form.querySelectorAll("[data-pii]").forEach((element) => {
      const box = /** @type {Box} */ (element);
      const id = String(box.dataset.pii);
      if (cgText.hasContactDetails(box.value)) flagged[id] = true;
      else if (!(id in flagged)) flagged[id] = false;
    });
    Object.keys(flagged).forEach((id) => {
      const note = document.getElementById(id);
      if (note) note.hidden = !flagged[id];
    });
  }

  /**
   * Everything the form shows of its answers, brought up to date.
   * @param {HTMLFormElement} form
   * @param {Box[]} boxes
   * @param {HTMLElement[]} tables
   */
  function refresh(form, boxes, tables) {
    countWords(form);
    mirrorForPrint(form);
    markForPrint(boxes, tables);
    checkContactDetails(form);
  }

  /* A blank template prints with what the guide asks for, folded on screen; it folds again after. */
  function unfoldRequirementsForPrint() {
    /** @type {HTMLDetailsElement[]} */
    const opened = [];
    window.addEventListener("beforeprint", () => {
      if (document.documentElement.classList.contains("cg-filled")) return;
      document.querySelectorAll("details.cg-requirements:not([open])").forEach((element) => {
        const details = /** @type {HTMLDetailsElement} */ (element);
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", () => {
      opened.splice(0).forEach((details) => { details.open = false; });
    });
  }

  return { refresh, unfoldRequirementsForPrint };
})();
