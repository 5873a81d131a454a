// @ts-check
/*
 * One template's form: answers saved in this browser as they are typed, live
 * word counts, table rows within the published bounds, answers to questions
 * the template no longer has, export and import, clear, print, a warning on
 * contact details, and the hand-in downloads.
 */
/* exported cgForm */
const cgForm = (() => {
  "use strict";

  const SAVE_DELAY = 300;

  /** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} Box */

  /** @param {Element | null} element */
  const html = (element) => /** @type {HTMLElement} */ (element);

  /** A box that holds an answer (not a file chooser or a button). @param {Element} element */
  function isAnswerBox(element) {
    const box = /** @type {Box} */ (element);
    return Boolean(box.name) && box.type !== "file" && box.type !== "button";
  }

  class Template {
    /** @param {HTMLFormElement} form */
    constructor(form) {
      this.form = form;
      /** @type {TemplateSpec} */
      this.spec = JSON.parse(html(form.querySelector("script.cg-template-spec")).textContent || "{}");
      this.credential = this.spec.credential;
      this.template = this.spec.id;
      this.status = html(form.querySelector(".cg-status"));
      this.saveState = html(form.querySelector(".cg-save-state"));
      /** @type {number | null} */
      this.timer = null;
      /** @type {Record<string, Orphan>} */
      this.orphans = {};
    }

    boxes() {
      return /** @type {Box[]} */ (Array.from(this.form.elements).filter(isAnswerBox));
    }

    tables() {
      return /** @type {HTMLElement[]} */ (Array.from(this.form.querySelectorAll(".cg-table-field")));
    }

    /** The answers on the page, as a record holds them. */
    collect() {
      /** @type {Record<string, any>} */
      const values = {};
      /** @type {Record<string, boolean>} */
      const checks = {};
      /** @type {Record<string, number>} */
      const rows = {};
      this.boxes().forEach((box) => {
        const input = /** @type {HTMLInputElement} */ (box);
        if (box.name.indexOf(cgRecords.CHECK_PREFIX) === 0) {
          checks[box.name.slice(cgRecords.CHECK_PREFIX.length)] = input.checked;
        } else if (box.type === "checkbox") {
          values[box.name] = values[box.name] || [];
          if (input.checked) values[box.name].push(box.value);
        } else if (box.type === "radio") {
          if (!(box.name in values)) values[box.name] = "";
          if (input.checked) values[box.name] = box.value;
        } else if (!box.closest("tr[hidden]")) {
          values[box.name] = box.value;
        }
      });
      this.tables().forEach((table) => { rows[String(table.dataset.field)] = cgTableRows.visible(table); });
      return { values, checks, rows };
    }

    /** @param {Partial<AnswerRecord>} answers */
    apply(answers) {
      const rows = answers.rows || {};
      this.tables().forEach((table) => {
        const wanted = rows[String(table.dataset.field)];
        cgTableRows.show(table, typeof wanted === "number" ? wanted : Number(table.dataset.minRows) || 1);
      });
      const values = answers.values || {};
      const checks = answers.checks || {};
      this.boxes().forEach((box) => {
        const input = /** @type {HTMLInputElement} */ (box);
        if (box.name.indexOf(cgRecords.CHECK_PREFIX) === 0) {
          input.checked = checks[box.name.slice(cgRecords.CHECK_PREFIX.length)] === true;
        } else if (box.type === "checkbox") {
          input.checked = Array.isArray(values[box.name]) && values[box.name].indexOf(box.value) !== -1;
        } else if (box.type === "radio") {
          input.checked = values[box.name] === box.value;
        } else {
          box.value = typeof values[box.name] === "string" ? values[box.name] : "";
        }
      });
      this.refresh();
    }

    /** What a box is called, kept with its answer so that it can still be named if the question goes. @param {Box} box */
    labelOf(box) {
      let label = box.name;
      if (box.type === "checkbox" || box.type === "radio") {
        const legend = box.closest("fieldset") && html(box.closest("fieldset")).querySelector("legend");
        if (legend) label = legend.textContent || label;
      } else if (box.labels && box.labels.length) {
        label = box.labels[0].textContent || label;
      }
      const table = box.closest(".cg-table-field");
      const caption = table && table.querySelector("caption");
      if (caption) label = caption.textContent + " — " + label;
      return cgText.clean(label);
    }

    fieldNames() {
      /** @type {Record<string, Box>} */
      const names = {};
      this.boxes().forEach((box) => { names[box.name] = box; });
      return names;
    }

    /** Answers in a record whose boxes this version of the template no longer has. @param {Partial<AnswerRecord>} record */
    findOrphans(record) {
      const names = this.fieldNames();
      /** @type {Record<string, Orphan>} */
      const orphans = {};
      const kept = record.orphans || {};
      Object.keys(kept).forEach((name) => {
        if (!names[name]) orphans[name] = kept[name];
      });
      const values = record.values || {};
      Object.keys(values).forEach((name) => {
        const value = Array.isArray(values[name]) ? values[name].join(", ") : String(values[name]);
        if (!names[name] && value.trim() !== "") {
          orphans[name] = { label: (record.labels || {})[name] || name, value };
        }
      });
      return orphans;
    }

    showOrphans() {
      const section = this.form.querySelector(".cg-orphans");
      if (!section) return;
      const list = html(section.querySelector("dl"));
      list.textContent = "";
      Object.keys(this.orphans).forEach((name) => {
        const term = document.createElement("dt");
        term.textContent = this.orphans[name].label;
        const answer = document.createElement("dd");
        answer.textContent = this.orphans[name].value;
        list.append(term, answer);
      });
      html(section).hidden = Object.keys(this.orphans).length === 0;
    }

    removeOrphans() {
      if (!window.confirm(cgWords.confirmRemoveOrphans)) return;
      this.orphans = {};
      this.showOrphans();
      this.save();
      this.say(cgWords.orphansRemoved);
    }

    /** The answers on the page as a full record, ready to keep. @returns {AnswerRecord} */
    record() {
      const answers = this.collect();
      const names = this.fieldNames();
      /** @type {Record<string, string>} */
      const labels = {};
      Object.keys(answers.values).forEach((name) => {
        if (names[name]) labels[name] = this.labelOf(names[name]);
      });
      return {
        schema: cgRecords.SCHEMA,
        credential: this.credential,
        template: this.template,
        title: this.spec.title,
        page: window.location.pathname,
        saved: new Date().toISOString(),
        values: answers.values,
        checks: answers.checks,
        rows: answers.rows,
        labels,
        orphans: this.orphans,
      };
    }

    save() {
      try {
        cgStorage.write(this.record());
        this.saveState.textContent = cgWords.saved(new Date().toLocaleTimeString());
        cgReminders.askToKeep(this.form);
      } catch (error) {
        this.say(cgWords.notSaved(/** @type {Error} */ (error).name));
      }
    }

    scheduleSave() {
      if (this.timer !== null) window.clearTimeout(this.timer);
      this.saveState.textContent = cgWords.saving;
      this.timer = window.setTimeout(() => {
        this.timer = null;
        this.save();
      }, SAVE_DELAY);
    }

    flush() {
      if (this.timer === null) return;
      window.clearTimeout(this.timer);
      this.timer = null;
      this.save();
    }

    /** @param {string} message */
    say(message) {
      this.status.hidden = false;
      this.status.textContent = message;
    }

    refresh() {
      cgFeedback.refresh(this.form, this.boxes(), this.tables());
    }

    /** @param {string} extension */
    fileName(extension) {
      return this.credential + "--" + this.template + "." + extension;
    }

    exportAnswers() {
      const answers = this.collect();
      const name = this.fileName("json");
      cgDocuments.saveJson(name, {
        format: cgRecords.EXPORT_FORMAT,
        schema: cgRecords.SCHEMA,
        credential: this.credential,
        template: this.template,
        exported: new Date().toISOString(),
        values: answers.values,
        checks: answers.checks,
        rows: answers.rows,
        orphans: this.orphans,
      });
      this.say(cgWords.exported(name));
    }

    /** @param {File} file */
    importAnswers(file) {
      cgDocuments.readJson(file).then((data) => {
        if (data === undefined) {
          this.say(cgWords.importNotJson);
          return;
        }
        const format = data && /** @type {any} */ (data).format;
        const record = format === cgRecords.EXPORT_FORMAT ? cgRecords.migrate(data) : null;
        if (!record) {
          this.say(cgWords.importNotExport);
          return;
        }
        if (record.credential !== this.credential || record.template !== this.template) {
          this.say(cgWords.importOtherTemplate(record.credential, record.template));
          return;
        }
        this.apply(record);
        this.orphans = this.findOrphans(record);
        this.showOrphans();
        this.save();
        this.say(cgWords.imported(file.name));
      });
    }

    clear() {
      if (!window.confirm(cgWords.confirmClear)) return;
      if (this.timer !== null) window.clearTimeout(this.timer);
      this.timer = null;
      cgStorage.remove(this.credential, this.template);
      this.orphans = {};
      this.showOrphans();
      this.apply({});
      this.saveState.textContent = "";
      this.say(cgWords.cleared);
    }

    /** The answers on the page as the parts of a submission. */
    submission() {
      return cgAnswers.submission(this.spec, this.collect());
    }

    /** @param {string} text @param {string} done */
    copy(text, done) {
      cgDocuments.copyText(text).then(() => this.say(done), () => this.say(cgWords.copyRefused));
    }

    /** @param {boolean} pdf */
    download(pdf) {
      const work = this.submission();
      const name = this.fileName(pdf ? "pdf" : "docx");
      if (pdf) this.say(cgWords.makingPdf);
      const make = pdf ? cgDocuments.pdf : cgDocuments.word;
      make({ title: work.title, subtitle: work.credential, sections: [{ parts: work.parts }] }).then((blob) => {
        cgDocuments.saveBlob(blob, name);
        this.say((pdf ? cgWords.downloadedPdf : cgWords.downloadedWord)(name, work.answered, work.questions));
      }, (error) => {
        this.say((pdf ? cgWords.pdfFailed : cgWords.wordFailed)(error.message));
      });
    }

    /** What a click on one of the form's buttons does. @param {HTMLButtonElement} button */
    act(button) {
      const table = html(button.closest(".cg-table-field"));
      const action = button.dataset.action;
      if (button.classList.contains("cg-add-row")) {
        cgTableRows.add(table);
        this.scheduleSave();
      } else if (button.classList.contains("cg-remove-row")) {
        if (cgTableRows.remove(table, html(button.closest("tr")))) {
          this.refresh();
          this.scheduleSave();
        }
      } else if (action === "export") {
        this.exportAnswers();
      } else if (action === "clear") {
        this.clear();
      } else if (action === "print") {
        window.print();
      } else if (action === "remove-orphans") {
        this.removeOrphans();
      } else if (action === "word" || action === "pdf") {
        this.download(action === "pdf");
      } else if (action === "copy-all") {
        const work = this.submission();
        this.copy(cgAnswers.asText(work), cgWords.copiedAll(work.answered, work.questions));
      } else if (action === "copy-answer") {
        const box = /** @type {Box} */ (document.getElementById(String(button.dataset.for)));
        if (box.value.trim()) this.copy(box.value, cgWords.copiedOne);
        else this.say(cgWords.emptyAnswer);
      }
    }

    start() {
      this.form.querySelectorAll(".cg-js-only").forEach((element) => { html(element).hidden = false; });
      const stored = cgStorage.read(this.credential, this.template);
      this.apply(stored || {});
      this.orphans = this.findOrphans(stored || {});
      this.showOrphans();
      cgReminders.remindBackup(this.form, stored);
      cgFeedback.unfoldRequirementsForPrint();

      /** @param {Event} event */
      const changed = (event) => {
        if (/** @type {HTMLInputElement} */ (event.target).type === "file") return;
        this.refresh();
        this.scheduleSave();
      };
      this.form.addEventListener("input", changed);
      this.form.addEventListener("change", changed);
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("click", (event) => {
        const button = /** @type {Element} */ (event.target).closest("button");
        if (button) this.act(button);
      });
      const importer = /** @type {HTMLInputElement} */ (this.form.querySelector("[data-action=import]"));
      importer.addEventListener("change", () => {
        if (importer.files && importer.files.length) this.importAnswers(importer.files[0]);
        importer.value = "";
      });
      window.addEventListener("beforeprint", () => this.refresh());
      /* Leaving the page within the save delay must not lose the last keystrokes. */
      window.addEventListener("pagehide", () => this.flush());
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "hidden") this.flush();
      });
    }
  }

  /** @param {HTMLFormElement} form */
  function start(form) {
    new Template(form).start();
  }

  return { start };
})();
