// @ts-check
/*
 * The "Your answers" page: every answer this browser holds for the site,
 * listed, backed up to one file and restored from it.
 */
/* exported cgBackup */
const cgBackup = (() => {
  "use strict";

  class Backup {
    /** @param {HTMLElement} element */
    constructor(element) {
      this.element = element;
      this.status = /** @type {HTMLElement} */ (element.querySelector(".cg-status"));
      this.state = /** @type {HTMLElement} */ (element.querySelector(".cg-backup-state"));
      this.list = /** @type {HTMLTableSectionElement} */ (element.querySelector(".cg-backup-list tbody"));
    }

    /** @param {string} message */
    say(message) {
      this.status.hidden = false;
      this.status.textContent = message;
    }

    show() {
      const records = cgStorage.all();
      const last = cgStorage.lastBackup();
      const changed = records.filter((record) => !last || String(record.saved) > last).length;
      this.state.textContent = cgWords.savedTemplates(records.length) +
        (last ? cgWords.lastBackup(new Date(last).toLocaleString(), changed) : cgWords.noBackupDownloaded);
      this.list.textContent = "";
      const root = cgStorage.siteRoot();
      records.forEach((record) => {
        const row = this.list.insertRow();
        const title = row.insertCell();
        if (record.page && record.page.indexOf(root) === 0) {
          const link = document.createElement("a");
          link.href = record.page;
          link.textContent = record.title || record.template;
          title.appendChild(link);
        } else {
          title.textContent = record.title || record.template;
        }
        row.insertCell().textContent = record.credentialTitle || record.credential;
        row.insertCell().textContent = record.saved ? new Date(record.saved).toLocaleString() : "";
      });
    }

    backup() {
      const exported = new Date().toISOString();
      const records = cgStorage.all();
      return cgEvidence.pack(records).then((files) => {
        cgDevice.saveJson("credential-guides-answers-" + cgText.isoDay(new Date()) + ".json", {
          format: cgRecords.BACKUP_FORMAT,
          schema: cgRecords.SCHEMA,
          exported,
          records,
          files,
        });
        cgStorage.setLastBackup(exported);
        this.say(cgWords.backedUp(records.length, files.length));
        this.show();
      });
    }

    /**
     * Restores a backup of every answer, or one template's export; answers saved here after the
     * file's are kept.
     * @param {File} file
     */
    restore(file) {
      cgDevice.readJson(file).then((data) => {
        const records = cgRecords.fromFile(data);
        if (!records) {
          this.say(cgWords.notAnswersFile);
          return;
        }
        if (!records.length) {
          this.say(cgWords.restoreEmpty);
          return;
        }
        const wrong = cgRecords.fileDataProblems(data);
        if (wrong.length) {
          this.say(cgWords.restoreRefused(wrong));
          return;
        }
        const restored = records.filter((record) => {
          const kept = cgStorage.read(record.credential, record.template);
          return !kept || !cgRecords.isNewer(kept, record);
        });
        const newer = records.length - restored.length;
        if (!restored.length) {
          this.say(cgWords.restoreAllOlder(records.length));
          return;
        }
        if (!window.confirm(cgWords.confirmRestore(restored.length, file.name, newer))) return;
        return cgEvidence.unpack(/** @type {any} */ (data).files, restored).then((count) => {
          restored.forEach((record) => cgStorage.write(record));
          this.say(cgWords.restored(restored.length, file.name) + cgWords.filesRestored(count) + cgWords.keptNewer(newer));
          this.show();
        });
      }).catch((error) => {
        this.say(cgWords.notSaved(String(error && error.name ? error.name : error)));
      });
    }

    start() {
      this.element.querySelectorAll(".cg-js-only").forEach((element) => {
        /** @type {HTMLElement} */ (element).hidden = false;
      });
      const backup = /** @type {HTMLElement} */ (this.element.querySelector("[data-action=backup]"));
      backup.addEventListener("click", () => this.backup());
      const restorer = /** @type {HTMLInputElement} */ (this.element.querySelector("[data-action=restore]"));
      restorer.addEventListener("change", () => {
        if (restorer.files && restorer.files.length) this.restore(restorer.files[0]);
        restorer.value = "";
      });
      this.show();
      /* Answers saved in another tab: the list follows. */
      window.addEventListener("storage", () => this.show());
    }
  }

  /** @param {HTMLElement} element */
  function start(element) {
    new Backup(element).start();
  }

  return { start };
})();
