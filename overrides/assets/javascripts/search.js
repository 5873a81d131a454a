// The search page: Pagefind's interface over the site's chunked index, with the
// query kept in the address (search/?q=…) so that a search can be shared and
// the browser's back button returns to it.
(function () {
  "use strict";
  var element = document.getElementById("cg-search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var ui = new PagefindUI({
    element: "#cg-search",
    bundlePath: element.getAttribute("data-bundle"),
    // Results are addressed from the site's root, which is a sub-path on GitHub Pages (/repo/).
    baseUrl: new URL(element.getAttribute("data-root"), window.location.href).pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    pageSize: 10,
    translations: { placeholder: "Search the guides and templates" },
  });
  // Pagefind names its box only by a title, which not every screen reader reads as a label.
  var box = element.querySelector("input.pagefind-ui__search-input");
  if (box) {
    box.setAttribute("aria-label", "Search the guides and templates");
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
  element.addEventListener("input", function (event) {
    if (!event.target.matches("input[type=text], input[type=search]")) {
      return;
    }
    var url = new URL(window.location.href);
    if (event.target.value) {
      url.searchParams.set("q", event.target.value);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
  });
})();
