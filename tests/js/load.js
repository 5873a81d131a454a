// Loads the site's browser scripts as a page loads them: in order, as classic scripts sharing
// one global scope (this process's, so that their arrays and objects compare as Node's own),
// and returns the namespaces they declare. Each test file runs in its own process.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "cg");
const loaded = new Set();

/** @param {string[]} files in the order of browser_bundles.py; @returns {Record<string, any>} */
function load(...files) {
  for (const file of files) {
    if (loaded.has(file)) continue;
    vm.runInThisContext(fs.readFileSync(path.join(SCRIPTS, file), "utf-8"), { filename: file });
    loaded.add(file);
  }
  const names = ["cgText", "cgWords", "cgFiles", "cgRecords", "cgKinds", "cgAnswers", "cgStatus", "cgOutline", "cgPdfFallback"];
  return Object.fromEntries(names.map((name) => [name, vm.runInThisContext(`typeof ${name} === "undefined" ? undefined : ${name}`)]));
}

/** The pure modules, which need no page. */
const KINDS = ["kinds/text.js", "kinds/one.js", "kinds/many.js", "kinds/rows.js", "kinds/files.js", "kinds/scale.js"];
const pure = () => load("text.js", "words.js", "files.js", "records.js", "kinds.js", ...KINDS, "answers.js", "status.js", "outline.js");

module.exports = { load, pure, KINDS };
