// @ts-check
/*
 * Where answers are kept: this browser's localStorage, one entry per template,
 * keyed by the site's root so that two sites on one origin (GitHub Pages
 * projects) never share answers. Nothing here makes a network request.
 */
/* exported cgStorage */
const cgStorage = (() => {
  "use strict";

  const PREFIX = "credential-guides";

  /** The site's root path, from Material's configuration in the page. */
  function siteRoot() {
    const config = document.getElementById("__config");
    const base = config ? JSON.parse(config.textContent || "{}").base : ".";
    return new URL(base + "/", window.location.href).pathname;
  }

  /** @param {string} credential @param {string} template */
  function key(credential, template) {
    return [PREFIX, siteRoot(), credential, template].join("|");
  }

  /* Version 1 put its schema in the key, so a new schema would have lost every answer. */
  /** @param {string} credential @param {string} template */
  function legacyKey(credential, template) {
    return [PREFIX, "v1", siteRoot(), credential, template].join("|");
  }

  function backupKey() {
    return [PREFIX, siteRoot(), "last-backup"].join("|");
  }

  /**
   * A record as the pages may use it: null if it breaks the answer model (it is left as it is stored).
   * @param {Record<string, any> | null} record
   * @returns {AnswerRecord | null}
   */
  function kept(record) {
    return record && !cgRecords.problems(record).length ? /** @type {AnswerRecord} */ (record) : null;
  }

  /**
   * A template's record, older formats migrated; null if there is none, or if it breaks the answer model.
   * @param {string} credential
   * @param {string} template
   * @returns {AnswerRecord | null}
   */
  function read(credential, template) {
    const current = key(credential, template);
    try {
      let raw = window.localStorage.getItem(current);
      if (raw) return kept(cgRecords.migrate(JSON.parse(raw)));
      const legacy = legacyKey(credential, template);
      raw = window.localStorage.getItem(legacy);
      if (!raw) return null;
      const record = kept(cgRecords.migrate(JSON.parse(raw)));
      if (record) {
        window.localStorage.setItem(current, JSON.stringify(record));
        window.localStorage.removeItem(legacy);
      }
      return record;
    } catch (error) {
      return null;
    }
  }

  /** Keeps a record; throws what the browser throws when it refuses (storage full, private mode). @param {AnswerRecord} record */
  function write(record) {
    window.localStorage.setItem(key(record.credential, record.template), JSON.stringify(record));
  }

  /** @param {string} credential @param {string} template */
  function remove(credential, template) {
    window.localStorage.removeItem(key(credential, template));
  }

  /**
   * Every template with answers saved on this device for this site, older formats migrated.
   * @returns {AnswerRecord[]}
   */
  function all() {
    /** @type {Record<string, boolean>} */
    const found = {};
    const root = siteRoot();
    for (let i = 0; i < window.localStorage.length; i++) {
      const parts = String(window.localStorage.key(i)).split("|");
      if (parts[0] !== PREFIX) continue;
      if (parts.length === 5 && parts[1] === "v1" && parts[2] === root) found[parts[3] + "|" + parts[4]] = true;
      if (parts.length === 4 && parts[1] === root) found[parts[2] + "|" + parts[3]] = true;
    }
    return Object.keys(found).sort().map((id) => {
      const parts = id.split("|");
      return read(parts[0], parts[1]);
    }).filter(/** @returns {record is AnswerRecord} */ (record) => record !== null);
  }

  /** When the last backup of every answer was downloaded (an ISO time), or null. */
  function lastBackup() {
    return window.localStorage.getItem(backupKey());
  }

  /** @param {string} time */
  function setLastBackup(time) {
    window.localStorage.setItem(backupKey(), time);
  }

  return { siteRoot, key, read, write, remove, all, lastBackup, setLastBackup };
})();
