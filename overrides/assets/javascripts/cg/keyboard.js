// @ts-check
/*
 * The page's chrome from the keyboard: the header's menu, which opens the
 * navigation drawer on a phone, is a button (the theme draws it as a label,
 * which the keyboard cannot reach and no role may make a button), the drawer
 * takes the focus when it opens and gives it back on Escape; and a template
 * page has a "Skip to the first question" link beside the theme's "Skip to
 * content", so that the first field is three key presses away.
 */
/* exported cgKeyboard */
const cgKeyboard = (() => {
  "use strict";

  function menu() {
    const toggle = /** @type {HTMLInputElement | null} */ (document.getElementById("__drawer"));
    const label = /** @type {HTMLElement | null} */ (document.querySelector('label.md-header__button[for="__drawer"]'));
    const drawer = /** @type {HTMLElement | null} */ (document.querySelector(".md-sidebar--primary"));
    if (!toggle || !label || !drawer) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " cg-menu-button";
    button.setAttribute("aria-label", cgWords.menu);
    button.append(...Array.from(label.childNodes));
    label.replaceWith(button);
    const shown = () => { button.setAttribute("aria-expanded", String(toggle.checked)); };
    shown();
    toggle.addEventListener("change", shown);
    /** @param {boolean} open */
    const set = (open) => {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    };
    button.addEventListener("click", () => {
      set(!toggle.checked);
      const first = /** @type {HTMLElement | null} */ (drawer.querySelector("a[href], label[tabindex], input:not([hidden])"));
      if (toggle.checked && first) first.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked) return;
      set(false);
      if (drawer.contains(document.activeElement)) button.focus();
    });
  }

  /** @param {HTMLFormElement} form */
  function skipToForm(form) {
    const skips = document.querySelector('[data-md-component="skip"]');
    const first = /** @type {HTMLElement | null} */ (form.querySelector("input:not([type=hidden]):not([type=file]):not(.cg-sr-only), textarea, select"));
    if (!skips || !first || !first.id) return;
    const link = document.createElement("a");
    link.className = "md-skip cg-skip-form";
    link.href = "#" + first.id;
    link.textContent = cgWords.skipToForm;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      first.focus();
      first.scrollIntoView({ block: "center" });
    });
    skips.append(link);
  }

  return { menu, skipToForm };
})();
