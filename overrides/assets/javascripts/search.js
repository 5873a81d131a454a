// @ts-check
// The search page. On the website: Pagefind's interface over the site's chunked
// index, with the query kept in the address (search/?q=…) so that a search can
// be shared and the browser's back button returns to it. Opened from a folder
// (the offline copy), where Pagefind cannot run: the same box over a script of
// every page's text, which the build wrote beside this page.
(function () {
  "use strict";
  var element = document.getElementById("cg-search");
  if (!element) {
    return;
  }
  var root = /** @type {HTMLElement} */ (element);
  var label = "Search the guides and templates";
  var query = new URLSearchParams(window.location.search).get("q") || "";

  /** @param {string} value */
  function keepInAddress(value) {
    var url = new URL(window.location.href);
    if (value) {
      url.searchParams.set("q", value);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
  }

  /**
   * @param {string} src
   * @param {() => void} loaded
   */
  function load(src, loaded) {
    var script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", loaded);
    document.head.appendChild(script);
  }

  function pagefind() {
    var bundle = root.getAttribute("data-bundle") || "";
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-ui.css";
    document.head.appendChild(style);
    load(bundle + "pagefind-ui.js", function () {
      var Pagefind = /** @type {any} */ (window).PagefindUI;
      var ui = new Pagefind({
        element: "#cg-search",
        bundlePath: bundle,
        // Results are addressed from the site's root, which is a sub-path on GitHub Pages (/repo/).
        baseUrl: new URL(root.getAttribute("data-root") || "", window.location.href).pathname,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        autofocus: true,
        pageSize: 10,
        translations: { placeholder: label },
      });
      // Pagefind names its box only by a title, which not every screen reader reads as a label.
      var box = root.querySelector("input.pagefind-ui__search-input");
      if (box) {
        box.setAttribute("aria-label", label);
      }
      if (query) {
        ui.triggerSearch(query);
      }
    });
    root.addEventListener("input", function (event) {
      var target = /** @type {HTMLInputElement} */ (event.target);
      if (target.matches("input[type=text], input[type=search]")) {
        keepInAddress(target.value);
      }
    });
  }

  /**
   * The pages holding every word of ``value``, those with a word in their title first.
   * @param {Array<[string, string, string]>} pages
   * @param {string} value
   */
  function matches(pages, value) {
    var words = value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length) {
      return [];
    }
    return pages
      .map(function (page) {
        var title = page[1].toLowerCase();
        var text = page[2].toLowerCase();
        var found = words.every(function (word) {
          return title.indexOf(word) >= 0 || text.indexOf(word) >= 0;
        });
        var inTitle = words.filter(function (word) {
          return title.indexOf(word) >= 0;
        }).length;
        return { page: page, found: found, rank: inTitle, at: text.indexOf(words[0]) };
      })
      .filter(function (hit) {
        return hit.found;
      })
      .sort(function (a, b) {
        return b.rank - a.rank;
      });
  }

  /** @param {Array<[string, string, string]>} pages */
  function offline(pages) {
    var field = document.createElement("input");
    field.type = "search";
    field.className = "cg-offline-search__box";
    field.setAttribute("aria-label", label);
    field.placeholder = label;
    field.value = query;
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    var list = document.createElement("ol");
    list.className = "cg-offline-search__results";
    root.append(field, status, list);
    var base = root.getAttribute("data-root") || "";

    function show() {
      var hits = field.value.trim() ? matches(pages, field.value) : [];
      list.replaceChildren();
      hits.slice(0, 50).forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + hit.page[0];
        link.textContent = hit.page[1];
        var excerpt = document.createElement("p");
        // From the start of a word some way before the first match, to the end of a word.
        var text = hit.page[2];
        var start = hit.at > 60 ? text.indexOf(" ", hit.at - 60) + 1 : 0;
        var end = text.indexOf(" ", start + 200);
        excerpt.textContent = (start ? "… " : "") + text.slice(start, end < 0 ? text.length : end) + (end < 0 ? "" : " …");
        item.append(link, excerpt);
        list.append(item);
      });
      status.textContent = field.value.trim()
        ? hits.length + (hits.length === 1 ? " page found" : " pages found") + (hits.length > 50 ? "; the first 50:" : "")
        : "";
    }
    field.addEventListener("input", function () {
      keepInAddress(field.value);
      show();
    });
    show();
    field.focus();
  }

  if (window.location.protocol === "file:") {
    load(root.getAttribute("data-offline-index") || "", function () {
      offline(/** @type {any} */ (window).cgOfflineIndex || []);
    });
  } else {
    pagefind();
  }
})();
