// @ts-check
/*
 * A template's files fields: photos and PDF scans attached, several at once
 * or one by one, each kept in IndexedDB (filestore.js) once made private
 * (photos.js), listed with its picture, size, date and description, and
 * moved, replaced or removed. The record keeps the list (files.js); the
 * form saves it like any answer. Also: files packed into an export or backup
 * of answers, and unpacked from one.
 */
/* exported cgEvidence */
const cgEvidence = (() => {
  "use strict";

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /** @param {unknown} error */
  const isQuota = (error) => error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);

  /** What print shows under a file: its number, date and description. @param {FileEntry} item @param {number} number */
  const caption = (item, number) => cgWords.fileCaption({
    id: item.id, number, kind: item.kind || "photo", name: String(item.name || ""),
    date: cgText.dateInWords(String(item.date || "")), description: String(item.description || ""), pages: item.pages,
  });

  class FilesField {
    /**
     * @param {HTMLElement} fieldset
     * @param {FieldSpec & { files: FilesSpec }} spec
     * @param {(field: string) => void} changed called when the list changes (to save it)
     */
    constructor(fieldset, spec, changed) {
      this.fieldset = fieldset;
      this.spec = spec;
      this.changed = changed;
      /** @type {FileEntry[]} the list, removed files' markers included */
      this.items = [];
      this.list = /** @type {HTMLOListElement} */ (fieldset.querySelector(".cg-file-list"));
      this.state = /** @type {HTMLElement} */ (fieldset.querySelector(".cg-files-state"));
      this.problem = /** @type {HTMLElement} */ (fieldset.querySelector(".cg-files-problem"));
      this.adder = /** @type {HTMLInputElement} */ (fieldset.querySelector("input[data-files-add]"));
      /** @type {Map<string, StoredFile | null>} */
      this.kept = new Map();
      this.swept = false;
    }

    live() {
      return cgFiles.live(this.items);
    }

    /** The list as a record keeps it; undefined while nothing was ever attached. */
    value() {
      return this.items.length ? this.items.map((item) => ({ ...item })) : undefined;
    }

    /** Shows a record's list; an entry whose box has the focus keeps what is being typed. @param {unknown} value */
    set(value) {
      const items = cgFiles.isList(value) ? value : [];
      if (!this.swept) {
        /* A file removed on an earlier visit can no longer be undone: it leaves this browser now, if the page
           that removed it closed before it could. */
        this.swept = true;
        cgFileStore.remove(items.filter((item) => item.removed).map((item) => item.id));
      }
      if (JSON.stringify(items) === JSON.stringify(this.items)) return;
      this.items = items.map((item) => ({ ...item }));
      this.render();
    }

    /** @param {string} id @param {Partial<FileEntry>} change */
    edit(id, change) {
      this.items = this.items.map((item) => (item.id === id ? { ...item, ...change, edited: new Date().toISOString() } : item));
      this.changed(this.spec.id);
    }

    /** @param {string[]} messages */
    tell(messages) {
      this.problem.hidden = messages.length === 0;
      this.problem.textContent = messages.join("\n");
    }

    /**
     * Makes each chosen file private and keeps it, one after another; a file that cannot be taken is
     * named in the problem line and the others still go in.
     * @param {File[]} chosen
     * @param {string | null} replacing the id of the file they replace, if any
     */
    add(chosen, replacing = null) {
      /** @type {string[]} */
      const messages = [];
      /** @type {string[]} */
      const overflow = [];
      this.state.textContent = cgWords.adding(chosen.length);
      return chosen.reduce((done, file) => done.then(() => {
        if (!replacing && this.live().length >= this.spec.files.max) {
          overflow.push(file.name);
          return undefined;
        }
        return cgPhotos.prepare(file, this.spec.files.accept)
          .then((stored) => cgFileStore.put(stored).then(() => this.keep(stored, replacing)))
          .catch((error) => {
            if (error instanceof cgPhotos.Refusal) messages.push(error.message);
            else if (isQuota(error)) return cgFileStore.usage().then((use) => { messages.push(cgWords.storageFull(file.name, use.bytes)); });
            else messages.push(cgWords.notKept(file.name, String(error && error.name ? error.name : error)));
            return undefined;
          });
      }), Promise.resolve()).then(() => {
        if (overflow.length) messages.push(cgWords.tooMany(this.spec.label, this.spec.files.max, overflow));
        this.tell(messages);
        this.render();
      });
    }

    /** A file now kept in IndexedDB, added to the list (in the place of the one it replaces). @param {StoredFile} stored @param {string | null} replacing */
    keep(stored, replacing) {
      const now = new Date().toISOString();
      /** @type {FileEntry} */
      const entry = { id: stored.id, edited: now, name: stored.name, kind: stored.kind, bytes: stored.bytes, date: "", description: "" };
      if (stored.width) Object.assign(entry, { width: stored.width, height: stored.height });
      if (stored.pages) entry.pages = stored.pages;
      this.kept.set(stored.id, stored);
      const at = replacing ? this.items.findIndex((item) => item.id === replacing) : -1;
      if (at === -1) {
        this.items.push(entry);
      } else {
        const old = this.items[at];
        Object.assign(entry, { date: old.date || "", description: old.description || "" });
        this.items.splice(at, 1, entry, { id: old.id, removed: true, edited: now });
        cgFileStore.remove([old.id]);
      }
      this.changed(this.spec.id);
    }

    /** @param {string} id */
    remove(id) {
      const number = this.live().findIndex((item) => item.id === id) + 1;
      const entry = this.items.find((item) => item.id === id);
      if (!entry) return;
      this.items = this.items.map((item) => (item.id === id ? { id, removed: true, edited: new Date().toISOString() } : item));
      this.changed(this.spec.id);
      this.render();
      /* The file stays in this browser until it can no longer be undone. */
      cgUndo.offer(this.fieldset, cgWords.fileRemoved(number), () => {
        this.items = this.items.map((item) => (item.id === id ? { ...entry, edited: new Date().toISOString() } : item));
        this.changed(this.spec.id);
        this.render();
        const back = /** @type {HTMLElement | null} */ (this.list.querySelector(`[data-file="${id}"] [data-file-action="remove"]`));
        if (back) back.focus();
      }, () => cgFileStore.remove([id]));
    }

    /** @param {string} id @param {number} step -1 up, 1 down */
    move(id, step) {
      const live = this.live();
      const from = live.findIndex((item) => item.id === id);
      const to = from + step;
      if (from < 0 || to < 0 || to >= live.length) return;
      [live[from], live[to]] = [live[to], live[from]];
      const now = new Date().toISOString();
      this.items = [...live.map((item) => ({ ...item, edited: item.id === id ? now : item.edited })), ...this.items.filter((item) => item.removed)];
      this.changed(this.spec.id);
      this.render();
      const button = /** @type {HTMLElement | null} */ (this.list.querySelector(`[data-file="${id}"] [data-file-action="${step < 0 ? "up" : "down"}"]`));
      const focus = button && !(/** @type {HTMLButtonElement} */ (button).disabled) ? button
        : this.list.querySelector(`[data-file="${id}"] [data-file-action="${step < 0 ? "down" : "up"}"]`);
      if (focus) /** @type {HTMLElement} */ (focus).focus();
      this.state.textContent = cgWords.fileMoved(from + 1, to + 1);
    }

    /** The list on the page, each file with its picture (from IndexedDB), size, date and description. */
    render() {
      const live = this.live();
      const focused = document.activeElement;
      const focusKey = focused && this.list.contains(focused)
        ? [/** @type {HTMLElement} */ (focused.closest("[data-file]")).dataset.file, /** @type {HTMLElement} */ (focused).dataset.fileAction] : null;
      this.list.textContent = "";
      live.forEach((item, index) => this.list.appendChild(this.entry(item, index + 1, live.length)));
      this.fieldset.classList.toggle("cg-files-attached", live.length > 0);
      if (focusKey) {
        const again = /** @type {HTMLElement | null} */ (this.list.querySelector(`[data-file="${focusKey[0]}"] [data-file-action="${focusKey[1]}"]`));
        if (again) again.focus();
      }
      const wanted = live.map((item) => item.id).filter((id) => !this.kept.has(id));
      cgFileStore.getMany(wanted).then((found) => {
        wanted.forEach((id) => this.kept.set(id, found.get(id) || null));
        if (wanted.length) this.showPictures();
      }, () => undefined);
      this.showPictures();
      this.showUsage();
    }

    showPictures() {
      this.list.querySelectorAll("li[data-file]").forEach((node) => {
        const item = /** @type {HTMLElement} */ (node);
        const id = String(item.dataset.file);
        if (!this.kept.has(id)) return;
        const stored = this.kept.get(id);
        const img = /** @type {HTMLImageElement | null} */ (item.querySelector("img"));
        const missing = /** @type {HTMLElement} */ (item.querySelector(".cg-file-missing"));
        if (stored && stored.thumb && img && img.getAttribute("src") !== stored.thumb) img.src = stored.thumb;
        if (img) img.hidden = !stored;
        missing.hidden = Boolean(stored);
      });
    }

    showUsage() {
      const count = cgWords.fileCount(this.live().length, this.spec.files.min, this.spec.files.max);
      cgFileStore.usage().then((use) => {
        this.state.textContent = count + " " + cgWords.filesUsage(use.files, use.bytes, use.quota);
      }, () => { this.state.textContent = count; });
    }

    /** @param {FileEntry} item @param {number} number @param {number} count */
    entry(item, number, count) {
      const li = element("li", "cg-file");
      li.dataset.file = item.id;
      const name = String(item.name || "");
      const base = "f-" + this.spec.id + "-file-" + item.id;
      const heading = element("p", "cg-file-name", cgWords.fileLabel(number, name) + " · " + cgWords.size(item.bytes || 0) +
        (item.kind === "pdf" ? " · " + cgWords.plural(item.pages || 1, "page", "pages") : ""));
      heading.id = base + "-name";
      if (item.kind === "photo") {
        const img = /** @type {HTMLImageElement} */ (element("img", "cg-file-picture"));
        img.alt = "";
        img.hidden = true;
        if (item.width && item.height) Object.assign(img, cgFiles.fitted(item.width, item.height, 240));
        li.appendChild(img);
      }
      li.appendChild(heading);
      const missing = element("p", "cg-file-missing", cgWords.fileMissing(name));
      missing.hidden = true;
      li.appendChild(missing);
      const printed = element("p", "cg-file-caption", caption(item, number));
      printed.setAttribute("aria-hidden", "true");
      li.appendChild(printed);
      if (this.spec.files.date) li.appendChild(this.box(item, "date", base, number));
      if (this.spec.files.description) li.appendChild(this.box(item, "description", base, number));
      const actions = element("p", "cg-file-actions");
      /** @param {string} action @param {string} label @param {boolean} disabled */
      const button = (action, label, disabled) => {
        const made = /** @type {HTMLButtonElement} */ (element("button", "", label));
        made.type = "button";
        made.dataset.fileAction = action;
        made.disabled = disabled;
        made.setAttribute("aria-describedby", heading.id);
        actions.append(made, " ");
      };
      button("up", cgWords.moveUp, number === 1);
      button("down", cgWords.moveDown, number === count);
      const replace = element("label", "cg-import");
      const chooser = /** @type {HTMLInputElement} */ (element("input", "cg-sr-only"));
      chooser.type = "file";
      chooser.accept = this.adder.accept;
      chooser.dataset.fileAction = "replace";
      chooser.setAttribute("aria-describedby", heading.id);
      replace.append(chooser, element("span", "", cgWords.replaceFile));
      actions.append(replace, " ");
      button("remove", cgWords.removeFile, false);
      li.appendChild(actions);
      return li;
    }

    /** @param {FileEntry} item @param {"date" | "description"} detail @param {string} base @param {number} number */
    box(item, detail, base, number) {
      const wrap = element("p", "cg-file-detail");
      const id = base + "-" + detail;
      const label = /** @type {HTMLLabelElement} */ (element("label", "", cgWords.fileDetail(detail, number)));
      label.htmlFor = id;
      const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (element(detail === "date" ? "input" : "textarea"));
      if (input instanceof HTMLInputElement) input.type = "date";
      else input.rows = 2;
      input.id = id;
      input.value = String(item[detail] || "");
      input.dataset.fileDetail = detail;
      wrap.append(label, input);
      return wrap;
    }

    start() {
      this.adder.addEventListener("change", () => {
        const chosen = Array.from(this.adder.files || []);
        this.adder.value = "";
        if (chosen.length) this.add(chosen);
      });
      this.list.addEventListener("click", (event) => {
        const button = /** @type {HTMLElement} */ (event.target).closest("button[data-file-action]");
        if (!button) return;
        const id = String(/** @type {HTMLElement} */ (button.closest("[data-file]")).dataset.file);
        const action = /** @type {HTMLElement} */ (button).dataset.fileAction;
        if (action === "remove") this.remove(id);
        else this.move(id, action === "up" ? -1 : 1);
      });
      this.list.addEventListener("change", (event) => {
        const input = /** @type {HTMLInputElement} */ (event.target);
        if (input.dataset.fileAction !== "replace") return;
        const chosen = Array.from(input.files || []);
        const id = String(/** @type {HTMLElement} */ (input.closest("[data-file]")).dataset.file);
        if (chosen.length) this.add(chosen.slice(0, 1), id);
      });
      this.list.addEventListener("input", (event) => {
        const input = /** @type {HTMLInputElement} */ (event.target);
        const detail = input.dataset.fileDetail;
        if (detail !== "date" && detail !== "description") return;
        const li = /** @type {HTMLElement} */ (input.closest("[data-file]"));
        const id = String(li.dataset.file);
        this.edit(id, { [detail]: input.value });
        const index = this.live().findIndex((item) => item.id === id);
        /** @type {HTMLElement} */ (li.querySelector(".cg-file-caption")).textContent = caption(this.live()[index], index + 1);
      });
      this.render();
    }
  }

  /**
   * The files fields of a template form, by field id.
   * @param {HTMLFormElement} form
   * @param {TemplateSpec} spec
   * @param {(field: string) => void} changed
   * @returns {Map<string, FilesField>}
   */
  function fields(form, spec, changed) {
    /** @type {Map<string, FilesField>} */
    const found = new Map();
    spec.fields.forEach((field) => {
      if ("heading" in field || !field.files) return;
      const fieldset = /** @type {HTMLElement | null} */ (form.querySelector(`.cg-files-field[data-field="${field.id}"]`));
      if (fieldset) found.set(field.id, new FilesField(fieldset, /** @type {FieldSpec & { files: FilesSpec }} */ (field), changed));
    });
    return found;
  }

  /** The ids of the files the records' lists name. @param {Partial<AnswerRecord>[]} records */
  function idsOf(records) {
    return records.flatMap((record) => Object.values(record.values || {}).flatMap((value) => cgFiles.live(value).map((item) => item.id)));
  }

  /**
   * The files the records name, packed for an export or backup (JSON): each with its bytes in base64.
   * @param {Partial<AnswerRecord>[]} records
   */
  function pack(records) {
    return cgFileStore.getMany(idsOf(records)).then((found) => Promise.all([...found.values()].map((file) =>
      cgDevice.blobBase64(file.blob).then((data) => ({ ...file, blob: undefined, type: file.blob.type, data })))));
  }

  /**
   * Keeps the files of an export or backup that the records name in this browser; resolves with how
   * many were kept.
   * @param {unknown} packed
   * @param {Partial<AnswerRecord>[]} records
   * @returns {Promise<number>}
   */
  function unpack(packed, records) {
    const wanted = new Set(idsOf(records));
    const files = (Array.isArray(packed) ? packed : []).filter((file) => file && wanted.has(file.id));
    return files.reduce((/** @type {Promise<number>} */ done, file) => done.then((count) => {
      if (!file || typeof file.id !== "string" || typeof file.data !== "string") return count;
      const stored = { ...file, blob: new Blob([cgDevice.base64Bytes(file.data)], { type: String(file.type || "") }) };
      delete stored.data;
      delete stored.type;
      return cgFileStore.put(stored).then(() => count + 1);
    }), Promise.resolve(0));
  }

  return { fields, idsOf, pack, unpack };
})();
