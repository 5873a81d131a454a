// @ts-check
/*
 * Files and the clipboard of this device: a download, a chosen file read as
 * JSON, bytes to and from base64, a copy to the clipboard.
 */
/* exported cgDevice */
const cgDevice = (() => {
  "use strict";

  /** Bytes written in base64 (the PDF fonts, files in a backup). @param {string} text */
  function base64Bytes(text) {
    const binary = window.atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** A blob in base64, for a JSON file. @param {Blob} blob @returns {Promise<string>} */
  function blobBase64(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  /** @param {Blob} blob @param {string} name */
  function saveBlob(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => { URL.revokeObjectURL(link.href); }, 1000);
  }

  /** @param {string} name @param {unknown} data */
  function saveJson(name, data) {
    saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), name);
  }

  /**
   * A chosen file's JSON, or undefined when it is not JSON.
   * @param {File} file
   * @returns {Promise<unknown>}
   */
  function readJson(file) {
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => {
        try {
          resolve(JSON.parse(String(reader.result)));
        } catch (error) {
          resolve(undefined);
        }
      };
      reader.onerror = () => resolve(undefined);
      reader.readAsText(file);
    });
  }

  /** @param {string} text @returns {Promise<void>} */
  function copyText(text) {
    if (window.navigator.clipboard && window.isSecureContext) return window.navigator.clipboard.writeText(text);
    return new Promise((resolve, reject) => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "cg-sr-only";
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      if (copied) resolve();
      else reject(new Error("the browser refused to copy"));
    });
  }

  return { base64Bytes, blobBase64, saveBlob, saveJson, readJson, copyText };
})();
