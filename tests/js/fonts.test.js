// A text in a hand-in PDF is drawn run by run, each run in the first font that has its characters.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load");

const { cgPdfFallback } = load("pdf/fonts.js");

/** A font that has the characters of ``text`` (and spaces when ``spaces``). */
const font = (text, spaces = true) => ({
  hasGlyphForCodePoint: (code) => [...text].some((c) => c.codePointAt(0) === code) || (spaces && code === 0x20),
});
const latin = font("abcdefghijklmnopqrstuvwxyzEnglish,.()مرحبا");
const faces = [{ name: "emoji", glyphs: font("😊🙏", false) }, { name: "cjk", glyphs: font("中文欢迎") }];
const shape = (text) => cgPdfFallback.runs(text, latin, faces).map((run) => [run.text, run.face, run.rtl]);

test("what the text's font draws stays in it; the rest goes to the first face that draws it", () => {
  assert.deepEqual(shape("hello 中文 😊!"), [
    ["hello ", null, false], ["中文 ", "cjk", false], ["😊", "emoji", false], ["!", null, false],
  ]);
});

test("a space stays in a face's run only when the face has it, so a CJK sentence is one run", () => {
  assert.deepEqual(shape("欢迎 中文"), [["欢迎 中文", "cjk", false]]);
  assert.deepEqual(shape("😊 🙏"), [["😊", "emoji", false], [" ", null, false], ["🙏", "emoji", false]]);
});

test("joiners and selectors no font has are left out, characters no font has stay to be named", () => {
  assert.deepEqual(shape("a\u200d\ufe0fb"), [["ab", null, false]]);
  assert.deepEqual(shape("a\uf8e4"), [["a\uf8e4", null, false]]);
});

test("a right-to-left phrase is a run of its own, without the spaces after it", () => {
  assert.deepEqual(shape("hello مرحبا مرحبا (x)"), [
    ["hello ", null, false], ["مرحبا مرحبا", null, true], [" ", null, false], ["(x)", null, false],
  ]);
});

test("the index gives the faces that draw the characters, in lookup order", () => {
  // runs: 0x41-0x42 in face 1, 0x4e2d in face 0, 0x1f60a in face 1.
  const index = { faces: ["cjk", "emoji"], runs: [(0x41).toString(36) + ".2.1", (0x4e2d - 0x43).toString(36) + "..0", (0x1f60a - 0x4e2e).toString(36) + "..1"].join(",") };
  assert.deepEqual(cgPdfFallback.facesFor(new Set([0x1f60a]), index), ["emoji"]);
  assert.deepEqual(cgPdfFallback.facesFor(new Set([0x1f60a, 0x4e2d, 0x42]), index), ["cjk", "emoji"]);
  assert.deepEqual(cgPdfFallback.facesFor(new Set([0x43]), index), []);
});
