// @ts-check
/*
 * A template's answers as kept: the record's format, its migration from older
 * formats, and what can be said of a record without its page. Pure.
 *
 * A record: { schema, credential, template, title?, page?, saved?, values, checks, rows, labels, orphans }
 *   values  — box name -> text, or a list of ticked options; a table's cells are named "field.row.column";
 *             a files field -> its list of files (files.js)
 *   checks  — self-check point id -> ticked
 *   rows    — table field id -> rows in use
 *   labels  — box name -> what the box was called when saved
 *   orphans — box name -> { label, value }: answers to questions the template no longer has
 */
/* exported cgRecords */
const cgRecords = (() => {
  "use strict";

  const SCHEMA = 2;
  const EXPORT_FORMAT = "credential-guides-answers";
  const BACKUP_FORMAT = "credential-guides-backup";
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  /** The prefix of a self-check box's name; the rest is the point's id. */
  const CHECK_PREFIX = "check:";

  /**
   * A stored or exported record of any earlier format, brought up to this one; null if it is none.
   * @param {any} record
   * @returns {Record<string, any> | null}
   */
  function migrate(record) {
    if (!record || typeof record !== "object") return null;
    if (record.schema === 1) {
      record = {
        schema: 2,
        credential: record.credential,
        template: record.template,
        saved: record.saved,
        values: record.values || {},
        checks: record.checks || {},
        rows: record.rows || {},
        labels: {},
        orphans: {},
      };
    }
    /** @param {unknown} id */
    const isId = (id) => typeof id === "string" && ID.test(id);
    if (record.schema !== SCHEMA || !isId(record.credential) || !isId(record.template)) return null;
    return record;
  }

  /** The answer model's bounds, the same for a record kept, restored from a backup or imported. */
  const LIMITS = { text: 100000, short: 5000, boxes: 5000, options: 500, rows: 100, files: 50, path: 2000 };
  /** An ISO time as Date.prototype.toISOString writes it. */
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
  /** A path of this site: from its root, never another host ("//host", "/\\host") or scheme. */
  const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;
  const FILE_KINDS = ["photo", "pdf"];

  /** @param {unknown} value @returns {value is Record<string, unknown>} */
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  /** @param {unknown} value @param {number} most */
  const isText = (value, most) => typeof value === "string" && value.length <= most;
  /** @param {unknown} value */
  const shown = (value) => {
    const text = typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? "a list" : value === null ? "null" : typeof value === "object" ? "an object" : String(value);
    return text.length > 40 ? text.slice(0, 37) + "..." : text;
  };

  /**
   * What is wrong with a record (migrated) against the answer model, each as "where: expected …, found …";
   * empty when nothing is. ``fields``, the template's fields where the page knows them, bound each
   * table's rows by its published maximum.
   * @param {Record<string, any>} record
   * @param {FieldSpec[]} [fields]
   * @returns {string[]}
   */
  function problems(record, fields) {
    /** @type {string[]} */
    const found = [];
    /** @param {string} where @param {string} expected @param {unknown} value */
    const wrong = (where, expected, value) => { found.push(where + ": expected " + expected + ", found " + shown(value)); };
    /** @param {string} where @param {string} expected @param {string} what */
    const tooMany = (where, expected, what) => { found.push(where + ": expected " + expected + ", found " + what); };
    if (record.title !== undefined && !isText(record.title, LIMITS.short)) wrong("title", "text", record.title);
    if (record.credentialTitle !== undefined && !isText(record.credentialTitle, LIMITS.short)) {
      wrong("credentialTitle", "text", record.credentialTitle);
    }
    if (record.page !== undefined && !(isText(record.page, LIMITS.path) && SITE_PATH.test(record.page))) {
      wrong("page", "a path of this site", record.page);
    }
    if (record.saved !== undefined && !(typeof record.saved === "string" && ISO_TIME.test(record.saved) && !isNaN(Date.parse(record.saved)))) {
      wrong("saved", "a date and time like 2026-05-01T10:00:00.000Z", record.saved);
    }
    if (!isObject(record.values)) wrong("values", "an object", record.values);
    /* An export carries no labels; a record of schema 1 had no orphans. */
    for (const part of ["checks", "rows", "labels", "orphans"]) {
      if (record[part] !== undefined && !isObject(record[part])) wrong(part, "an object", record[part]);
    }
    if (found.length) return found;
    const { checks = {}, rows = {}, labels = {}, orphans = {} } = record;
    const names = Object.keys(record.values);
    if (names.length > LIMITS.boxes) tooMany("values", "at most " + LIMITS.boxes + " answers", names.length + " answers");
    for (const name of names.slice(0, LIMITS.boxes)) {
      const value = record.values[name];
      const where = "values." + name;
      if (typeof value === "string") {
        if (value.length > LIMITS.text) tooMany(where, "at most " + LIMITS.text + " characters", value.length + " characters");
      } else if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
        if (value.length > LIMITS.options || value.some((item) => item.length > LIMITS.short)) tooMany(where, "a short list of options", value.length + " options");
      } else if (cgFiles.isList(value)) {
        if (value.length > 2 * LIMITS.files) tooMany(where, "at most " + LIMITS.files + " files", value.length + " files");
        value.forEach((entry, index) => fileProblems(entry).forEach((problem) => found.push(where + "[" + index + "]." + problem)));
      } else if (!(Array.isArray(value) && value.length === 0)) {
        wrong(where, "text, a list of options or a list of files", value);
      }
    }
    for (const id of Object.keys(checks)) {
      if (typeof checks[id] !== "boolean") wrong("checks." + id, "true or false", checks[id]);
    }
    const tables = new Map((fields || []).map((field) => [field.id, field]));
    for (const id of Object.keys(rows)) {
      const field = tables.get(id);
      const most = field && typeof field.maxRows === "number" ? field.maxRows : LIMITS.rows;
      const count = rows[id];
      if (!(Number.isInteger(count) && count >= 0 && count <= most)) wrong("rows." + id, "a number of rows from 0 to " + most, count);
    }
    for (const name of Object.keys(labels)) {
      if (!isText(labels[name], LIMITS.short)) wrong("labels." + name, "text", labels[name]);
    }
    for (const name of Object.keys(orphans)) {
      const orphan = orphans[name];
      const value = isObject(orphan) ? orphan.value : undefined;
      const valueFits = isText(value, LIMITS.text) || (Array.isArray(value) && value.length <= LIMITS.files * 2);
      if (!isObject(orphan) || !isText(orphan.label, LIMITS.short) || !valueFits) wrong("orphans." + name, "a label and an answer", orphan);
    }
    return found;
  }

  /** @param {unknown} entry @returns {string[]} */
  function fileProblems(entry) {
    if (!isObject(entry)) return ["entry: expected a file, found " + shown(entry)];
    /** @type {string[]} */
    const found = [];
    if (!(typeof entry.id === "string" && ID_OR_FILE.test(entry.id))) found.push("id: expected a file's id, found " + shown(entry.id));
    if (entry.removed === true) return found;
    if (!FILE_KINDS.includes(String(entry.kind))) found.push("kind: expected photo or pdf, found " + shown(entry.kind));
    for (const key of ["name", "date", "description", "edited"]) {
      if (entry[key] !== undefined && !isText(entry[key], LIMITS.short)) found.push(key + ": expected text, found " + shown(entry[key]));
    }
    for (const key of ["bytes", "width", "height", "pages"]) {
      const value = entry[key];
      if (value !== undefined && !(Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 1e9)) {
        found.push(key + ": expected a whole number, found " + shown(value));
      }
    }
    return found;
  }

  /** What a kept file's first bytes must be, by its type: a photo is always re-encoded as JPEG (photos.js). */
  const MAGIC = { "image/jpeg": [0xff, 0xd8, 0xff], "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d] };
  const KIND_OF_TYPE = { "image/jpeg": "photo", "application/pdf": "pdf" };
  const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
  const THUMB = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/;
  /** Base64 characters of the largest file kept: a 20 MB PDF (photos.js). */
  const MAX_FILE_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

  /**
   * What is wrong with one file of a backup or export ({ id, type, data, kind, thumb, … }): empty when
   * nothing is. Its bytes must be what its type says (a file that says JPEG and holds a page is refused).
   * @param {unknown} file
   * @returns {string[]}
   */
  function packedFileProblems(file) {
    if (!isObject(file)) return ["expected a file, found " + shown(file)];
    /** @type {string[]} */
    const found = fileProblems({ ...file, edited: undefined, date: undefined, description: undefined });
    const type = String(file.type);
    const magic = MAGIC[/** @type {keyof typeof MAGIC} */ (type)];
    if (!magic) return [...found, "type: expected image/jpeg or application/pdf, found " + shown(file.type)];
    if (file.kind !== KIND_OF_TYPE[/** @type {keyof typeof KIND_OF_TYPE} */ (type)]) found.push("kind: expected " + KIND_OF_TYPE[/** @type {keyof typeof KIND_OF_TYPE} */ (type)] + " for " + type + ", found " + shown(file.kind));
    if (file.thumb !== undefined && file.thumb !== null && !(typeof file.thumb === "string" && THUMB.test(file.thumb) && file.thumb.length < 2000000)) {
      found.push("thumb: expected a small JPEG picture, found " + shown(file.thumb));
    }
    const data = file.data;
    if (!(typeof data === "string" && data.length <= MAX_FILE_BASE64 && data.length % 4 === 0 && BASE64.test(data))) {
      return [...found, "data: expected the file's bytes in base64 (at most 20 MB), found " + (typeof data === "string" ? data.length + " characters" : shown(data))];
    }
    let head = "";
    try {
      head = atob(data.slice(0, 12));
    } catch (error) {
      head = "";
    }
    if (!magic.every((byte, index) => head.charCodeAt(index) === byte)) {
      found.push("data: expected the bytes of " + (type === "application/pdf" ? "a PDF" : "a JPEG picture") + ", found other bytes");
    }
    return found;
  }

  /**
   * Everything wrong with a file of answers (``fromFile``'s input), each naming its record or file:
   * a record that is no template's answers, one that breaks the answer model, a file whose bytes are
   * not what it says. Empty when the file may be restored.
   * @param {any} data
   * @returns {string[]}
   */
  function fileDataProblems(data) {
    if (!isObject(data)) return [];
    /** @type {unknown[]} */
    const items = data.format === EXPORT_FORMAT ? [{ ...data, saved: data.saved || data.exported }]
      : Array.isArray(data.records) ? data.records : [];
    /** @type {string[]} */
    const found = [];
    items.forEach((item, index) => {
      const where = "record " + (index + 1);
      const record = migrate(isObject(item) ? { ...item } : item);
      if (!record) {
        found.push(where + ": expected a template's answers (schema " + SCHEMA + ", a credential and a template), found " + shown(item));
        return;
      }
      delete record.format;
      delete record.exported;
      problems(record).forEach((problem) => found.push(where + " (" + record.template + "): " + problem));
    });
    if (data.files !== undefined && !Array.isArray(data.files)) found.push("files: expected a list, found " + shown(data.files));
    (Array.isArray(data.files) ? data.files : []).forEach((file, index) => {
      packedFileProblems(file).forEach((problem) => found.push("file " + (index + 1) + ": " + problem));
    });
    return found;
  }

  /** A file's id as files.js makes them: letters, digits, "-" and "_". */
  const ID_OR_FILE = /^[A-Za-z0-9_-]{1,100}$/;

  /** The key of a change to a table's rows (added, removed, moved): its every cell goes with it. */
  const ROWS_PREFIX = "rows:";
  /** The key of a change to the kept answers of questions that are gone. */
  const ORPHANS = "orphans:";

  /**
   * What one tab writes when it saves: the record kept (perhaps newer, from another tab) with only
   * what this tab changed since its last save taken from this tab's record. Two tabs of one template
   * so never overwrite each other's answers with a stale copy; where both changed one box, the later
   * save wins.
   * @param {AnswerRecord | null} kept
   * @param {AnswerRecord} mine
   * @param {Iterable<string>} changed box names, CHECK_PREFIX + point, ROWS_PREFIX + table, ORPHANS
   * @returns {AnswerRecord}
   */
  function merge(kept, mine, changed) {
    if (!kept) return mine;
    const values = { ...kept.values };
    const checks = { ...kept.checks };
    const rows = { ...kept.rows };
    let orphans = kept.orphans || {};
    /** @param {Record<string, any>} into @param {Record<string, any>} from @param {string} name */
    const take = (into, from, name) => {
      if (name in from) into[name] = from[name];
      else delete into[name];
    };
    for (const key of changed) {
      if (key === ORPHANS) {
        orphans = mine.orphans || {};
      } else if (key.indexOf(ROWS_PREFIX) === 0) {
        const table = key.slice(ROWS_PREFIX.length);
        const cell = table + ".";
        take(rows, mine.rows, table);
        Object.keys(values).filter((name) => name.indexOf(cell) === 0).forEach((name) => { delete values[name]; });
        Object.keys(mine.values).filter((name) => name.indexOf(cell) === 0).forEach((name) => { values[name] = mine.values[name]; });
      } else if (key.indexOf(CHECK_PREFIX) === 0) {
        take(checks, mine.checks, key.slice(CHECK_PREFIX.length));
      } else if (cgFiles.isList(mine.values[key]) || cgFiles.isList(values[key])) {
        values[key] = cgFiles.merge(values[key], mine.values[key]);
      } else {
        take(values, mine.values, key);
      }
    }
    return { ...mine, values, checks, rows, labels: { ...kept.labels, ...mine.labels }, orphans };
  }

  /**
   * The records in a file of answers from this site — one template's export or a backup of every
   * answer, of this format or an older one; null when the file is neither. Each record carries when
   * its answers were saved (an export made before records said so: when it was exported).
   * @param {any} data
   * @returns {AnswerRecord[] | null}
   */
  function fromFile(data) {
    if (!data || typeof data !== "object") return null;
    /** @type {any[]} */
    let found;
    if (data.format === EXPORT_FORMAT) found = [{ ...data, saved: data.saved || data.exported }];
    else if (data.format === BACKUP_FORMAT && Array.isArray(data.records)) found = data.records;
    else return null;
    return found.map((item) => {
      const record = migrate(item && typeof item === "object" ? { ...item } : item);
      if (!record) return null;
      delete record.format;
      delete record.exported;
      return /** @type {AnswerRecord} */ (record);
    }).filter(/** @returns {record is AnswerRecord} */ (record) => record !== null);
  }

  /** Whether `kept` holds answers saved after those of `other`. @param {AnswerRecord} kept @param {AnswerRecord} other */
  function isNewer(kept, other) {
    return isStarted(kept) && String(kept.saved || "") > String(other.saved || "");
  }

  /** @param {unknown} value */
  function hasText(value) {
    if (cgFiles.isList(value)) return cgFiles.live(value).length > 0;
    return Array.isArray(value) ? value.length > 0 : String(value).trim() !== "";
  }

  /** How many self-check points a record has ticked. @param {any} record */
  function ticked(record) {
    const checks = (record && record.checks) || {};
    return Object.keys(checks).filter((id) => checks[id] === true).length;
  }

  /** Whether a record holds any answer or tick. @param {any} record */
  function isStarted(record) {
    if (!record) return false;
    const values = record.values || {};
    return ticked(record) > 0 || Object.keys(values).some((name) => hasText(values[name]));
  }

  return {
    SCHEMA, EXPORT_FORMAT, BACKUP_FORMAT, CHECK_PREFIX, ROWS_PREFIX, ORPHANS,
    LIMITS, migrate, merge, fromFile, problems, fileDataProblems, isNewer, hasText, ticked, isStarted,
  };
})();
