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
    migrate, merge, fromFile, isNewer, hasText, ticked, isStarted,
  };
})();
