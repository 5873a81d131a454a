// @ts-check
/*
 * Where the teacher's files are kept: this browser's IndexedDB, one database
 * per site root (like the answers in storage.js), one entry per file under
 * the id its record names. Nothing here makes a network request.
 */
/* exported cgFileStore */
const cgFileStore = (() => {
  "use strict";

  const STORE = "files";
  /** @type {Promise<IDBDatabase> | null} */
  let opened = null;

  function open() {
    if (!opened) {
      opened = new Promise((resolve, reject) => {
        const request = window.indexedDB.open("credential-guides|" + cgStorage.siteRoot() + "|files", 1);
        request.onupgradeneeded = () => { request.result.createObjectStore(STORE, { keyPath: "id" }); };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      opened.catch(() => { opened = null; });
    }
    return opened;
  }

  /**
   * Runs one transaction; resolves with the request's result once the transaction has committed (so a
   * refusal for want of space rejects, with the browser's QuotaExceededError).
   * @template T
   * @param {IDBTransactionMode} mode
   * @param {(store: IDBObjectStore) => IDBRequest<T> | void} work
   * @returns {Promise<T | undefined>}
   */
  function run(mode, work) {
    return open().then((db) => new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = () => reject(transaction.error || (request && request.error));
      transaction.onabort = () => reject(transaction.error || new DOMException("aborted", "AbortError"));
    }));
  }

  /** @param {StoredFile} file @returns {Promise<void>} */
  function put(file) {
    return run("readwrite", (store) => store.put(file)).then(() => undefined);
  }

  /** @param {string} id @returns {Promise<StoredFile | undefined>} */
  function get(id) {
    return run("readonly", (store) => store.get(id));
  }

  /**
   * The files of these ids that this browser holds, by id.
   * @param {string[]} ids
   * @returns {Promise<Map<string, StoredFile>>}
   */
  function getMany(ids) {
    /** @type {Map<string, StoredFile>} */
    const found = new Map();
    if (!ids.length) return Promise.resolve(found);
    return run("readonly", (store) => {
      ids.forEach((id) => {
        const request = store.get(id);
        request.onsuccess = () => { if (request.result) found.set(id, request.result); };
      });
    }).then(() => found);
  }

  /** @param {string[]} ids @returns {Promise<void>} */
  function remove(ids) {
    if (!ids.length) return Promise.resolve();
    return run("readwrite", (store) => { ids.forEach((id) => store.delete(id)); }).then(() => undefined);
  }

  /** Every file kept for this site. @returns {Promise<StoredFile[]>} */
  function all() {
    return run("readonly", (store) => /** @type {IDBRequest<StoredFile[]>} */ (store.getAll())).then((files) => files || []);
  }

  /** How many files this site keeps and their bytes; and what the browser says it allows the site, if it says. */
  function usage() {
    const estimate = window.navigator.storage && window.navigator.storage.estimate
      ? window.navigator.storage.estimate().catch(() => null) : Promise.resolve(null);
    return Promise.all([all(), estimate]).then(([files, quota]) => ({
      files: files.length,
      bytes: files.reduce((sum, file) => sum + (file.bytes || 0), 0),
      quota: quota && quota.quota ? quota.quota : null,
    }));
  }

  /** A new file's id: random, so that two tabs adding at once never clash. */
  function newId() {
    const bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  return { put, get, getMany, remove, all, usage, newId };
})();
