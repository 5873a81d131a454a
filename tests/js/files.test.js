// A files field's list as records keep it: merged across tabs, reviewed, and turned into document blocks.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgFiles, cgRecords, cgStatus, cgAnswers, cgOutline } = pure();

const field = {
  id: "photos", label: "Photos", answer: "files", counted: false, date: false, words: null, minRows: null, columns: null,
  files: { min: 2, max: 3, accept: ["photo", "pdf"], date: true, description: true },
};
const spec = { credential: "c", credentialTitle: "C", id: "t", title: "T", words: null, checks: 0, fields: [field] };
const entry = (id, edited, more = {}) => ({ id, edited, name: id + ".jpg", kind: "photo", bytes: 10, date: "", description: "", ...more });

test("a file added in another tab survives this tab's save, and the later edit of one file wins", () => {
  const kept = [entry("a", "2026-01-02", { description: "newer, from the other tab" }), entry("b", "2026-01-01")];
  const mine = [entry("a", "2026-01-01", { description: "older" }), entry("c", "2026-01-03")];
  const merged = cgFiles.merge(kept, mine);
  assert.deepEqual(merged.map((item) => item.id), ["a", "c", "b"]);
  assert.equal(merged[0].description, "newer, from the other tab");
});

test("a removed file stays removed when another tab's older list still holds it", () => {
  const kept = [entry("a", "2026-01-01"), entry("b", "2026-01-01")];
  const mine = [entry("a", "2026-01-01"), { id: "b", removed: true, edited: "2026-01-02" }];
  assert.deepEqual(cgFiles.live(cgFiles.merge(kept, mine)).map((item) => item.id), ["a"]);
});

test("records merge a files field by file, and a checklist's options as before", () => {
  const base = { schema: 2, credential: "c", template: "t", checks: {}, rows: {}, labels: {}, orphans: {} };
  const kept = { ...base, values: { photos: [entry("a", "1")], ticks: ["First"] } };
  const mine = { ...base, values: { photos: [entry("b", "2")], ticks: [] } };
  const merged = cgRecords.merge(kept, mine, ["photos", "ticks"]);
  assert.deepEqual(merged.values.photos.map((item) => item.id), ["b", "a"]);
  assert.deepEqual(merged.values.ticks, []);
  const ticked = cgRecords.merge({ ...base, values: { ticks: [] } }, { ...base, values: { ticks: ["Second"] } }, ["ticks"]);
  assert.deepEqual(ticked.values.ticks, ["Second"]);
  assert.equal(cgRecords.isStarted({ ...base, values: { photos: [{ id: "x", removed: true }] } }), false);
});

test("a template with too few files, or files without their date or description, is not complete", () => {
  const one = { values: { photos: [entry("a", "1", { date: "2026-05-12", description: "Families" })] }, rows: {}, checks: {} };
  assert.deepEqual(cgStatus.review(spec, one).missing.map((m) => m.problem), ["few-files"]);
  const two = { ...one, values: { photos: [...one.values.photos, entry("b", "1", { description: "No date" })] } };
  const review = cgStatus.review(spec, two);
  assert.equal(review.state, "started");
  assert.deepEqual(review.missing, [{ field: "photos", label: "Photos", problem: "undescribed", numbers: [2], each: "date and description" }]);
  two.values.photos[1].date = "2026-05-13";
  assert.equal(cgStatus.review(spec, two).state, "complete");
  assert.equal(cgStatus.review(spec, { values: {}, rows: {}, checks: {} }).missing[0].problem, "unanswered");
});

test("photos become figures whose description is their alternative text; scans are named", () => {
  const record = { values: { photos: [
    entry("a", "1", { date: "2026-05-12", description: "Families at the table" }),
    { id: "s", kind: "pdf", name: "forms.pdf", pages: 3, date: "", description: "" },
  ] }, rows: {}, checks: {} };
  const work = cgAnswers.submission(spec, record);
  assert.equal(work.answered, 1);
  const blocks = cgOutline.blocks({ title: "T", subtitle: "C", sections: [{ parts: work.parts }] });
  assert.deepEqual(blocks.slice(3), [
    { kind: "figure", id: "a", name: "a.jpg", caption: "Photo 1, May 12, 2026: Families at the table", alt: "Families at the table" },
    { kind: "scan", id: "s", name: "forms.pdf", caption: "PDF scan 2 (3 pages)" },
  ]);
  assert.equal(cgAnswers.answerText(field, record), "Photo 1, May 12, 2026: Families at the table\nPDF scan 2 (3 pages)");
});

test("what a chosen file is, and the size a photo is kept at", () => {
  assert.equal(cgFiles.kindOf({ name: "a.JPG", type: "image/jpeg" }), "photo");
  assert.equal(cgFiles.kindOf({ name: "IMG_1.HEIC", type: "" }), "photo");
  assert.equal(cgFiles.kindOf({ name: "scan.pdf", type: "application/pdf" }), "pdf");
  assert.equal(cgFiles.kindOf({ name: "notes.txt", type: "text/plain" }), null);
  assert.equal(cgFiles.kindOf({ name: "clip.mov", type: "video/quicktime" }), null);
  assert.deepEqual(cgFiles.fitted(4000, 3000), { width: 2000, height: 1500 });
  assert.deepEqual(cgFiles.fitted(800, 600), { width: 800, height: 600 });
});
