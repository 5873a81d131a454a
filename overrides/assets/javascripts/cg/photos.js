// @ts-check
/*
 * A chosen file made ready to keep. A photo is decoded by the browser (its
 * orientation applied), drawn at most cgFiles.LONG_SIDE pixels long onto a
 * canvas and encoded anew as JPEG: what the camera wrote into the file (GPS
 * position, time, make, model, serial number) is not carried over, because a
 * canvas holds pixels only. A PDF scan is checked with the vendored pdf-lib
 * (loaded only then) and kept as chosen. A file that cannot be taken is
 * refused with a message that names it; nothing already kept changes.
 */
/* exported cgPhotos */
const cgPhotos = (() => {
  "use strict";

  const QUALITY = 0.85;

  class Refusal extends Error {}

  /** @param {HTMLCanvasElement} canvas @param {number} quality @returns {Promise<Blob>} */
  function toJpeg(canvas, quality) {
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the photo"))),
        "image/jpeg", quality);
    });
  }

  /** @param {CanvasImageSource} source @param {{ width: number, height: number }} size */
  function draw(source, size) {
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingQuality = "high";
    context.drawImage(source, 0, 0, size.width, size.height);
    return canvas;
  }

  /** @param {File} file @returns {Promise<StoredFile>} */
  function photo(file) {
    return window.createImageBitmap(file, { imageOrientation: "from-image" }).catch(() => {
      throw new Refusal(cgFiles.isHeic(file) ? cgWords.heicUnreadable(file.name) : cgWords.unreadablePhoto(file.name));
    }).then((bitmap) => {
      const kept = draw(bitmap, cgFiles.fitted(bitmap.width, bitmap.height));
      bitmap.close();
      const thumb = draw(kept, cgFiles.fitted(kept.width, kept.height, cgFiles.THUMB_SIDE)).toDataURL("image/jpeg", 0.8);
      return toJpeg(kept, QUALITY).then((blob) => {
        const { width, height } = kept;
        kept.width = 0;
        return { id: cgFileStore.newId(), blob, thumb, name: file.name, kind: "photo", bytes: blob.size, width, height };
      });
    });
  }

  /** @param {File} file @returns {Promise<StoredFile>} */
  function scan(file) {
    return Promise.all([file.arrayBuffer(), cgScripts.loadVendor("pdf-lib.min.js", "PDFLib")]).then(([bytes]) => {
      const head = new TextDecoder("latin1").decode(new Uint8Array(bytes, 0, Math.min(1024, bytes.byteLength)));
      if (head.indexOf("%PDF-") === -1) throw new Refusal(cgWords.unreadablePdf(file.name));
      return Promise.resolve().then(() => window.PDFLib.PDFDocument.load(bytes, { updateMetadata: false }))
        .then((/** @type {any} */ pdf) => pdf.getPageCount())
        .catch((/** @type {Error} */ error) => {
          throw new Refusal(/encrypt/i.test(String(error && error.message)) ? cgWords.encryptedPdf(file.name) : cgWords.unreadablePdf(file.name));
        })
        .then((/** @type {number} */ pages) => {
          if (!pages) throw new Refusal(cgWords.unreadablePdf(file.name));
          const blob = new Blob([bytes], { type: "application/pdf" });
          return { id: cgFileStore.newId(), blob, thumb: null, name: file.name, kind: "pdf", bytes: blob.size, pages };
        });
    });
  }

  /**
   * A chosen file, ready to keep; rejects with a Refusal (its message for the teacher) when it is not
   * of a kind the field takes, too large, or unreadable.
   * @param {File} file
   * @param {FileKind[]} accept
   * @returns {Promise<StoredFile>}
   */
  function prepare(file, accept) {
    const kind = cgFiles.kindOf(file);
    if (!kind || accept.indexOf(kind) === -1) return Promise.reject(new Refusal(cgWords.notAccepted(file.name, accept)));
    if (file.size > cgFiles.MAX_BYTES[kind]) {
      return Promise.reject(new Refusal(cgWords.tooLarge(file.name, file.size, cgFiles.MAX_BYTES[kind])));
    }
    return kind === "pdf" ? scan(file) : photo(file);
  }

  return { prepare, Refusal };
})();
