// The one answer model: what a kept, restored or imported record may hold.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgRecords } = pure();

const good = () => ({
  schema: 2, credential: "c", template: "t", title: "T", page: "/stack/c/templates/t/", saved: "2026-05-01T10:00:00.000Z",
  values: { answer: "text", ticks: ["A"], "plan.0.who": "Me", photos: [{ id: "ab12", kind: "photo", name: "a.jpg", bytes: 10 }] },
  checks: { "point-1": true }, rows: { plan: 3 }, labels: { answer: "Answer" }, orphans: { old: { label: "Old", value: "x" } },
});

test("a record as the pages write it has no problem", () => {
  assert.deepEqual(cgRecords.problems(good()), []);
});

const BAD = [
  ["rows 1e9", (r) => { r.rows.plan = 1e9; }, "rows.plan: expected a number of rows from 0 to 100, found 1000000000"],
  ["rows negative", (r) => { r.rows.plan = -1; }, "rows.plan: expected a number of rows from 0 to 100, found -1"],
  ["rows text", (r) => { r.rows.plan = "3"; }, "rows.plan: expected a number of rows from 0 to 100, found \"3\""],
  ["saved a number", (r) => { r.saved = 12; }, "saved: expected a date and time like 2026-05-01T10:00:00.000Z, found 12"],
  ["saved an object", (r) => { r.saved = { toString: 1 }; }, "saved: expected a date and time like 2026-05-01T10:00:00.000Z, found an object"],
  ["saved not a date", (r) => { r.saved = "yesterday"; }, "saved: expected a date and time like 2026-05-01T10:00:00.000Z, found \"yesterday\""],
  ["values null", (r) => { r.values = null; }, "values: expected an object, found null"],
  ["values a list", (r) => { r.values = ["x"]; }, "values: expected an object, found a list"],
  ["page off-site", (r) => { r.page = "//evil.example/x"; }, "page: expected a path of this site, found \"//evil.example/x\""],
  ["page backslash", (r) => { r.page = "/\\evil.example/x"; }, "page: expected a path of this site"],
  ["page scheme", (r) => { r.page = "javascript:alert(1)"; }, "page: expected a path of this site"],
  ["page full address", (r) => { r.page = "https://evil.example/"; }, "page: expected a path of this site"],
  ["a value object", (r) => { r.values.answer = { html: "<b>" }; }, "values.answer: expected text, a list of options or a list of files, found an object"],
  ["huge text", (r) => { r.values.answer = "x".repeat(100001); }, "values.answer: expected at most 100000 characters, found 100001 characters"],
  ["a check not boolean", (r) => { r.checks["point-1"] = "yes"; }, "checks.point-1: expected true or false, found \"yes\""],
  ["file kind", (r) => { r.values.photos[0].kind = "html"; }, "values.photos[0].kind: expected photo or pdf, found \"html\""],
  ["file id", (r) => { r.values.photos[0].id = "../x"; }, "values.photos[0].id: expected a file's id"],
  ["title object", (r) => { r.title = { a: 1 }; }, "title: expected text, found an object"],
  ["orphan without label", (r) => { r.orphans.old = { value: "x" }; }, "orphans.old: expected a label and an answer, found an object"],
];

for (const [name, spoil, expected] of BAD) {
  test("a record is refused, saying what is wrong: " + name, () => {
    const record = good();
    spoil(record);
    const problems = cgRecords.problems(record);
    assert.ok(problems.length >= 1, name);
    assert.ok(problems[0].startsWith(expected), problems[0]);
  });
}

test("a table's rows are bounded by its published maximum where the page knows it", () => {
  const field = { id: "plan", answer: "rows", maxRows: 3 };
  assert.deepEqual(cgRecords.problems(good(), [field]), []);
  const record = good();
  record.rows.plan = 4;
  assert.deepEqual(cgRecords.problems(record, [field]), ["rows.plan: expected a number of rows from 0 to 3, found 4"]);
});

const jpegBase64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString("base64");
const pdfBase64 = Buffer.from("%PDF-1.7\n%...").toString("base64");
const backup = (files, records = [good()]) => ({ format: cgRecords.BACKUP_FORMAT, schema: 2, records, files });

test("a backup's files must be the bytes their type says", () => {
  assert.deepEqual(cgRecords.fileDataProblems(backup([
    { id: "ab12", kind: "photo", type: "image/jpeg", data: jpegBase64, thumb: "data:image/jpeg;base64," + jpegBase64 },
    { id: "cd34", kind: "pdf", type: "application/pdf", data: pdfBase64, thumb: null },
  ])), []);
  const html = Buffer.from("<html><script>alert(1)</script></html>").toString("base64");
  const problems = cgRecords.fileDataProblems(backup([
    { id: "ab12", kind: "photo", type: "image/jpeg", data: html },
    { id: "cd34", kind: "pdf", type: "text/html", data: html },
    { id: "ef56", kind: "pdf", type: "image/jpeg", data: jpegBase64 },
    { id: "gh78", kind: "photo", type: "image/jpeg", data: jpegBase64, thumb: "https://evil.example/t.jpg" },
    { id: "ij90", kind: "photo", type: "image/jpeg", data: "not base64!" },
  ]));
  assert.deepEqual(problems, [
    "file 1: data: expected the bytes of a JPEG picture, found other bytes",
    "file 2: type: expected image/jpeg or application/pdf, found \"text/html\"",
    "file 3: kind: expected photo for image/jpeg, found \"pdf\"",
    "file 4: thumb: expected a small JPEG picture, found \"https://evil.example/t.jpg\"",
    "file 5: data: expected the file's bytes in base64 (at most 20 MB), found 11 characters",
  ]);
});

test("every bad record of a backup is named, and a record that is no template's answers too", () => {
  const spoilt = good();
  spoilt.rows.plan = 1e9;
  const problems = cgRecords.fileDataProblems(backup([], [good(), spoilt, { schema: 2, credential: "../x", template: "t" }]));
  assert.deepEqual(problems, [
    "record 2 (t): rows.plan: expected a number of rows from 0 to 100, found 1000000000",
    "record 3: expected a template's answers (schema 2, a credential and a template), found an object",
  ]);
});

test("a template's export, which carries no labels, and a record of the first format are answers", () => {
  const exported = good();
  delete exported.labels;
  delete exported.orphans;
  assert.deepEqual(cgRecords.problems(exported), []);
  const first = cgRecords.migrate({ schema: 1, credential: "c", template: "t", values: { a: "x" } });
  assert.deepEqual(cgRecords.problems(first), []);
  const spoilt = good();
  spoilt.labels = "x";
  assert.deepEqual(cgRecords.problems(spoilt), ["labels: expected an object, found \"x\""]);
});
