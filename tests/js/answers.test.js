// The answer model: one way from a template's spec and a record of answers to the parts of a submission.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgAnswers, cgStatus, cgRecords, cgText, cgWords, cgOutline } = pure();

/** A template like the Action Plan: a heading, a text, a date, a choice, a checklist, a table. */
const spec = {
  credential: "action-plan-credential",
  credentialTitle: "Family Engagement",
  id: "action-plan",
  title: "Artifact 2: Action Plan",
  words: null,
  checks: 3,
  fields: [
    { heading: "About the plan" },
    { id: "goal", label: "Goal", answer: "text", counted: true, date: false, words: [5, 50], minRows: null, columns: null },
    { id: "start", label: "Start date", answer: "text", counted: false, date: true, words: null, minRows: null, columns: null },
    { id: "audience", label: "Audience", answer: "one", counted: false, date: false, words: null, minRows: null, columns: null },
    { id: "means", label: "Means", answer: "many", counted: false, date: false, words: null, minRows: null, columns: null },
    {
      id: "tasks", label: "Tasks", answer: "rows", counted: false, date: false, words: null, minRows: 2,
      columns: [{ id: "task", label: "Task", date: false }, { id: "due", label: "Deadline", date: true }],
    },
  ],
};

const filled = {
  values: {
    goal: "  Invite every family to one conference this spring.  ",
    start: "2026-03-14",
    audience: "Families",
    means: ["Phone", "Letter home"],
    "tasks.0.task": "Draft the letter",
    "tasks.0.due": "2026-03-01",
    "tasks.1.task": "",
    "tasks.1.due": "",
    "tasks.2.task": "Call the families",
    "tasks.2.due": "",
    "tasks.3.task": "A row no longer in use",
  },
  checks: { "check-1": true, "check-2": false },
  rows: { tasks: 3 },
};

test("questions are numbered in the template's order, headings kept and not numbered", () => {
  const work = cgAnswers.submission(spec, filled);
  assert.deepEqual(work.parts.map((part) => part.heading || part.question), [
    "About the plan", "1. Goal", "2. Start date", "3. Audience", "4. Means", "5. Tasks",
  ]);
  assert.equal(work.title, "Artifact 2: Action Plan");
  assert.equal(work.credential, "Family Engagement");
  assert.equal(work.questions, 5);
  assert.equal(work.answered, 5);
});

test("each kind of answer is written out as text", () => {
  const answers = cgAnswers.submission(spec, filled).parts.filter((part) => part.question).map((part) => part.answer);
  assert.deepEqual(answers, [
    "Invite every family to one conference this spring.",
    "March 14, 2026",
    "Families",
    "- Phone\n- Letter home",
    "Row 1: Task: Draft the letter; Deadline: March 1, 2026\nRow 3: Task: Call the families",
  ]);
});

test("a table keeps its rows as cells, empty rows left out and rows beyond those in use ignored", () => {
  const table = cgAnswers.submission(spec, filled).parts.at(-1).table;
  assert.deepEqual(table.columns, ["Task", "Deadline"]);
  assert.deepEqual(table.rows, [
    { number: 1, cells: ["Draft the letter", "March 1, 2026"] },
    { number: 3, cells: ["Call the families", ""] },
  ]);
});

test("a date typed into a text box stays as typed; only date boxes are written in words", () => {
  const record = { values: { goal: "2026-03-14" }, checks: {}, rows: {} };
  assert.equal(cgAnswers.answerText(spec.fields[1], record), "2026-03-14");
  assert.equal(cgAnswers.answerText(spec.fields[2], { values: { start: "2026-12-02" }, checks: {}, rows: {} }), "December 2, 2026");
});

test("no record is a submission with every question unanswered", () => {
  const work = cgAnswers.submission(spec, null);
  assert.equal(work.answered, 0);
  assert.equal(work.questions, 5);
  const text = cgAnswers.asText(work);
  assert.equal(text.split(cgWords.noAnswer).length - 1, 5);
  assert.ok(text.startsWith("Artifact 2: Action Plan\n\nAbout the plan\n\n1. Goal\n"));
});

test("status: not started, started with what is missing, complete", () => {
  assert.equal(cgStatus.review(spec, null).state, "not-started");
  assert.equal(cgStatus.review(spec, { values: { goal: " " }, checks: {}, rows: {} }).state, "not-started");
  const ticked = cgStatus.review(spec, { values: {}, checks: { a: true }, rows: {} });
  assert.equal(ticked.state, "started");
  assert.equal(ticked.checked, 1);
  assert.equal(cgStatus.review(spec, filled).state, "complete");
  const short = { ...filled, values: { ...filled.values, goal: "Too short", means: [] } };
  const review = cgStatus.review(spec, short);
  assert.equal(review.state, "started");
  assert.deepEqual(review.missing.map((m) => [m.field, m.problem]), [["goal", "under"], ["means", "unanswered"]]);
});

test("status: a table needs at least its minimum of rows with answers", () => {
  const oneRow = { ...filled, values: { ...filled.values, "tasks.2.task": "" } };
  assert.deepEqual(cgStatus.review(spec, oneRow).missing.map((m) => m.field), ["tasks"]);
});

test("status: the total word range of a template counts every counted answer", () => {
  const part = {
    ...spec, words: [4, 6],
    fields: [
      { id: "q1", label: "One", answer: "text", counted: true, date: false, words: null, minRows: null, columns: null },
      { id: "q2", label: "Two", answer: "text", counted: true, date: false, words: null, minRows: null, columns: null },
    ],
  };
  const record = (q1, q2) => ({ values: { q1, q2 }, checks: {}, rows: {} });
  assert.equal(cgStatus.review(part, record("a b", "c d e")).state, "complete");
  const over = cgStatus.review(part, record("a b c d", "e f g"));
  assert.deepEqual(over.missing, [{ field: null, label: null, problem: "over", words: 7, range: [4, 6] }]);
});

test("records of schema 1 are migrated; anything else is refused", () => {
  const old = { schema: 1, credential: "a-b", template: "c", values: { x: "y" } };
  assert.deepEqual(cgRecords.migrate(old), {
    schema: 2, credential: "a-b", template: "c", saved: undefined, values: { x: "y" }, checks: {}, rows: {}, labels: {}, orphans: {},
  });
  assert.equal(cgRecords.migrate({ schema: 3, credential: "a", template: "b" }), null);
  assert.equal(cgRecords.migrate({ schema: 2, credential: "../a", template: "b" }), null);
  assert.equal(cgRecords.migrate("text"), null);
  assert.equal(cgRecords.migrate(null), null);
});

test("text helpers: words, ranges, dates", () => {
  assert.equal(cgText.countWords("  one\ttwo\nthree "), 3);
  assert.equal(cgText.countWords(""), 0);
  assert.equal(cgText.countWords(undefined), 0);
  assert.deepEqual([3, 5, 9].map((n) => cgText.rangeState(n, 4, 8)), ["under", "in-range", "over"]);
  assert.equal(cgText.dateInWords("2026-02-29"), "March 1, 2026");
  assert.equal(cgText.dateInWords("not a date"), "not a date");
  assert.equal(cgText.clean(" a \n b "), "a b");
});

test("messages: counts agree in number", () => {
  assert.equal(cgWords.templates(1), "1 template");
  assert.equal(cgWords.templates(2), "2 templates");
  assert.equal(cgWords.wordCount("This answer", 1, "under", 5, 9), "This answer: 1 word: under the 5–9 word range.");
  assert.equal(cgWords.rowCount(3, 1, 3), "3 of at most 3 rows (the published maximum)");
  assert.equal(cgWords.rowCount(2, 2, 2), "2 of 2 rows (the published maximum); at least 2 needed");
  assert.equal(cgWords.checked(2, 2), "2 of 2 points ticked (self-checked)");
});

test("merge: a tab's save takes only what it changed, over the newer record another tab kept", () => {
  const kept = {
    schema: 2, credential: "c", template: "t", saved: "2",
    values: { a: "from tab B", b: "from tab B", "tasks.0.x": "B row", "tasks.1.x": "B row 2" },
    checks: { one: true }, rows: { tasks: 2 }, labels: { a: "A" }, orphans: { gone: { label: "Gone", value: "kept" } },
  };
  const mine = {
    schema: 2, credential: "c", template: "t", saved: "3",
    values: { a: "stale in tab A", b: "typed in tab A", "tasks.0.x": "A row" },
    checks: { one: false, two: true }, rows: { tasks: 1 }, labels: { b: "B" }, orphans: {},
  };
  const merged = cgRecords.merge(kept, mine, ["b", "check:two"]);
  assert.deepEqual(merged.values, { a: "from tab B", b: "typed in tab A", "tasks.0.x": "B row", "tasks.1.x": "B row 2" });
  assert.deepEqual(merged.checks, { one: true, two: true });
  assert.deepEqual(merged.rows, { tasks: 2 });
  assert.deepEqual(merged.orphans, kept.orphans);
  assert.equal(merged.saved, "3");
  assert.deepEqual(merged.labels, { a: "A", b: "B" });

  const rowsChanged = cgRecords.merge(kept, mine, ["rows:tasks", "orphans:"]);
  assert.deepEqual(rowsChanged.values, { a: "from tab B", b: "from tab B", "tasks.0.x": "A row" });
  assert.deepEqual(rowsChanged.rows, { tasks: 1 });
  assert.deepEqual(rowsChanged.orphans, {});

  assert.equal(cgRecords.merge(null, mine, ["b"]), mine, "nothing kept yet: this tab's record as it is");
  const emptied = cgRecords.merge(kept, { ...mine, values: {} }, ["a"]);
  assert.equal("a" in emptied.values, false, "a box this tab emptied is emptied");
});


test("outline: heading levels never skip, in a template and in the whole submission", () => {
  const work = cgAnswers.submission(spec, filled);
  const one = cgOutline.blocks({ title: work.title, subtitle: work.credential, sections: [{ parts: work.parts }] });
  const levels = (blocks) => blocks.filter((b) => b.kind === "heading").map((b) => b.level);
  assert.deepEqual(levels(one), [1, 2, 3, 3, 3, 3, 3]);
  const noHeadings = { ...spec, fields: spec.fields.slice(1) };
  const plain = cgAnswers.submission(noHeadings, filled);
  const whole = cgOutline.blocks({
    title: "Submission", subtitle: "Family Engagement",
    sections: [{ heading: "Part 1", parts: plain.parts }, { heading: "Artifact 2", parts: work.parts }],
  });
  assert.deepEqual(levels(whole), [1, 2, 3, 3, 3, 3, 3, 2, 3, 4, 4, 4, 4, 4]);
});

test("outline: lists, tables and placeholders as blocks", () => {
  const work = cgAnswers.submission(spec, { ...filled, values: { ...filled.values, goal: "" } });
  const blocks = cgOutline.blocks({ title: "T", subtitle: "S", sections: [{ parts: work.parts }] });
  assert.deepEqual(blocks.find((b) => b.kind === "list"), { kind: "list", items: ["Phone", "Letter home"] });
  assert.deepEqual(blocks.find((b) => b.kind === "table"), {
    kind: "table", caption: "5. Tasks", columns: ["Row", "Task", "Deadline"],
    rows: [["1", "Draft the letter", "March 1, 2026"], ["3", "Call the families", ""]],
  });
  assert.deepEqual(blocks.filter((b) => b.placeholder).map((b) => b.text), [cgWords.noAnswer]);
});

test("one answers file: a template's export and a backup of all both read as records", () => {
  const values = { a: "x" };
  const exported = { format: "credential-guides-answers", schema: 2, credential: "c", template: "t", exported: "2026-05-01T00:00:00Z", values, checks: {}, rows: {} };
  const [fromExport] = cgRecords.fromFile(exported);
  assert.equal(fromExport.saved, "2026-05-01T00:00:00Z", "an export without 'saved' counts from when it was made");
  assert.equal("format" in fromExport || "exported" in fromExport, false);
  const backup = { format: "credential-guides-backup", schema: 2, records: [{ ...exported, format: undefined }, { schema: 9 }, "junk"] };
  assert.deepEqual(cgRecords.fromFile(backup).map((r) => r.template), ["t"]);
  const older = { format: "credential-guides-answers", schema: 1, credential: "c", template: "t", values };
  assert.equal(cgRecords.fromFile(older)[0].schema, 2, "an export of the first format still loads");
  assert.equal(cgRecords.fromFile({ format: "something else" }), null);
  assert.equal(cgRecords.fromFile([]), null);
  assert.deepEqual(cgRecords.fromFile({ format: "credential-guides-answers", schema: 2 }), []);
});

test("newer: only answers saved later, and not empty, count as newer", () => {
  const at = (saved, value = "x") => ({ schema: 2, credential: "c", template: "t", saved, values: { a: value }, checks: {}, rows: {} });
  assert.equal(cgRecords.isNewer(at("2026-05-02"), at("2026-05-01")), true);
  assert.equal(cgRecords.isNewer(at("2026-05-01"), at("2026-05-02")), false);
  assert.equal(cgRecords.isNewer(at("2026-05-02", ""), at("2026-05-01")), false);
});

test("status: an optional field left empty does not keep a template from complete", () => {
  const optionalSpec = {
    ...spec,
    fields: spec.fields.map((field) => ("id" in field && field.id === "means" ? { ...field, optional: true } : field)),
  };
  const withoutMeans = { ...filled, values: { ...filled.values, means: [] } };
  assert.equal(cgStatus.review(optionalSpec, withoutMeans).state, "complete");
  assert.equal(cgStatus.review(spec, withoutMeans).state, "started");
});
