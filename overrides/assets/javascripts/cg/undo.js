// @ts-check
/*
 * "Undo" after a row, a photo or a file is removed: a line under the field
 * that says what was removed, with an Undo button that takes the focus, so
 * that one more Enter or Space brings it back. It stays while the focus or
 * the pointer is in it and goes 20 seconds after they leave, or when
 * something else is removed; then what was removed is gone for good. One at
 * a time on a page.
 */
/* exported cgUndo */
const cgUndo = (() => {
  "use strict";

  const SECONDS = 20;
  /** @type {{ notice: HTMLElement, forget: () => void } | null} */
  let current = null;

  /** Ends the offer on the page, if any: its removal stays. */
  function settle() {
    if (!current) return;
    const { notice, forget } = current;
    current = null;
    notice.remove();
    forget();
  }

  /**
   * Offers to undo a removal, under `field`.
   * @param {HTMLElement} field the field's element; the notice is its last child
   * @param {string} message what was removed, as a sentence
   * @param {() => void} undo brings it back
   * @param {() => void} [forget] what to do once it can no longer be undone
   */
  function offer(field, message, undo, forget = () => {}) {
    settle();
    const notice = document.createElement("p");
    notice.className = "cg-undo";
    const said = document.createElement("span");
    said.id = "cg-undo-" + Date.now();
    said.setAttribute("role", "status");
    said.textContent = message;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cg-undo-button";
    button.textContent = cgWords.undo;
    button.setAttribute("aria-describedby", said.id);
    notice.append(said, " ", button);
    field.append(notice);
    current = { notice, forget };

    /** @type {number | undefined} */
    let timer;
    const wait = () => { timer = window.setTimeout(settle, SECONDS * 1000); };
    const hold = () => window.clearTimeout(timer);
    notice.addEventListener("focusin", hold);
    notice.addEventListener("pointerenter", hold);
    notice.addEventListener("focusout", (event) => {
      if (!notice.contains(/** @type {Node | null} */ (event.relatedTarget))) wait();
    });
    notice.addEventListener("pointerleave", () => { if (!notice.contains(document.activeElement)) wait(); });
    button.addEventListener("click", () => {
      window.clearTimeout(timer);
      current = null;
      notice.remove();
      undo();
    });
    wait();
    button.focus();
  }

  window.addEventListener("pagehide", settle);

  return { offer, settle };
})();
