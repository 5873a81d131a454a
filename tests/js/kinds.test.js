// Each field kind's adapter on its own: its text, what a document shows of it, answered, and its problems.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgKinds } = pure();

/** A field's spec as answer_spec.py writes it, with `more` over the defaults. */
const field = (id, answer, more = {}) => ({
  id, label: id, answer, optional: false, counted: false, date: false, words: null, minRows: null, maxRows: null, columns: null, ...more,
});
const record = (values, rows = {}) => ({ values, rows, checks: {} });

test("every answer the build names has its adapter, and an unknown one fails loudly", () => {
  assert.deepEqual(cgKinds.names().sort(), ["files", "many", "one", "rows", "scale", "text"]);
  assert.throws(() => cgKinds.of(field("x", "video")), /no adapter for the answer video of x/);
  assert.throws(() => cgKinds.add("text", { text: () => "" }), /two adapters for the answer text/);
});

test("text: trimmed; a date box's in words; words counted only where the guide publishes a range", () => {
  const text = cgKinds.of(field("a", "text"));
  assert.equal(text.text(field("a", "text"), record({ a: "  Hello  " })), "Hello");
  assert.equal(text.text(field("a", "text", { date: true }), record({ a: "2026-12-02" })), "December 2, 2026");
  assert.equal(text.text(field("a", "text"), record({})), "");
  const counted = field("a", "text", { counted: true, words: [3, 4] });
  assert.equal(text.words(counted, record({ a: "one two" })), 2);
  assert.equal(text.words(field("a", "text"), record({ a: "one two" })), 0);
  assert.deepEqual(text.problems(counted, record({ a: "one two" })), [
    { field: "a", label: "a", problem: "under", words: 2, range: [3, 4] },
  ]);
  assert.deepEqual(text.problems(counted, record({ a: "one two three" })), []);
});

test("one: the option chosen, as it reads", () => {
  const one = field("pick", "one");
  assert.equal(cgKinds.of(one).text(one, record({ pick: " Yes " })), "Yes");
  assert.equal(cgKinds.of(one).part, undefined);
});

test("many: one line per option ticked, and the options as items", () => {
  const many = field("ticks", "many");
  const adapter = cgKinds.of(many);
  assert.equal(adapter.text(many, record({ ticks: ["First", "Second"] })), "- First\n- Second");
  assert.deepEqual(adapter.part(many, record({ ticks: ["First"] })), { items: ["First"] });
  assert.deepEqual(adapter.part(many, record({ ticks: "not a list" })), { items: [] });
});

test("rows: the rows in use that hold anything, dates in words; answered with as many rows as it needs", () => {
  const table = field("t", "rows", {
    minRows: 2, maxRows: 4,
    columns: [{ id: "what", label: "What", date: false }, { id: "due", label: "Due", date: true }],
  });
  const adapter = cgKinds.of(table);
  const one = record({ "t.0.what": "Call", "t.0.due": "2026-03-01", "t.1.what": "", "t.3.what": "Beyond the rows in use" }, { t: 2 });
  assert.equal(adapter.text(table, one), "Row 1: What: Call; Due: March 1, 2026");
  assert.deepEqual(adapter.part(table, one).table, { columns: ["What", "Due"], rows: [{ number: 1, cells: ["Call", "March 1, 2026"] }] });
  assert.equal(adapter.answered(table, one), false, "one row of the two it needs");
  const two = record({ ...one.values, "t.1.what": "Write" }, { t: 2 });
  assert.equal(adapter.answered(table, two), true);
  assert.equal(adapter.answered(table, record({ "t.0.what": "Call" })), false, "no rows in use: the fewest it needs");
});

test("files: numbered, dates in words; too few, or without the details asked, is a problem", () => {
  const files = field("p", "files", { files: { min: 2, max: 3, accept: ["photo"], date: true, description: true } });
  const adapter = cgKinds.of(files);
  const photo = { id: "a", kind: "photo", name: "a.jpg", bytes: 1, date: "2026-05-12", description: "Families", edited: "1" };
  const kept = record({ p: [photo, { id: "b", removed: true, edited: "2" }] });
  assert.deepEqual(adapter.part(files, kept).files.map((f) => [f.number, f.date]), [[1, "May 12, 2026"]]);
  assert.equal(adapter.text(files, kept), "Photo 1, May 12, 2026: Families");
  assert.equal(adapter.answered(files, kept), true);
  assert.equal(adapter.answered(files, record({ p: [{ id: "b", removed: true, edited: "2" }] })), false);
  assert.deepEqual(adapter.problems(files, kept).map((m) => m.problem), ["few-files"]);
  const undescribed = record({ p: [photo, { ...photo, id: "c", description: "" }] });
  assert.deepEqual(adapter.problems(files, undescribed), [
    { field: "p", label: "p", problem: "undescribed", numbers: [2], each: "date and description" },
  ]);
});

test("scale: the point chosen, of the highest; nothing when none is", () => {
  const scale = field("sure", "scale");
  const adapter = cgKinds.of(scale);
  assert.equal(adapter.text(scale, record({ sure: "4" })), "4 of 5");
  assert.equal(adapter.text(scale, record({})), "");
  assert.equal(adapter.part, undefined, "a document shows its text");
});

test("fits: a kept value is an answer of its kind, or else it is kept apart", () => {
  assert.equal(cgKinds.fits(field("a", "text"), "words"), true);
  assert.equal(cgKinds.fits(field("a", "text"), ["a list"]), false);
  assert.equal(cgKinds.fits(field("a", "one"), "Yes"), true);
  assert.equal(cgKinds.fits(field("a", "many"), ["First"]), true);
  assert.equal(cgKinds.fits(field("a", "many"), "First"), false);
  assert.equal(cgKinds.fits(field("a", "files"), [{ id: "x", kind: "photo", name: "x.jpg" }]), true);
  assert.equal(cgKinds.fits(field("a", "files"), "x.jpg"), false);
  assert.equal(cgKinds.fits(field("a", "rows"), "anything"), false);
  assert.deepEqual(["", "1", "5", "0", "6", "4.5", 4].map((value) => cgKinds.fits(field("a", "scale"), value)),
    [true, true, true, false, false, false, false]);
});
