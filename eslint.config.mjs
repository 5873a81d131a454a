// ESLint for the site's own browser code and its unit tests (run by ./dev test).
// The browser code is plain scripts (no modules, no build step, so that the
// offline copy works from a folder): each cg/*.js file declares one global
// namespace (a field kind's adapter, cg/kinds/*.js, adds itself to cgKinds
// instead), joined into bundles in the order of browser_bundles.py.
import js from "@eslint/js";
import globals from "globals";

const namespaces = [
  "cgText", "cgWords", "cgFiles", "cgRecords", "cgKinds", "cgAnswers", "cgStatus", "cgOutline", "cgStorage", "cgFileStore", "cgUndo",
  "cgScripts", "cgDevice", "cgDocuments", "cgWord", "cgPdfScans", "cgPdfFallback", "cgPdfDocument", "cgPhotos", "cgHandIn", "cgTableRows", "cgBoxes", "cgFeedback", "cgReminders",
  "cgOrphans", "cgEvidence", "cgTabs", "cgReuse", "cgExchange", "cgActions", "cgForm", "cgSummary", "cgBackup", "cgKeyboard",
];

export default [
  { ignores: ["overrides/assets/javascripts/vendor/**", "site/**", "node_modules/**", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        ...Object.fromEntries(namespaces.map((name) => [name, "readonly"])),
        PagefindUI: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "no-redeclare": ["error", { builtinGlobals: false }],
      eqeqeq: "error",
      "no-var": "off",
      strict: ["error", "function"],
    },
  },
  {
    files: ["overrides/assets/javascripts/cg/*.js", "overrides/assets/javascripts/cg/kinds/*.js", "overrides/assets/javascripts/cg/pdf/*.js"],
    rules: { "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["tests/**/*.js", "tests/**/*.cjs", "benchmarks/**/*.js", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
  { files: ["eslint.config.mjs"], languageOptions: { sourceType: "module" } },
];
