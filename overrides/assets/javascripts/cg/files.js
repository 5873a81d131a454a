// @ts-check
/*
 * The files of a "files" field, as a record keeps them: a list of entries in
 * the teacher's order, each naming a file kept in this browser's IndexedDB
 * (filestore.js) with its date and description. A removed file stays in the
 * list as a marker ({ id, removed: true, edited }) so that another tab's
 * older copy of the list cannot bring it back. What kind a chosen file is and
 * how large a photo is kept are decided here too. Pure.
 */
/* exported cgFiles */
const cgFiles = (() => {
  "use strict";

  /** The long side of a kept photo, in pixels: sharp on a printed page, about 0.3–0.8 MB as JPEG. */
  const LONG_SIDE = 2000;
  /** The long side of the picture shown in the page and in print. */
  const THUMB_SIDE = 640;
  /** The largest file taken, before it is made smaller: a photo, a PDF scan. */
  const MAX_BYTES = { photo: 40 * 1024 * 1024, pdf: 20 * 1024 * 1024 };

  const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
  const PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic", "heif"];

  /**
   * What a chosen file is by its type and name: a photo, a PDF, or neither (null).
   * @param {{ name: string, type: string }} file
   * @returns {FileKind | null}
   */
  function kindOf(file) {
    const extension = (file.name.split(".").pop() || "").toLowerCase();
    if (file.type === "application/pdf" || (!file.type && extension === "pdf") || extension === "pdf") return "pdf";
    if (PHOTO_TYPES.indexOf(file.type) !== -1 || (!file.type && PHOTO_EXTENSIONS.indexOf(extension) !== -1)) return "photo";
    if (file.type === "" && (extension === "heic" || extension === "heif")) return "photo";
    return null;
  }

  /** Whether a file is an iPhone's HEIC/HEIF photo, which only some browsers can read. @param {{ name: string, type: string }} file */
  function isHeic(file) {
    return /^image\/hei[cf]$/.test(file.type) || /\.hei[cf]$/i.test(file.name);
  }

  /**
   * The size a photo is kept at: the long side at most `side`, never enlarged.
   * @param {number} width
   * @param {number} height
   * @param {number} [side]
   */
  function fitted(width, height, side = LONG_SIDE) {
    const scale = Math.min(1, side / Math.max(width, height));
    return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  }

  /**
   * A picture's size to show it in a box: as large as fits, never enlarged.
   * @param {number} width
   * @param {number} height
   * @param {{ width: number, height: number }} box
   */
  function within(width, height, box) {
    const scale = Math.min(box.width / (width || 1), box.height / (height || 1), 1);
    return { width: (width || 1) * scale, height: (height || 1) * scale };
  }

  /** Whether a value is a (non-empty) list of files, not a checklist's options. @param {unknown} value @returns {value is FileEntry[]} */
  function isList(value) {
    return Array.isArray(value) && value.length > 0 && value.every((item) => item !== null && typeof item === "object" && typeof item.id === "string");
  }

  /** The files a list holds (not those removed). @param {unknown} value @returns {FileEntry[]} */
  function live(value) {
    return isList(value) ? value.filter((item) => !item.removed) : [];
  }

  /**
   * One tab's list of a field's files saved over the list kept (perhaps newer, from another tab):
   * an entry both lists hold is taken from whichever was edited later; an entry only the kept list
   * holds (added in another tab) is kept, after this tab's. So no tab loses another's files.
   * @param {unknown} kept
   * @param {unknown} mine
   * @returns {FileEntry[]}
   */
  function merge(kept, mine) {
    const theirs = isList(kept) ? kept : [];
    const ours = isList(mine) ? mine : [];
    const byId = new Map(theirs.map((item) => [item.id, item]));
    const merged = ours.map((item) => {
      const other = byId.get(item.id);
      return other && String(other.edited || "") > String(item.edited || "") ? other : item;
    });
    const known = new Set(ours.map((item) => item.id));
    theirs.forEach((item) => { if (!known.has(item.id)) merged.push(item); });
    return merged;
  }

  /**
   * What keeps a field's files from complete: too few, or some without the date or description
   * the field asks for (their numbers, counted among the files kept).
   * @param {FilesSpec} spec
   * @param {unknown} value
   * @returns {{ count: number, undescribed: number[] }}
   */
  function review(spec, value) {
    const items = live(value);
    const undescribed = [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if ((spec.date && !String(item.date || "").trim()) || (spec.description && !String(item.description || "").trim())) {
        undescribed.push(index + 1);
      }
    }
    return { count: items.length, undescribed };
  }

  return { LONG_SIDE, THUMB_SIDE, MAX_BYTES, kindOf, isHeic, fitted, within, isList, live, merge, review };
})();
