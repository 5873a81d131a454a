/*
 * The home page's catalog filter: by stack, by the kinds of artifact a
 * credential asks for, and by the writing it requires. Its state lives in the
 * page's address (?stack=…&kind=…&words=…), so a filtered view can be shared
 * and reloads as it was. The data is catalog-index.js, written by the build.
 * Without JavaScript the form is not shown (html.cg-js is not set) and the page lists every guide.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var data = window.cgCatalogIndex;
  var form, results, status, everything, browse, stackSelect, wordsSelect, kindBoxes;
  var limit = PAGE_SIZE;
  if (!data) return;

  var stacks = data.stacks.map(function (s) { return { id: s[0], title: s[1] }; });
  var kinds = data.kinds.map(function (k) { return { id: k[0], label: k[1] }; });
  var credentials = data.credentials.map(function (c) {
    return { id: c[0], title: c[1], stack: stacks[c[2]], kinds: c[3].map(function (i) { return kinds[i]; }),
      fewest: c[4], most: c[5], templates: c[6] };
  });

  function number(value) { return Number(value).toLocaleString("en-US"); }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var words = parseInt(params.get("words") || "", 10);
    return {
      stack: params.get("stack") || "",
      kinds: params.getAll("kind"),
      words: words > 0 ? words : 0
    };
  }

  function fromForm() {
    return {
      stack: stackSelect.value,
      kinds: Array.prototype.filter.call(kindBoxes, function (box) { return box.checked; })
        .map(function (box) { return box.value; }),
      words: wordsSelect && wordsSelect.value ? parseInt(wordsSelect.value, 10) : 0
    };
  }

  function toForm(state) {
    stackSelect.value = state.stack;
    if (stackSelect.value !== state.stack) { stackSelect.value = ""; state.stack = ""; }
    Array.prototype.forEach.call(kindBoxes, function (box) { box.checked = state.kinds.indexOf(box.value) >= 0; });
    state.kinds = fromForm().kinds;
    if (wordsSelect) {
      if (state.words && !wordsSelect.querySelector("option[value='" + state.words + "']")) {
        var option = document.createElement("option");
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

  function toAddress(state) {
    var params = new URLSearchParams();
    if (state.stack) params.set("stack", state.stack);
    state.kinds.forEach(function (kind) { params.append("kind", kind); });
    if (state.words) params.set("words", String(state.words));
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", address);
  }

  function isActive(state) { return Boolean(state.stack || state.kinds.length || state.words); }

  function matches(credential, state) {
    if (state.stack && credential.stack.id !== state.stack) return false;
    if (state.words && credential.most > state.words) return false;
    if (state.kinds.length && !credential.kinds.some(function (k) { return state.kinds.indexOf(k.id) >= 0; })) {
      return false;
    }
    return true;
  }

  function describe(state) {
    var parts = [];
    if (state.stack) {
      parts.push("in " + stacks.filter(function (s) { return s.id === state.stack; })[0].title);
    }
    if (state.kinds.length) {
      var labels = kinds.filter(function (k) { return state.kinds.indexOf(k.id) >= 0; })
        .map(function (k) { return k.label.toLowerCase(); });
      parts.push("with " + labels.join(" or "));
    }
    if (state.words) parts.push("up to " + number(state.words) + " words");
    return parts.join(", ");
  }

  function item(credential) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.guideFolder.replace("{stack}", credential.stack.id).replace("{id}", credential.id) + data.pageSuffix;
    link.textContent = credential.title;
    link.dataset.cgCredential = credential.id;
    link.dataset.cgTemplates = String(credential.templates);
    var facts = document.createElement("span");
    facts.className = "cg-result-facts";
    facts.textContent = " · " + credential.stack.title + " · " +
      credential.kinds.map(function (k) { return k.label; }).join(", ") + " · " +
      number(credential.fewest) + "–" + number(credential.most) + " words";
    li.appendChild(link);
    li.appendChild(facts);
    return li;
  }

  function render(state) {
    results.textContent = "";
    if (!isActive(state)) {
      results.hidden = true;
      if (browse) browse.hidden = false;
      status.textContent = everything;
      return;
    }
    var found = credentials.filter(function (c) { return matches(c, state); });
    if (browse) browse.hidden = true;
    results.hidden = found.length === 0;
    found.slice(0, limit).forEach(function (c) { results.appendChild(item(c)); });
    if (found.length > limit) {
      var li = document.createElement("li");
      li.className = "cg-more";
      var more = document.createElement("button");
      more.type = "button";
      more.className = "md-button";
      more.dataset.action = "more-results";
      more.textContent = "Show " + number(Math.min(PAGE_SIZE, found.length - limit)) + " more";
      li.appendChild(more);
      results.appendChild(li);
    }
    var noun = credentials.length === 1 ? "credential" : "credentials";
    status.textContent = found.length === 0
      ? "No credential " + describe(state) + ". Remove a filter to see more."
      : number(found.length) + " of " + number(credentials.length) + " " + noun + " " + describe(state) +
        (found.length > limit ? "; the first " + number(limit) + " are shown." : ".");
    document.dispatchEvent(new CustomEvent("cg:catalog-rendered", { detail: results }));
  }

  function update() {
    limit = PAGE_SIZE;
    var state = fromForm();
    toAddress(state);
    render(state);
  }

  function start() {
    form = document.getElementById("cg-catalog-filter");
    if (!form) return;
    results = document.getElementById("cg-catalog-results");
    status = document.getElementById("cg-catalog-status");
    everything = status.textContent;
    browse = document.getElementById("cg-browse");
    stackSelect = form.elements.stack;
    wordsSelect = form.elements.words || null;
    kindBoxes = form.querySelectorAll("input[name=kind]");
    listen();
    render(toForm(fromAddress()));
  }

  function listen() {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", update);
    form.querySelector("[data-action=clear-filters]").addEventListener("click", function () {
      toForm({ stack: "", kinds: [], words: 0 });
      update();
    });
    results.addEventListener("click", function (event) {
      if (!event.target.closest("[data-action=more-results]")) return;
      limit += PAGE_SIZE;
      var next = results.children.length - 1;
      render(fromForm());
      var first = results.children[next] && results.children[next].querySelector("a");
      if (first) first.focus();
    });
  }

  /* Before templates.js, which then marks the reader's progress beside every listed credential. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
