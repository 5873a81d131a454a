// The privacy check: telephone numbers in the shapes people write them are flagged, and the other
// numbers a teacher writes (dates, ranges, scores, years, totals, rooms) are not.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgText } = pure();

const PHONES = [
  "Call me at (202) 555-0148 after school",
  "202-555-0148",
  "202.555.0148",
  "202 555 0148",
  "1-202-555-0148",
  "+1 202 555 0148",
  "+1 (202) 555-0148",
  "2025550148",
  "call (555) 123-4567",
  "555-123-4567",
  "text 555-0148 tonight",
  "+44 20 7946 0958",
  "020 7946 0958",
  "07700 900123",
  "+52 55 1234 5678",
  "+33 1 23 45 67 89",
  "01 23 45 67 89",
  "+86 138 0013 8000",
  "+91 98765 43210",
  "+34 612 345 678",
];

const NOT_PHONES = [
  "The meeting is on 12-15-2026.",
  "2026-12-15",
  "12/15/2026",
  "15.12.2026",
  "Scores rose from 12-15 to 18-21",
  "the 2025-2026 school year",
  "years 2024 2025 2026",
  "scores 78 82 91 88 95",
  "555 1234 in a total",
  "Room 204, building 3",
  "ZIP 20036-3290",
  "$1,234,567 raised",
  "1 234 567 visitors",
  "from 10:30-11:45",
  "grades 3-5 and 6-8",
  "Goal: 85% of 120 families by 2027",
  "Unit 4.2.1 pages 12-14",
  "ISBN 978-0-306-40615-7",
  "Title I funds, code 1234-5678-90",
  "v1.2.3 of the plan",
  "student 1002003 of 1500",
  "school year 2026/2027",
  "23 of 24 families (96%)",
];

test("telephone numbers in common formats are flagged", () => {
  for (const text of PHONES) assert.equal(cgText.hasContactDetails(text), true, text);
});

test("numbers that are not telephone numbers are not flagged", () => {
  for (const text of NOT_PHONES) assert.equal(cgText.hasContactDetails(text), false, text);
});

test("email addresses are flagged and a lone @ is not", () => {
  assert.equal(cgText.hasContactDetails("write to ms.rivera@school.example.org"), true);
  assert.equal(cgText.hasContactDetails("meet @ the library"), false);
});
