// Addresses in answers: found whole in a sentence, only the schemes the site allows, and cut at sensible points.
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./load");

const { cgText } = pure();

const joined = (parts) => parts.map((part) => part.text).join("");
const links = (text) => cgText.linkParts(text).filter((part) => part.url).map((part) => part.url);

test("an address in a sentence is linked without the punctuation after it", () => {
  const text = "Our folder is https://drive.example.org/drive/folders/1AbC?usp=sharing. See also (https://example.org/a_(b)), and mailto:office@school.example.org!";
  assert.deepEqual(links(text), [
    "https://drive.example.org/drive/folders/1AbC?usp=sharing",
    "https://example.org/a_(b)",
    "mailto:office@school.example.org",
  ]);
  assert.equal(joined(cgText.linkParts(text)), text);
});

test("only https, http and mailto are linked; other schemes and look-alikes stay text", () => {
  for (const text of [
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "vbscript:msgbox",
    "see www.example.org",
    "https://",
    "http:// nothing",
    "mailto:",
  ]) {
    assert.deepEqual(links(text), [], text);
    assert.equal(joined(cgText.linkParts(text)), text);
  }
  assert.deepEqual(links("HTTPS://EXAMPLE.ORG/A"), ["HTTPS://EXAMPLE.ORG/A"]);
});

test("a text without addresses is one plain part, an empty one included", () => {
  assert.deepEqual(cgText.linkParts("Family night, room 12."), [{ text: "Family night, room 12.", url: null }]);
  assert.deepEqual(cgText.linkParts(""), [{ text: "", url: null }]);
});

test("a long address is cut after its separators and in long runs, and rejoins whole", () => {
  const address = "https://drive.example.org/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?usp=sharing&x=1";
  const pieces = cgText.addressPieces(address);
  assert.equal(pieces.join(""), address);
  assert.ok(pieces.every((piece) => piece.length <= 24), pieces.join(" | "));
  assert.equal(pieces[0], "https://");
  assert.ok(pieces.includes("folders/"));
});
