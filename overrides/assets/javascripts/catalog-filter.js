// @ts-check
/*
 * The home page's catalog filter: by stack, by the kinds of artifact a
 * credential asks for, and by the writing it requires. Its state lives in the
 * page's address (?stack=…&kind=…&words=…), so a filtered view can be shared
 * and reloads as it was. The data is catalog-index.js, written by the build.
 * Without JavaScript the form is not shown (html.cg-js is not set) and the page lists every guide.
 */
(() => {
  "use strict";

  const PAGE_SIZE = 50;
  const data = window.cgCatalogIndex;
  if (!data) return;
  const index = data;
  /** @type {HTMLFormElement} */
  let form;
  /** @type {HTMLElement} */
  let results;
  /** @type {HTMLElement} */
  let status;
  let everything = "";
  /** @type {HTMLElement | null} */
  let browse;
  /** @type {HTMLSelectElement} */
  let stackSelect;
  /** @type {HTMLSelectElement | null} */
  let wordsSelect;
  /** @type {NodeListOf<HTMLInputElement>} */
  let kindBoxes;
  let limit = PAGE_SIZE;

  /** @typedef {{ id: string, title: string }} Stack */
  /** @typedef {{ id: string, label: string }} Kind */
  /** @typedef {{ id: string, title: string, stack: Stack, kinds: Kind[], fewest: number, most: number, templates: number }} Credential */
  /** @typedef {{ stack: string, kinds: string[], words: number }} FilterState */

  /** @type {Stack[]} */
  const stacks = index.stacks.map(([id, title]) => ({ id, title }));
  /** @type {Kind[]} */
  const kinds = index.kinds.map(([id, label]) => ({ id, label }));
  /** @type {Credential[]} */
  const credentials = index.credentials.map(([id, title, stack, kindIndexes, fewest, most, templates]) => ({
    id, title, stack: stacks[stack], kinds: kindIndexes.map((i) => kinds[i]), fewest, most, templates,
  }));

  /** @param {number} value */
  function number(value) { return Number(value).toLocaleString("en-US"); }

  /** @returns {FilterState} */
  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    const words = parseInt(params.get("words") || "", 10);
    return { stack: params.get("stack") || "", kinds: params.getAll("kind"), words: words > 0 ? words : 0 };
  }

  /** @returns {FilterState} */
  function fromForm() {
    return {
      stack: stackSelect.value,
      kinds: Array.from(kindBoxes).filter((box) => box.checked).map((box) => box.value),
      words: wordsSelect && wordsSelect.value ? parseInt(wordsSelect.value, 10) : 0,
    };
  }

  /** @param {FilterState} state @returns {FilterState} */
  function toForm(state) {
    stackSelect.value = state.stack;
    if (stackSelect.value !== state.stack) { stackSelect.value = ""; state.stack = ""; }
    kindBoxes.forEach((box) => { box.checked = state.kinds.indexOf(box.value) >= 0; });
    state.kinds = fromForm().kinds;
    if (wordsSelect) {
      if (state.words && !wordsSelect.querySelector("option[value='" + state.words + "']")) {
        const option = document.createElement("option");
        option.value = String(state.words);
        option.textContent = "Up to " + number(state.words) + " words";
        wordsSelect.appendChild(option);
      }
      wordsSelect.value = state.words ? String(state.words) : "";
    } else {
      state.words = 0;
    }
    return state;
  }

  /** @param {FilterState} state */
  function toAddress(state) {
    const params = new URLSearchParams();
    if (state.stack) params.set("stack", state.stack);
    state.kinds.forEach((kind) => { params.append("kind", kind); });
    if (state.words) params.set("words", String(state.words));
    const query = params.toString();
    const address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", address);
  }

  /** @param {FilterState} state */
  function isActive(state) { return Boolean(state.stack || state.kinds.length || state.words); }

  /** @param {Credential} credential @param {FilterState} state */
  function matches(credential, state) {
    if (state.stack && credential.stack.id !== state.stack) return false;
    if (state.words && credential.most > state.words) return false;
    if (state.kinds.length && !credential.kinds.some((k) => state.kinds.indexOf(k.id) >= 0)) return false;
    return true;
  }

  /** @param {FilterState} state */
  function describe(state) {
    const parts = [];
    const stack = stacks.find((s) => s.id === state.stack);
    if (stack) parts.push("in " + stack.title);
    if (state.kinds.length) {
      const labels = kinds.filter((k) => state.kinds.indexOf(k.id) >= 0).map((k) => k.label.toLowerCase());
      parts.push("with " + labels.join(" or "));
    }
    if (state.words) parts.push("up to " + number(state.words) + " words");
    return parts.join(", ");
  }

  /** @param {Credential} credential */
  function item(credential) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = index.guideFolder.replace("{stack}", credential.stack.id).replace("{id}", credential.id) + index.pageSuffix;
    link.textContent = credential.title;
    link.dataset.cgCredential = credential.id;
    link.dataset.cgTemplates = String(credential.templates);
    const facts = document.createElement("span");
    facts.className = "cg-result-facts";
    facts.textContent = " · " + credential.stack.title + " · " + credential.kinds.map((k) => k.label).join(", ") +
      " · " + number(credential.fewest) + "–" + number(credential.most) + " words";
    li.append(link, facts);
    return li;
  }

  /** @param {FilterState} state */
  function render(state) {
    results.textContent = "";
    if (!isActive(state)) {
      results.hidden = true;
      if (browse) browse.hidden = false;
      status.textContent = everything;
      return;
    }
    const found = credentials.filter((c) => matches(c, state));
    if (browse) browse.hidden = true;
    results.hidden = found.length === 0;
    found.slice(0, limit).forEach((c) => { results.appendChild(item(c)); });
    if (found.length > limit) {
      const li = document.createElement("li");
      li.className = "cg-more";
      const more = document.createElement("button");
      more.type = "button";
      more.className = "md-button";
      more.dataset.action = "more-results";
      more.textContent = "Show " + number(Math.min(PAGE_SIZE, found.length - limit)) + " more";
      li.appendChild(more);
      results.appendChild(li);
    }
    const noun = credentials.length === 1 ? "credential" : "credentials";
    status.textContent = found.length === 0
      ? "No credential " + describe(state) + ". Remove a filter to see more."
      : number(found.length) + " of " + number(credentials.length) + " " + noun + " " + describe(state) +
        (found.length > limit ? "; the first " + number(limit) + " are shown." : ".");
    document.dispatchEvent(new CustomEvent("cg:catalog-rendered", { detail: results }));
  }

  function update() {
    limit = PAGE_SIZE;
    const state = fromForm();
    toAddress(state);
    render(state);
  }

  function start() {
    const found = document.getElementById("cg-catalog-filter");
    const list = document.getElementById("cg-catalog-results");
    const said = document.getElementById("cg-catalog-status");
    if (!(found instanceof HTMLFormElement) || !list || !said) return;
    form = found;
    results = list;
    status = said;
    everything = status.textContent || "";
    browse = document.getElementById("cg-browse");
    stackSelect = /** @type {HTMLSelectElement} */ (form.elements.namedItem("stack"));
    wordsSelect = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem("words"));
    kindBoxes = form.querySelectorAll("input[name=kind]");
    listen();
    render(toForm(fromAddress()));
  }

  function listen() {
    form.addEventListener("submit", (event) => { event.preventDefault(); });
    form.addEventListener("change", update);
    const clear = form.querySelector("[data-action=clear-filters]");
    if (clear) {
      clear.addEventListener("click", () => {
        toForm({ stack: "", kinds: [], words: 0 });
        update();
      });
    }
    results.addEventListener("click", (event) => {
      const target = event.target;
      if (!(target instanceof Element) || !target.closest("[data-action=more-results]")) return;
      limit += PAGE_SIZE;
      const next = results.children.length - 1;
      render(fromForm());
      const first = results.children[next] && results.children[next].querySelector("a");
      if (first) first.focus();
    });
  }

  /* Before the answers bundle's start, which then marks the reader's progress beside every listed credential. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
