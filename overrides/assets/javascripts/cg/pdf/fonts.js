// @ts-check
/*
 * What DejaVu Sans cannot draw in a hand-in PDF (Arabic, Hebrew, Devanagari,
 * Chinese, Japanese, Korean, emoji) drawn with the Noto faces the site serves
 * (browser_fonts.py), loaded only for the characters the answers hold: a
 * teacher who writes English loads none of them. pdfkit draws a text in one
 * font; here its measuring (widthOfString) and drawing (_fragment) of a
 * piece of a line go run by run, each run in the first font that has its
 * characters, so lines wrap, tables size their cells and links underline as
 * with one font. A phrase of Arabic or Hebrew is a run of its own, laid out
 * right to left (fontkit shapes each word, the words go last first) in a line
 * that runs left to right: the usual case of a family's words quoted in an
 * English answer (a whole answer in a right-to-left language is not laid out
 * as such: there is no paragraph direction here). Readers read such runs back
 * in their order (pdftotext does); ActualText would not help them: poppler
 * moves text so marked out of its line. Nothing here makes a network request
 * beyond this site's own vendored scripts.
 */
/* exported cgPdfFallback */
const cgPdfFallback = (() => {
  "use strict";

  /** What is in a text without being drawn: spaces, joiners and the selectors that choose an emoji's look.
   * @param {number} code */
  const undrawn = (code) => code <= 0x20 || (code >= 0x200b && code <= 0x200f) || (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef) ||
    /\s/.test(String.fromCodePoint(code));

  /** @typedef {{ hasGlyphForCodePoint: (code: number) => boolean }} Glyphs a fontkit font */
  /** @typedef {{ name: string, glyphs: Glyphs }} Face */
  /** @typedef {{ text: string, face: string | null, rtl: boolean }} Run a run of a text, in a face or (null) the
   * text's own font, and whether it is written right to left */

  /** A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
   * @param {number} code */
  const rightToLeft = (code) => (code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc);

  /**
   * A text as runs, each in the first font that draws its characters: the text's own font, then the faces
   * in order. A space or joiner stays in the run it is in when that run's font has it, so that a phrase of
   * Arabic or a sentence of Chinese is one run (shaped and ordered as one); one no font has is left out, as
   * it draws nothing. A character no font draws stays in the text's own font (and is named to the teacher).
   * Right-to-left letters and the spaces between them are runs of their own.
   * @param {string} text
   * @param {Glyphs} own
   * @param {Face[]} faces
   * @returns {Run[]}
   */
  function runs(text, own, faces) {
    /** @type {Run[]} */
    const found = [];
    for (const character of text) {
      const code = /** @type {number} */ (character.codePointAt(0));
      const last = found[found.length - 1];
      const lastFace = last && last.face !== null ? faces.find((face) => face.name === last.face) : undefined;
      /** @type {string | null | undefined} */
      let face;
      if (undrawn(code) && lastFace && lastFace.glyphs.hasGlyphForCodePoint(code)) face = lastFace.name;
      else if (own.hasGlyphForCodePoint(code)) face = null;
      else if (undrawn(code)) continue;
      else {
        const drawing = faces.find((candidate) => candidate.glyphs.hasGlyphForCodePoint(code));
        face = drawing ? drawing.name : null;
      }
      const rtl = rightToLeft(code) || (Boolean(last && last.rtl) && /\s/.test(character) && last.face === face);
      if (last && last.face === face && last.rtl === rtl) last.text += character;
      else found.push({ text: character, face, rtl });
    }
    /* Spaces after the last right-to-left letter of a run are the line's, not the phrase's. */
    for (let at = 0; at < found.length; at++) {
      const run = found[at];
      const trailing = run.rtl ? /\s+$/.exec(run.text) : null;
      const next = found[at + 1];
      if (!trailing || (next && next.rtl && next.face === run.face)) continue;
      run.text = run.text.slice(0, trailing.index);
      found.splice(at + 1, 0, { text: trailing[0], face: run.face, rtl: false });
    }
    return found;
  }

  /**
   * The characters of the texts the font cannot draw, by code point.
   * @param {string[]} texts
   * @param {Glyphs} own
   * @returns {Set<number>}
   */
  function missing(texts, own) {
    /** @type {Set<number>} */
    const codes = new Set();
    for (const text of texts) {
      for (const character of text) {
        const code = /** @type {number} */ (character.codePointAt(0));
        if (!undrawn(code) && !own.hasGlyphForCodePoint(code)) codes.add(code);
      }
    }
    return codes;
  }

  /**
   * The names of the faces that draw the characters, from the site's index (browser_fonts.face_runs).
   * @param {Set<number>} codes
   * @param {{ faces: string[], runs: string }} index
   * @returns {string[]}
   */
  function facesFor(codes, index) {
    /** @type {Map<number, number>} */
    const owner = new Map();
    let end = 0;
    for (const run of index.runs.split(",")) {
      const [gap, length, face] = run.split(".");
      const start = end + parseInt(gap, 36);
      end = start + (length ? parseInt(length, 36) : 1);
      for (const code of codes) if (code >= start && code < end) owner.set(code, parseInt(face, 36));
    }
    return [...new Set([...owner.values()])].sort((a, b) => a - b).map((at) => index.faces[at]);
  }

  /**
   * The faces the texts need that the site has, loaded and registered with the document; the document
   * then draws each piece of a line run by run (see above). Resolves, at once when no face is needed, to
   * whether a character is drawn by the document's font or a face.
   * @param {any} doc a pdfkit document, its fonts registered and its own font chosen
   * @param {string[]} texts
   * @returns {Promise<(code: number) => boolean>}
   */
  function install(doc, texts) {
    const own = doc._font.font;
    const codes = missing(texts, own);
    const ownOnly = (/** @type {number} */ code) => own.hasGlyphForCodePoint(code);
    if (!codes.size) {
      if (texts.some((text) => [...text].some((character) => rightToLeft(/** @type {number} */ (character.codePointAt(0)))))) drawWith(doc, []);
      return Promise.resolve(ownOnly);
    }
    return cgScripts.loadVendor("fonts/index.js", "cgPdfFallbackIndex").then(() => {
      const names = facesFor(codes, /** @type {any} */ (window).cgPdfFallbackIndex);
      return Promise.all(names.map(loadFace)).then((loaded) => {
        const faces = drawWith(doc, loaded);
        return (/** @type {number} */ code) => own.hasGlyphForCodePoint(code) || faces.some((face) => face.glyphs.hasGlyphForCodePoint(code));
      });
    });
  }

  /** @param {string} name @returns {Promise<{ name: string, bytes: Uint8Array }>} */
  function loadFace(name) {
    const data = () => (/** @type {any} */ (window).cgPdfFallbackFonts || {})[name];
    return (data() ? Promise.resolve() : cgScripts.vendorScript("fonts/" + name + ".js"))
      .then(() => ({ name, bytes: cgDevice.base64Bytes(data()) }));
  }

  /**
   * @param {any} doc
   * @param {{ name: string, bytes: Uint8Array }[]} loaded
   * @returns {Face[]}
   */
  function drawWith(doc, loaded) {
    const own = doc._font;
    /** @type {Map<string, any>} the faces as pdfkit fonts */
    const fonts = new Map();
    loaded.forEach(({ name, bytes }) => {
      doc.registerFont(name, bytes);
      doc.font(name);
      fonts.set(name, doc._font);
    });
    doc._font = own;
    /** @type {Face[]} */
    const faces = loaded.map(({ name }) => ({ name, glyphs: fonts.get(name).font }));
    /** @param {string} text */
    const split = (text) => runs(text, doc._font.font, faces);
    const single = (/** @type {Run[]} */ parts) => parts.length <= 1 && (!parts.length || (parts[0].face === null && !parts[0].rtl));

    const widthOfString = doc.widthOfString.bind(doc);
    doc.widthOfString = (/** @type {string} */ text, /** @type {any} */ options = {}) => {
      const parts = split(text);
      if (single(parts)) return widthOfString(parts.length ? parts[0].text : "", options);
      return parts.reduce((sum, part) => sum + inFont(doc, part.face && fonts.get(part.face), () => widthOfString(part.text, options)), 0);
    };

    /* Each run is drawn on the line's baseline in the text's own font, so that the runs of a line sit on one. */
    const fragment = doc._fragment.bind(doc);
    doc._fragment = (/** @type {string} */ text, /** @type {number} */ x, /** @type {number} */ y, /** @type {any} */ options) => {
      const parts = split(`${text}`.replace(/\n/g, ""));
      if (single(parts)) return fragment(parts.length ? parts[0].text : "", x, y, options);
      const baseline = -(doc._font.ascender / 1000) * doc._fontSize;
      let at = x;
      if (options.width && options.align === "center") at += options.lineWidth / 2 - options.textWidth / 2;
      else if (options.width && options.align === "right") at += options.lineWidth - options.textWidth;
      parts.forEach((part) => {
        inFont(doc, part.face && fonts.get(part.face), () => {
          /* Right to left, word by word: each word laid out (and shaped) by fontkit, the last one first. */
          const pieces = part.rtl ? part.text.split(/(\s+)/).filter(Boolean).reverse() : [part.text];
          pieces.forEach((piece) => {
            const wide = widthOfString(piece, options);
            fragment(piece, at, y, { ...options, align: "left", wordSpacing: 0, textWidth: wide, wordCount: 1, baseline });
            at += wide;
          });
        });
      });
      return undefined;
    };
    return faces;
  }

  /**
   * @template T
   * @param {any} doc @param {any} font a pdfkit font, or null for the document's own @param {() => T} work
   * @returns {T}
   */
  function inFont(doc, font, work) {
    if (!font) return work();
    const own = doc._font;
    doc._font = font;
    try {
      return work();
    } finally {
      doc._font = own;
    }
  }

  return { runs, missing, facesFor, install, undrawn, rightToLeft };
})();
