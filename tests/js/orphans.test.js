// Answers to questions a template no longer has, as the page names them.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, pure } = require("./load");

pure();
load("orphans.js");
const cgOrphans = require("node:vm").runInThisContext("cgOrphans");

const record = (values, labels = {}) => ({ values, labels, checks: {}, rows: {}, orphans: {} });

test("a files field the template no longer has is shown by its files, not as [object Object]", () => {
  const photos = [
    { id: "a", name: "garden.jpg", kind: "photo", date: "2026-05-12", description: "The family garden night" },
    { id: "b", name: "old.jpg", kind: "photo", removed: true },
    { id: "c", name: "flyer.pdf", kind: "pdf", date: "", description: "" },
  ];
  const found = cgOrphans.find(record({ photos }, { photos: "Photos of the event" }), new Set(["kept"]));
  assert.deepEqual(Object.keys(found), ["photos"]);
  assert.equal(found.photos.label, "Photos of the event");
  assert.equal(found.photos.value, "garden.jpg, May 12, 2026: The family garden night; flyer.pdf");
  assert.doesNotMatch(found.photos.value, /object/);
});

test("a files field whose files were all removed, an empty text and a box still on the page are no orphans", () => {
  const found = cgOrphans.find(record({ photos: [{ id: "b", removed: true }], empty: "  ", kept: "still here" }), new Set(["kept"]));
  assert.deepEqual(found, {});
});

test("a checklist's ticked options and a text keep their words", () => {
  const found = cgOrphans.find(record({ ticks: ["First", "Second"], note: "My answer" }), new Set());
  assert.equal(found.ticks.value, "First, Second");
  assert.equal(found.note.value, "My answer");
});

test("an answer that is no answer of its field's kind any more is kept as an orphan, not lost", () => {
  const fields = [
    { id: "ticks", label: "Tick some", answer: "many" },
    { id: "note", label: "A note", answer: "text" },
    { id: "sure", label: "How sure?", answer: "scale" },
    { heading: "Part two" },
  ];
  const kept = record({ ticks: "A text from when this was a text box", note: "Still a text", sure: "7" }, { ticks: "Tick some" });
  const found = cgOrphans.find(kept, new Set(["ticks", "note", "sure"]), fields);
  assert.deepEqual(Object.keys(found).sort(), ["sure", "ticks"]);
  assert.equal(found.ticks.value, "A text from when this was a text box");
  assert.equal(found.ticks.label, "Tick some");
  const answeredSince = { ...record({ ticks: ["First"], note: "Still a text", sure: "4" }), orphans: found };
  assert.deepEqual(Object.keys(cgOrphans.find(answeredSince, new Set(["ticks", "note", "sure"]), fields)).sort(), ["sure", "ticks"],
    "kept until the teacher removes them");
  assert.deepEqual(cgOrphans.find(record({ ticks: ["First"], sure: "5" }), new Set(["ticks", "sure"]), fields), {});
});
