// @ts-check
/*
 * One template's form and its keeping: the boxes read and shown, answers saved
 * in this browser as they are typed (merged with other tabs' saves), answers
 * to questions the template no longer has, clear. What its buttons do is
 * actions.js; its word counts and print copy, feedback.js.
 */
/* exported cgForm */
const cgForm = (() => {
  "use strict";

  const SAVE_DELAY = 300;

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
      /** A save failed (storage full or refused), and none has succeeded since. */
      this.unsaved = false;
      /** @type {Record<string, Orphan>} */
      this.orphans = {};
      /** What this tab changed since its last save (see cgRecords.merge); null: everything (an import). */
      /** @type {Set<string>} */
      this.changed = new Set();
      /** Boxes changed here and in another tab, saved by neither until the teacher chooses (cgTabs). */
      /** @type {Set<string>} */
      this.held = new Set();
      /** @type {Record<string, unknown>} the values as this tab last read or wrote them */
      this.seen = {};
      this.replaceAll = false;
      this.files = cgEvidence.fields(form, this.spec, (field) => {
        this.changed.add(field);
        this.refresh();
        this.scheduleSave();
      });
    }

    boxes() {
      return /** @type {Box[]} */ (Array.from(this.form.elements).filter(isAnswerBox));
    }

    tables() {
      return /** @type {HTMLElement[]} */ (Array.from(this.form.querySelectorAll(".cg-table-field")));
    }

    /** The answers on the page, as a record holds them. */
    collect() {
      const answers = cgBoxes.collect(this.boxes(), this.tables());
      this.files.forEach((field, id) => {
        const value = field.value();
        if (value) answers.values[id] = value;
      });
      return answers;
    }

    /**
     * Shows answers on the page; what `keep` names (changed here, not saved yet) stays as it is.
     * @param {Partial<AnswerRecord>} answers
     * @param {Set<string>} [keep]
     */
    apply(answers, keep = new Set()) {
      cgBoxes.apply(this.boxes(), this.tables(), answers, keep);
      this.files.forEach((field, id) => { if (!keep.has(id)) field.set((answers.values || {})[id]); });
      this.refresh();
    }

    /**
     * Answers saved by another tab of this site (or a restore) since this page read them, shown here;
     * what this tab has changed and not saved yet is kept; where another tab changed it too, cgTabs asks.
     */
    sync() {
      /** @type {Partial<AnswerRecord>} */
      const kept = cgStorage.read(this.credential, this.template) || {};
      const clash = cgTabs.conflicts(this.seen, kept.values || {}, this.collect().values, this.changed);
      this.seen = kept.values || {};
      clash.forEach((name) => this.held.add(name));
      this.apply(kept, this.changed);
      if (!this.changed.has(cgRecords.ORPHANS)) {
        this.orphans = this.findOrphans(kept);
        this.showOrphans();
      }
      const names = this.fieldNames();
      const boxes = [...this.held].map((name) => names[name]).filter(Boolean);
      if (clash.length && boxes.length) cgTabs.offer(boxes[0], [...new Set(boxes.map(cgOrphans.labelOf))], {
        load: () => {
          this.held.forEach((name) => this.changed.delete(name));
          this.held.clear();
          this.apply(cgStorage.read(this.credential, this.template) || {}, this.changed);
        },
        keep: () => { this.held.clear(); this.scheduleSave(); },
      });
    }

    fieldNames() {
      /** @type {Record<string, Box>} */
      const names = {};
      this.boxes().forEach((box) => { names[box.name] = box; });
      return names;
    }

    /** Answers in a record whose boxes this version of the template no longer has. @param {Partial<AnswerRecord>} record */
    findOrphans(record) {
      return cgOrphans.find(record, new Set([...Object.keys(this.fieldNames()), ...this.files.keys()]), this.spec.fields);
    }

    showOrphans() {
      cgOrphans.show(this.form, this.orphans);
    }

    removeOrphans() {
      if (!window.confirm(cgWords.confirmRemoveOrphans)) return;
      this.orphans = {};
      this.showOrphans();
      this.changed.add(cgRecords.ORPHANS);
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
        if (names[name]) labels[name] = cgOrphans.labelOf(names[name]);
      });
      return {
        schema: cgRecords.SCHEMA,
        credential: this.credential,
        template: this.template,
        title: this.spec.title,
        credentialTitle: this.spec.credentialTitle,
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
        const mine = this.record();
        const kept = cgStorage.read(this.credential, this.template);
        const record = this.replaceAll ? mine : cgRecords.merge(kept, mine, [...this.changed].filter((name) => !this.held.has(name)));
        /* An answer to a box this version of the template lacks lives on among the orphans, not the values. */
        const names = this.fieldNames();
        record.values = Object.fromEntries(Object.entries(record.values).filter(([name]) => name in names || this.files.has(name)));
        cgStorage.write(record);
        this.changed = new Set(this.held);
        this.seen = record.values;
        this.replaceAll = false;
        this.apply(record, this.held);
        this.orphans = record.orphans || {};
        this.showOrphans();
        this.unsaved = false;
        this.saveState.textContent = cgWords.saved(new Date().toLocaleTimeString());
        cgReminders.askToKeep(this.form);
      } catch (error) {
        /* Until a save succeeds, the state says the answers are not kept, and leaving the page asks first. */
        this.unsaved = true;
        this.saveState.textContent = cgWords.notSavedState;
        this.say(cgWords.notSaved(/** @type {Error} */ (error).name));
      }
    }

    scheduleSave() {
      if (this.timer !== null) window.clearTimeout(this.timer);
      if (!this.unsaved) this.saveState.textContent = cgWords.saving;
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

    clear() {
      if (!window.confirm(cgWords.confirmClear)) return;
      if (this.timer !== null) window.clearTimeout(this.timer);
      this.timer = null;
      this.changed.clear();
      cgFileStore.remove(cgEvidence.idsOf([cgStorage.read(this.credential, this.template) || {}, this.collect()]));
      cgStorage.remove(this.credential, this.template);
      this.orphans = {};
      this.showOrphans();
      this.apply({});
      this.saveState.textContent = "";
      this.say(cgWords.cleared);
    }

    start() {
      this.form.querySelectorAll(".cg-js-only").forEach((element) => { html(element).hidden = false; });
      const stored = cgStorage.read(this.credential, this.template);
      this.seen = (stored && stored.values) || {};
      this.apply(stored || {});
      cgReuse.offer(this.form, this.credential, this.template);
      this.orphans = this.findOrphans(stored || {});
      /* Answers whose questions a site update removed are kept as orphans from the next save on. */
      if (Object.keys(this.orphans).length !== Object.keys((stored && stored.orphans) || {}).length) {
        this.changed.add(cgRecords.ORPHANS);
      }
      this.showOrphans();
      cgReminders.remindBackup(this.form, stored);
      cgFeedback.unfoldRequirementsForPrint();
      this.files.forEach((field) => field.start());

      /** @param {Event} event */
      const changed = (event) => {
        const box = /** @type {HTMLInputElement} */ (event.target);
        if (box.type === "file" || !box.name) return;
        this.changed.add(box.name);
        this.refresh();
        this.scheduleSave();
      };
      this.form.addEventListener("input", changed);
      this.form.addEventListener("change", changed);
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("click", (event) => {
        const button = /** @type {Element} */ (event.target).closest("button");
        if (button) cgActions.act(this, button);
      });
      const importer = /** @type {HTMLInputElement} */ (this.form.querySelector("[data-action=import]"));
      importer.addEventListener("change", () => {
        if (importer.files && importer.files.length) cgExchange.importAnswers(this, importer.files[0]);
        importer.value = "";
      });
      window.addEventListener("beforeprint", () => this.refresh());
      /* Leaving the page within the save delay must not lose the last keystrokes. */
      window.addEventListener("pagehide", () => this.flush());
      window.addEventListener("beforeunload", (event) => {
        this.flush();
        if (this.unsaved) event.preventDefault();
      });
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "hidden") this.flush();
        else this.sync();
      });
      /* Another tab of this site saved this template's answers (or restored a backup): show them here. */
      window.addEventListener("storage", (event) => {
        if (event.key === null || event.key === cgStorage.key(this.credential, this.template)) this.sync();
      });
    }
  }

  /** @param {HTMLFormElement} form */
  function start(form) {
    new Template(form).start();
  }

  return { start };
})();
