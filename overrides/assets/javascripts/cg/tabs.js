// @ts-check
/*
 * The same template changed in two tabs. A tab keeps what it is typing when
 * another tab saves (records.js merges box by box); where both changed the
 * same box, the tab says so above that box and offers the other tab's
 * answers, and saves neither over the other until the teacher chooses: load
 * the other tab's answers, or keep her own (her next save then wins).
 */
/* exported cgTabs */
const cgTabs = (() => {
  "use strict";

  /** @param {unknown} value */
  const text = (value) => JSON.stringify(value === undefined ? "" : value);

  /**
   * The boxes changed here and, differently, in another tab since this tab last read or wrote them.
   * Lists of files are merged file by file and never conflict.
   * @param {Record<string, unknown>} seen the values as this tab last read or wrote them
   * @param {Record<string, unknown>} kept the values kept now
   * @param {Record<string, unknown>} mine the values on this page
   * @param {Iterable<string>} changed what this tab changed since its last save
   * @returns {string[]}
   */
  function conflicts(seen, kept, mine, changed) {
    return [...changed].filter((name) => !cgFiles.isList(kept[name]) && !cgFiles.isList(mine[name]) &&
      text(kept[name]) !== text(seen[name]) && text(kept[name]) !== text(mine[name]));
  }

  /** @type {HTMLElement | null} */
  let shown = null;

  /**
   * The notice above the first box in conflict; replaces one already shown.
   * @param {HTMLElement} box
   * @param {string[]} questions the questions in conflict
   * @param {{ load: () => void, keep: () => void }} choices
   */
  function offer(box, questions, choices) {
    settle();
    const notice = document.createElement("div");
    notice.className = "cg-tabs-notice";
    notice.setAttribute("role", "alert");
    const said = document.createElement("p");
    said.textContent = cgWords.changedInAnotherTab(questions);
    /** @param {string} label @param {() => void} choice */
    const button = (label, choice) => {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = label;
      element.addEventListener("click", () => {
        settle();
        choice();
      });
      return element;
    };
    const actions = document.createElement("p");
    actions.append(button(cgWords.loadOtherTab, choices.load), " ", button(cgWords.keepMine, choices.keep));
    notice.append(said, actions);
    const field = /** @type {HTMLElement} */ (box.closest(".cg-field") || box);
    field.before(notice);
    shown = notice;
  }

  function settle() {
    if (shown) shown.remove();
    shown = null;
  }

  return { conflicts, offer, settle };
})();
