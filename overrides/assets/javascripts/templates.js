/*
 * Fillable templates: answers saved in this browser only (localStorage), live
 * word counts, table rows within the published bounds, export/import as JSON,
 * clear, print, a warning on contact details, the per-credential summary, and
 * the "Your answers" page's backup and restore of every answer on the site.
 * Answers outlive site updates: records of an older format are migrated, and
 * answers to questions that are gone are kept and shown until removed.
 * Nothing here makes a network request: answers never leave the device.
 */
(function () {
  "use strict";

  var SCHEMA = 2;
  var PREFIX = "credential-guides";
  var FORMAT = "credential-guides-answers";
  var BACKUP_FORMAT = "credential-guides-backup";
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
  var PHONE = /(?:\+?\d[\s().-]*){7,}\d/;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", window.location.href).pathname;
  }

  function storageKey(credential, template) {
    return [PREFIX, siteRoot(), credential, template].join("|");
  }

  /* Version 1 put its schema in the key, so a new schema would have lost every answer. */
  function legacyKey(credential, template) {
    return [PREFIX, "v1", siteRoot(), credential, template].join("|");
  }

  function backupKey() {
    return [PREFIX, siteRoot(), "last-backup"].join("|");
  }

  /* A stored or exported record of any earlier format, brought up to this one; null if it is none. */
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
        orphans: {}
      };
    }
    if (record.schema !== SCHEMA || !ID.test(record.credential) || !ID.test(record.template)) return null;
    return record;
  }

  function readStored(credential, template) {
    var key = storageKey(credential, template);
    try {
      var raw = window.localStorage.getItem(key);
      if (raw) return migrate(JSON.parse(raw));
      var legacy = legacyKey(credential, template);
      raw = window.localStorage.getItem(legacy);
      if (!raw) return null;
      var record = migrate(JSON.parse(raw));
      if (record) {
        window.localStorage.setItem(key, JSON.stringify(record));
        window.localStorage.removeItem(legacy);
      }
      return record;
    } catch (error) {
      return null;
    }
  }

  /* Every template with answers saved on this device for this site, older formats migrated. */
  function storedRecords() {
    var found = {};
    var root = siteRoot();
    for (var i = 0; i < window.localStorage.length; i++) {
      var parts = window.localStorage.key(i).split("|");
      if (parts[0] !== PREFIX) continue;
      if (parts.length === 5 && parts[1] === "v1" && parts[2] === root) found[parts[3] + "|" + parts[4]] = true;
      if (parts.length === 4 && parts[1] === root) found[parts[2] + "|" + parts[3]] = true;
    }
    return Object.keys(found).sort().map(function (id) {
      var parts = id.split("|");
      return readStored(parts[0], parts[1]);
    }).filter(Boolean);
  }

  function templates(count) {
    return count + (count === 1 ? " template" : " templates");
  }

  /* "2026-03-14" as "March 14, 2026": a printed date no reader can take for another. */
  function dateInWords(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return value;
    var date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function download(name, data) {
    saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), name);
  }

  function answersPageLink(text) {
    var link = document.createElement("a");
    link.href = siteRoot() + "your-answers/";
    link.textContent = text;
    return link;
  }

  function countWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function rangeState(count, min, max) {
    if (count < min) return "under";
    if (count > max) return "over";
    return "in-range";
  }

  /* ---- one template form ------------------------------------------------ */

  function Template(form) {
    this.form = form;
    this.credential = form.dataset.credential;
    this.template = form.dataset.template;
    this.key = storageKey(this.credential, this.template);
    this.status = form.querySelector(".cg-status");
    this.saveState = form.querySelector(".cg-save-state");
    this.timer = null;
    this.orphans = {};
  }

  Template.prototype.tables = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll(".cg-table-field"));
  };

  Template.prototype.visibleRows = function (table) {
    return Array.prototype.filter.call(table.querySelectorAll("tbody tr"), function (row) {
      return !row.hidden;
    }).length;
  };

  Template.prototype.setRows = function (table, count) {
    var min = Number(table.dataset.minRows);
    var max = Number(table.dataset.maxRows);
    count = Math.max(min, Math.min(max, count));
    var rows = table.querySelectorAll("tbody tr");
    Array.prototype.forEach.call(rows, function (row, index) {
      var show = index < count;
      if (!show && !row.hidden) {
        Array.prototype.forEach.call(row.querySelectorAll("input, textarea, select"), function (el) {
          el.value = "";
        });
      }
      row.hidden = !show;
    });
    this.updateRowControls(table);
  };

  Template.prototype.updateRowControls = function (table) {
    var count = this.visibleRows(table);
    var min = Number(table.dataset.minRows);
    var max = Number(table.dataset.maxRows);
    var add = table.querySelector(".cg-add-row");
    add.disabled = count >= max;
    Array.prototype.forEach.call(table.querySelectorAll(".cg-remove-row"), function (button) {
      button.disabled = count <= min;
    });
    var label = table.querySelector(".cg-row-count");
    label.textContent = count + " of " + (min === max ? max : "at most " + max) + " rows" +
      (count >= max ? " (the published maximum)" : "") +
      (count <= min && min > 0 ? "; at least " + min + " needed" : "");
  };

  Template.prototype.collect = function () {
    var values = {};
    var checks = {};
    var rows = {};
    Array.prototype.forEach.call(this.form.elements, function (el) {
      if (!el.name || el.type === "file" || el.type === "button") return;
      if (el.name.indexOf("check:") === 0) {
        checks[el.name.slice(6)] = el.checked;
      } else if (el.type === "checkbox") {
        values[el.name] = values[el.name] || [];
        if (el.checked) values[el.name].push(el.value);
      } else if (el.type === "radio") {
        if (!(el.name in values)) values[el.name] = "";
        if (el.checked) values[el.name] = el.value;
      } else if (!el.closest("tr[hidden]")) {
        values[el.name] = el.value;
      }
    });
    var self = this;
    this.tables().forEach(function (table) {
      rows[table.dataset.field] = self.visibleRows(table);
    });
    return { values: values, checks: checks, rows: rows };
  };

  Template.prototype.apply = function (answers) {
    var self = this;
    var rows = answers.rows || {};
    this.tables().forEach(function (table) {
      var wanted = rows[table.dataset.field];
      self.setRows(table, typeof wanted === "number" ? wanted : Number(table.dataset.minRows) || 1);
    });
    var values = answers.values || {};
    var checks = answers.checks || {};
    Array.prototype.forEach.call(this.form.elements, function (el) {
      if (!el.name || el.type === "file" || el.type === "button") return;
      if (el.name.indexOf("check:") === 0) {
        el.checked = checks[el.name.slice(6)] === true;
      } else if (el.type === "checkbox") {
        el.checked = Array.isArray(values[el.name]) && values[el.name].indexOf(el.value) !== -1;
      } else if (el.type === "radio") {
        el.checked = values[el.name] === el.value;
      } else {
        el.value = typeof values[el.name] === "string" ? values[el.name] : "";
      }
    });
    this.refresh();
  };

  /* What a box is called, kept with its answer so that it can still be named if the question goes. */
  Template.prototype.labelOf = function (el) {
    var label = el.name;
    if (el.type === "checkbox" || el.type === "radio") {
      var legend = el.closest("fieldset") && el.closest("fieldset").querySelector("legend");
      if (legend) label = legend.textContent;
    } else if (el.labels && el.labels.length) {
      label = el.labels[0].textContent;
    }
    var caption = el.closest(".cg-table-field") && el.closest(".cg-table-field").querySelector("caption");
    if (caption) label = caption.textContent + " — " + label;
    return label.replace(/\s+/g, " ").trim();
  };

  Template.prototype.fieldNames = function () {
    var names = {};
    Array.prototype.forEach.call(this.form.elements, function (el) {
      if (el.name) names[el.name] = el;
    });
    return names;
  };

  /* Answers in a record whose boxes this version of the template no longer has. */
  Template.prototype.findOrphans = function (record) {
    var names = this.fieldNames();
    var orphans = {};
    var kept = record.orphans || {};
    Object.keys(kept).forEach(function (name) {
      if (!names[name]) orphans[name] = kept[name];
    });
    var values = record.values || {};
    Object.keys(values).forEach(function (name) {
      var value = Array.isArray(values[name]) ? values[name].join(", ") : String(values[name]);
      if (!names[name] && value.trim() !== "") {
        orphans[name] = { label: (record.labels || {})[name] || name, value: value };
      }
    });
    return orphans;
  };

  Template.prototype.showOrphans = function () {
    var section = this.form.querySelector(".cg-orphans");
    if (!section) return;
    var list = section.querySelector("dl");
    list.textContent = "";
    var orphans = this.orphans;
    Object.keys(orphans).forEach(function (name) {
      var term = document.createElement("dt");
      term.textContent = orphans[name].label;
      var answer = document.createElement("dd");
      answer.textContent = orphans[name].value;
      list.appendChild(term);
      list.appendChild(answer);
    });
    section.hidden = Object.keys(orphans).length === 0;
  };

  Template.prototype.removeOrphans = function () {
    if (!window.confirm("Remove the answers to questions no longer on this template? This cannot be undone.")) return;
    this.orphans = {};
    this.showOrphans();
    this.save();
    this.say("The answers to questions no longer on this template were removed.");
  };

  Template.prototype.save = function () {
    var answers = this.collect();
    var names = this.fieldNames();
    var labels = {};
    var self = this;
    Object.keys(answers.values).forEach(function (name) {
      if (names[name]) labels[name] = self.labelOf(names[name]);
    });
    var heading = document.querySelector("article h1");
    var record = {
      schema: SCHEMA,
      credential: this.credential,
      template: this.template,
      title: heading ? heading.textContent.trim() : this.template,
      page: window.location.pathname,
      saved: new Date().toISOString(),
      values: answers.values,
      checks: answers.checks,
      rows: answers.rows,
      labels: labels,
      orphans: this.orphans
    };
    try {
      window.localStorage.setItem(this.key, JSON.stringify(record));
      this.saveState.textContent = "Saved on this device " + new Date().toLocaleTimeString();
      this.askToKeep();
    } catch (error) {
      this.say("Your answers could not be saved in this browser (" + error.name + "). Export them to keep a copy.");
    }
  };

  /* Browsers may delete a site's storage (Safari after seven days without a visit) unless asked to keep it. */
  Template.prototype.askToKeep = function () {
    if (this.askedToKeep) return;
    this.askedToKeep = true;
    var note = this.form.querySelector(".cg-storage-note");
    if (!note) return;
    function refused() {
      note.textContent = "This browser has not agreed to keep your answers for good: it may delete them " +
        "when space runs low or, in Safari, after seven days without a visit to this site. Download a backup " +
        "of all your answers now and then, from ";
      note.appendChild(answersPageLink("Your answers"));
      note.appendChild(document.createTextNode("."));
      note.hidden = false;
    }
    var storage = window.navigator.storage;
    if (!storage || !storage.persist || !storage.persisted) {
      refused();
      return;
    }
    storage.persisted().then(function (already) {
      return already || storage.persist();
    }).then(function (kept) {
      if (!kept) refused();
    }, refused);
  };

  Template.prototype.remindBackup = function (record) {
    var reminder = this.form.querySelector(".cg-backup-reminder");
    if (!reminder || !record || !record.saved) return;
    var last = window.localStorage.getItem(backupKey());
    if (last && last >= record.saved) return;
    reminder.textContent = last
      ? "Your answers here changed after your last backup (" + new Date(last).toLocaleDateString() + "). "
      : "You have not downloaded a backup of your answers yet. ";
    reminder.appendChild(answersPageLink("Download a backup"));
    reminder.appendChild(document.createTextNode(" to keep a copy that no browser can delete."));
    reminder.hidden = false;
  };

  Template.prototype.scheduleSave = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.saveState.textContent = "Saving…";
    this.timer = window.setTimeout(function () {
      self.timer = null;
      self.save();
    }, 300);
  };

  Template.prototype.flush = function () {
    if (this.timer === null) return;
    window.clearTimeout(this.timer);
    this.timer = null;
    this.save();
  };

  Template.prototype.say = function (message) {
    this.status.hidden = false;
    this.status.textContent = message;
  };

  Template.prototype.updateCount = function (output, count) {
    var min = Number(output.dataset.minWords);
    var max = Number(output.dataset.maxWords);
    var state = rangeState(count, min, max);
    var words = count === 1 ? "1 word" : count + " words";
    var text = {
      "under": words + ": under the " + min + "–" + max + " word range",
      "in-range": words + ": within the " + min + "–" + max + " word range",
      "over": words + ": over the " + min + "–" + max + " word range"
    }[state];
    output.textContent = output.dataset.label + ": " + text + ".";
    output.dataset.state = state;
    /* Screen readers hear the count only when its state changes, not on every word;
       the state found when the page loads is recorded silently. */
    var live = document.getElementById(output.id + "-state");
    if (live && live.dataset.state !== state) {
      if (live.dataset.state) {
        live.textContent = output.dataset.label + " " + state.replace("-", " ") + ": " + words + ".";
      }
      live.dataset.state = state;
    }
  };

  /* Beside an answer that counts toward a range of all answers together: its own words and the total so far.
     Screen readers hear the total's changes from the total's own polite announcement. */
  Template.prototype.updateShare = function (output, count, total) {
    var min = Number(output.dataset.minWords);
    var max = Number(output.dataset.maxWords);
    output.textContent = "This answer: " + (count === 1 ? "1 word" : count + " words") +
      "; all answers together: " + total + " of " + min + "–" + max + " words.";
    output.dataset.state = rangeState(total, min, max);
  };

  /* A box grows with its answer: by CSS where the browser can (field-sizing), else here. */
  function fitToAnswer(area) {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }

  Template.prototype.refresh = function () {
    var self = this;
    var total = 0;
    var shares = [];
    Array.prototype.forEach.call(this.form.querySelectorAll(".cg-field > textarea"), function (area) {
      var count = countWords(area.value);
      total += count;
      if (area.value) fitToAnswer(area);
      var output = document.getElementById(area.id + "-count");
      if (output && output.dataset.shareOf) shares.push([output, count]);
      else if (output) self.updateCount(output, count);
    });
    shares.forEach(function (share) { self.updateShare(share[0], share[1], total); });
    var totalOutput = document.getElementById("total-count");
    if (totalOutput) this.updateCount(totalOutput, total);
    Array.prototype.forEach.call(this.form.querySelectorAll("textarea, input[type='text'], input[type='date'], select"), function (box) {
      var mirror = box.nextElementSibling;
      if (mirror && mirror.classList.contains("cg-print-value")) {
        mirror.textContent = box.type === "date" ? dateInWords(box.value) : box.value;
      }
    });
    this.markForPrint();
    this.checkContactDetails();
  };

  /* A blank template prints with what the guide asks for, folded on screen; it folds again after. */
  function unfoldRequirementsForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      if (document.documentElement.classList.contains("cg-filled")) return;
      Array.prototype.forEach.call(document.querySelectorAll("details.cg-requirements:not([open])"), function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.splice(0).forEach(function (details) { details.open = false; });
    });
  }

  /* A filled template prints as work: its used rows only, without the notices and the self-check.
     A blank one prints every row, to fill in by hand. */
  Template.prototype.markForPrint = function () {
    var filled = Array.prototype.some.call(this.form.elements, function (el) {
      if (!el.name || el.name.indexOf("check:") === 0 || el.type === "file" || el.type === "button") return false;
      if (el.type === "checkbox" || el.type === "radio") return el.checked;
      return el.value.trim() !== "";
    });
    document.documentElement.classList.toggle("cg-filled", filled);
    this.tables().forEach(function (table) {
      var min = Number(table.dataset.minRows);
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row, index) {
        var empty = Array.prototype.every.call(row.querySelectorAll("input, textarea, select"), function (box) {
          return box.value.trim() === "";
        });
        row.classList.toggle("cg-print-omit", filled && (row.hidden || (index >= min && empty)));
      });
    });
  };

  Template.prototype.checkContactDetails = function () {
    var flagged = {};
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-pii]"), function (el) {
      var id = el.dataset.pii;
      if (EMAIL.test(el.value) || PHONE.test(el.value)) flagged[id] = true;
      else if (!(id in flagged)) flagged[id] = false;
    });
    Object.keys(flagged).forEach(function (id) {
      var note = document.getElementById(id);
      if (note) note.hidden = !flagged[id];
    });
  };

  Template.prototype.exportAnswers = function () {
    var answers = this.collect();
    var data = {
      format: FORMAT,
      schema: SCHEMA,
      credential: this.credential,
      template: this.template,
      exported: new Date().toISOString(),
      values: answers.values,
      checks: answers.checks,
      rows: answers.rows,
      orphans: this.orphans
    };
    var name = this.credential + "--" + this.template + ".json";
    download(name, data);
    this.say("Answers exported as " + name + ".");
  };

  /* A chosen file's JSON, or undefined when it is not JSON. */
  function readJson(file, done) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(reader.result);
      } catch (error) {
        data = undefined;
      }
      done(data);
    };
    reader.readAsText(file);
  }

  Template.prototype.importAnswers = function (file) {
    var self = this;
    readJson(file, function (data) {
      if (data === undefined) {
        self.say("That file is not an answers export (it is not JSON). Nothing was changed.");
        return;
      }
      var format = data && data.format;
      data = format === FORMAT ? migrate(data) : null;
      if (!data) {
        self.say("That file is not an answers export of this site. Nothing was changed.");
        return;
      }
      if (data.credential !== self.credential || data.template !== self.template) {
        self.say("That file holds answers for another template (" + data.credential + ", " + data.template + "). Nothing was changed.");
        return;
      }
      self.apply(data);
      self.orphans = self.findOrphans(data);
      self.showOrphans();
      self.save();
      self.say("Answers imported from " + file.name + ".");
    });
  };

  Template.prototype.clear = function () {
    if (!window.confirm("Clear every answer and tick on this template? This cannot be undone. Export first to keep a copy.")) {
      return;
    }
    window.clearTimeout(this.timer);
    this.timer = null;
    window.localStorage.removeItem(this.key);
    this.orphans = {};
    this.showOrphans();
    this.apply({});
    this.saveState.textContent = "";
    this.say("All answers on this template were cleared from this device.");
  };

  Template.prototype.start = function () {
    var self = this;
    Array.prototype.forEach.call(this.form.querySelectorAll(".cg-js-only"), function (el) {
      el.hidden = false;
    });
    var stored = readStored(this.credential, this.template) || {};
    this.apply(stored);
    this.orphans = this.findOrphans(stored);
    this.showOrphans();
    this.remindBackup(stored);
    unfoldRequirementsForPrint();

    this.form.addEventListener("input", function (event) {
      if (event.target.type === "file") return;
      self.refresh();
      self.scheduleSave();
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.type === "file") return;
      self.refresh();
      self.scheduleSave();
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var table = button.closest(".cg-table-field");
      if (button.classList.contains("cg-add-row")) {
        var count = self.visibleRows(table);
        self.setRows(table, count + 1);
        var first = table.querySelectorAll("tbody tr")[count].querySelector("input, textarea, select");
        if (first) first.focus();
        self.scheduleSave();
      } else if (button.classList.contains("cg-remove-row")) {
        self.removeRow(table, button.closest("tr"));
      } else if (button.dataset.action === "export") {
        self.exportAnswers();
      } else if (button.dataset.action === "clear") {
        self.clear();
      } else if (button.dataset.action === "print") {
        window.print();
      } else if (button.dataset.action === "remove-orphans") {
        self.removeOrphans();
      } else if (button.dataset.action === "word") {
        self.downloadWord();
      } else if (button.dataset.action === "pdf") {
        self.downloadPdf();
      } else if (button.dataset.action === "copy-all") {
        var all = self.asText();
        self.copy(all.text, "Copied " + all.answered + " of " + all.questions + " answers as numbered text: paste them into the issuer's form.");
      } else if (button.dataset.action === "copy-answer") {
        var box = document.getElementById(button.dataset.for);
        if (box.value.trim()) self.copy(box.value, "Copied this answer.");
        else self.say("This answer is empty; nothing was copied.");
      }
    });
    var importer = this.form.querySelector("[data-action=import]");
    importer.addEventListener("change", function () {
      if (importer.files.length) self.importAnswers(importer.files[0]);
      importer.value = "";
    });
    window.addEventListener("beforeprint", function () { self.refresh(); });
    /* Leaving the page within the save delay must not lose the last keystrokes. */
    window.addEventListener("pagehide", function () { self.flush(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") self.flush();
    });
  };

  /* ---- answers as numbered plain text, for an issuer's text boxes -------- */

  function clean(text) {
    return String(text).replace(/\s+/g, " ").trim();
  }

  function boxText(box) {
    return box.type === "date" ? dateInWords(box.value) : box.value.trim();
  }

  /* A field's answer as text, read by what the page says it is (data-answer, from field_types.py). */
  function answerText(field) {
    var answer = field.dataset.answer;
    if (answer === "one") {
      var chosen = field.querySelector("input:checked");
      return chosen ? chosen.value : "";
    }
    if (answer === "many") {
      return Array.prototype.filter.call(field.querySelectorAll("input[type=checkbox]"), function (box) {
        return box.checked;
      }).map(function (box) { return "- " + box.value; }).join("\n");
    }
    if (answer === "rows") {
      var headers = Array.prototype.map.call(field.querySelectorAll("thead th:not(:first-child):not(.cg-js-only)"), function (th) {
        return clean(th.textContent);
      });
      var rows = [];
      Array.prototype.forEach.call(field.querySelectorAll("tbody tr:not([hidden])"), function (row, index) {
        var cells = [];
        Array.prototype.forEach.call(row.querySelectorAll("td:not(.cg-js-only)"), function (cell, column) {
          var box = cell.querySelector("input, textarea, select");
          var value = box ? boxText(box) : "";
          if (value) cells.push(headers[column] + ": " + value);
        });
        if (cells.length) rows.push("Row " + (index + 1) + ": " + cells.join("; "));
      });
      return rows.join("\n");
    }
    var box = field.querySelector("textarea, input");
    return box ? boxText(box) : "";
  }

  /* The template as its submission: each question numbered in the template's order, then the
     answer, as issuers ask. The plain text and the Word document are both written from this. */
  Template.prototype.submission = function () {
    var heading = document.querySelector("article h1");
    var parts = [];
    var number = 0;
    var answered = 0;
    Array.prototype.forEach.call(this.form.querySelectorAll(".cg-field-heading, .cg-field[data-label]"), function (field) {
      if (field.classList.contains("cg-field-heading")) {
        parts.push({ heading: clean(field.textContent) });
        return;
      }
      number += 1;
      var answer = answerText(field);
      if (answer) answered += 1;
      parts.push({ question: number + ". " + clean(field.dataset.label), answer: answer });
    });
    return {
      title: heading ? clean(heading.textContent).replace(/^Template:\s*/, "") : this.template,
      credential: this.form.dataset.credentialTitle || this.credential,
      parts: parts,
      answered: answered,
      questions: number
    };
  };

  Template.prototype.asText = function () {
    var work = this.submission();
    var lines = [work.title];
    work.parts.forEach(function (part) {
      if (part.heading) lines.push("", part.heading);
      else lines.push("", part.question, part.answer || "(no answer yet)");
    });
    return { text: lines.join("\n") + "\n", answered: work.answered, questions: work.questions };
  };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* A Word document made in this browser with the vendored docx library: a title, a subtitle, then
     sections, each an optional heading and its parts (a heading, or a numbered question and answer). */
  function wordDocument(work) {
    var ready = window.docx ? Promise.resolve() : loadScript(siteRoot() + "assets/javascripts/vendor/docx.iife.js");
    return ready.then(function () {
      var docx = window.docx;
      var children = [
        new docx.Paragraph({ text: work.title, heading: docx.HeadingLevel.HEADING_1 }),
        new docx.Paragraph({ text: work.subtitle })
      ];
      work.sections.forEach(function (section) {
        if (section.heading) {
          children.push(new docx.Paragraph({ text: section.heading, heading: docx.HeadingLevel.HEADING_2 }));
        }
        section.parts.forEach(function (part) {
          if (part.heading) {
            children.push(new docx.Paragraph({ text: part.heading, heading: docx.HeadingLevel.HEADING_2 }));
            return;
          }
          children.push(new docx.Paragraph({ text: part.question, heading: docx.HeadingLevel.HEADING_3 }));
          (part.answer || "(no answer yet)").split("\n").forEach(function (line) {
            children.push(new docx.Paragraph({ text: line }));
          });
        });
      });
      return docx.Packer.toBlob(new docx.Document({
        creator: "Credential guides",
        title: work.title,
        description: work.subtitle,
        sections: [{ children: children }]
      }));
    });
  }

  function base64Bytes(text) {
    var binary = window.atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /* The same work as a tagged PDF (PDF/UA-1) made in this browser with the vendored pdfkit and
     DejaVu Sans embedded: real text that flows across pages, headings and paragraphs in its
     structure tree, the title shown in the reader's title bar, page numbers as artifacts. */
  function pdfDocument(work) {
    var vendor = siteRoot() + "assets/javascripts/vendor/";
    return Promise.all([
      window.PDFDocument ? null : loadScript(vendor + "pdfkit.standalone.js"),
      window.cgPdfFonts ? null : loadScript(vendor + "dejavu-sans.js")
    ]).then(function () {
      var doc = new window.PDFDocument({
        size: "LETTER",
        margins: { top: 72, bottom: 72, left: 72, right: 72 },
        pdfVersion: "1.7",
        subset: "PDF/UA",
        tagged: true,
        lang: "en-US",
        displayTitle: true,
        bufferPages: true,
        info: { Title: work.title, Subject: work.subtitle, Creator: "Credential guides" }
      });
      var chunks = [];
      var finished = new Promise(function (resolve) {
        doc.on("data", function (chunk) { chunks.push(chunk); });
        doc.on("end", function () { resolve(new Blob(chunks, { type: "application/pdf" })); });
      });
      doc.registerFont("Body", base64Bytes(window.cgPdfFonts.regular));
      doc.registerFont("Bold", base64Bytes(window.cgPdfFonts.bold));
      var root = doc.struct("Document");
      doc.addStructure(root);
      function add(type, font, size, text, space) {
        /* A heading is never left alone at the foot of a page: it starts the next one with its answer. */
        var bottom = doc.page.height - doc.page.margins.bottom;
        if (type.charAt(0) === "H" && doc.y + size * 5 > bottom) doc.addPage();
        root.add(doc.struct(type, function () {
          doc.font(font).fontSize(size).text(text, { paragraphGap: space, lineGap: 2 });
        }));
      }
      var nested = work.sections.some(function (section) { return section.heading; });
      add("H1", "Bold", 18, work.title, 4);
      add("P", "Body", 11, work.subtitle, 12);
      work.sections.forEach(function (section) {
        if (section.heading) add("H2", "Bold", 15, section.heading, 8);
        section.parts.forEach(function (part) {
          if (part.heading) {
            add(nested ? "H3" : "H2", "Bold", 13, part.heading, 6);
            return;
          }
          add(nested ? "H4" : "H3", "Bold", 11, part.question, 4);
          (part.answer || "(no answer yet)").split("\n").forEach(function (line, index, lines) {
            add("P", "Body", 11, line, index === lines.length - 1 ? 12 : 3);
          });
        });
      });
      root.end();
      var pages = doc.bufferedPageRange();
      for (var i = 0; i < pages.count; i++) {
        doc.switchToPage(pages.start + i);
        var bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent("Artifact", { type: "Pagination" });
        doc.font("Body").fontSize(9).text(work.title + " · page " + (i + 1) + " of " + pages.count,
          72, doc.page.height - 48, { width: doc.page.width - 144, align: "center", lineBreak: false });
        doc.endMarkedContent();
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return finished;
    });
  }

  function saveBlob(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  Template.prototype.downloadWord = function () {
    var self = this;
    var work = this.submission();
    var name = this.credential + "--" + this.template + ".docx";
    wordDocument({ title: work.title, subtitle: work.credential, sections: [{ parts: work.parts }] }).then(function (blob) {
      saveBlob(blob, name);
      self.say("Downloaded " + name + " with " + work.answered + " of " + work.questions + " answers.");
    }, function (error) {
      self.say("The Word document could not be made in this browser (" + error.message + "). Copy the answers as text instead.");
    });
  };

  Template.prototype.downloadPdf = function () {
    var self = this;
    var work = this.submission();
    var name = this.credential + "--" + this.template + ".pdf";
    self.say("Making the PDF…");
    pdfDocument({ title: work.title, subtitle: work.credential, sections: [{ parts: work.parts }] }).then(function (blob) {
      saveBlob(blob, name);
      self.say("Downloaded " + name + " with " + work.answered + " of " + work.questions + " answers, ready to upload.");
    }, function (error) {
      self.say("The PDF could not be made in this browser (" + error.message + "). Download it as Word instead, or print.");
    });
  };

  /* The same parts, from a stored record and the summary page's description of the template. */
  function recordParts(template, record) {
    var values = (record && record.values) || {};
    var rows = (record && record.rows) || {};
    function text(value) {
      var trimmed = typeof value === "string" ? value.trim() : "";
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? dateInWords(trimmed) : trimmed;
    }
    return template.fields.map(function (field, index) {
      var value = values[field.id];
      var answer;
      if (field.answer === "many") {
        answer = (Array.isArray(value) ? value : []).map(function (item) { return "- " + item; }).join("\n");
      } else if (field.columns) {
        var lines = [];
        for (var row = 0; row < (rows[field.id] || field.minRows || 0); row++) {
          var cells = field.columns.map(function (column) {
            var cell = text(values[field.id + "." + row + "." + column[0]]);
            return cell ? column[1] + ": " + cell : "";
          }).filter(Boolean);
          if (cells.length) lines.push("Row " + (row + 1) + ": " + cells.join("; "));
        }
        answer = lines.join("\n");
      } else {
        answer = text(value);
      }
      return { question: (index + 1) + ". " + field.label, answer: answer };
    });
  }

  function copyText(text) {
    if (window.navigator.clipboard && window.isSecureContext) return window.navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "cg-sr-only";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      if (copied) resolve();
      else reject(new Error("the browser refused to copy"));
    });
  }

  Template.prototype.copy = function (text, done) {
    var self = this;
    copyText(text).then(function () {
      self.say(done);
    }, function () {
      self.say("This browser did not let the page copy. Select the answer and copy it with the keyboard instead.");
    });
  };

  Template.prototype.removeRow = function (table, row) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var count = this.visibleRows(table);
    var index = rows.indexOf(row);
    if (count <= Number(table.dataset.minRows)) return;
    /* Shift the rows below up by one, then hide the last visible row. */
    for (var i = index; i < count - 1; i++) {
      var from = rows[i + 1].querySelectorAll("input, textarea, select");
      var to = rows[i].querySelectorAll("input, textarea, select");
      for (var j = 0; j < to.length; j++) to[j].value = from[j].value;
    }
    this.setRows(table, count - 1);
    this.refresh();
    this.scheduleSave();
    var focusRow = rows[Math.min(index, count - 2)];
    var target = focusRow && focusRow.querySelector(".cg-remove-row:not([disabled])");
    (target || table.querySelector(".cg-add-row")).focus();
  };

  /* ---- the per-credential summary -------------------------------------- */

  function answered(field, record) {
    var values = record.values || {};
    if (field.answer === "many") return (values[field.id] || []).length > 0;
    if (field.answer === "rows") {
      var filled = 0;
      var count = (record.rows || {})[field.id] || 0;
      for (var row = 0; row < count; row++) {
        var prefix = field.id + "." + row + ".";
        var any = Object.keys(values).some(function (name) {
          return name.indexOf(prefix) === 0 && String(values[name]).trim() !== "";
        });
        if (any) filled++;
      }
      return filled >= Math.max(1, field.minRows || 0);
    }
    return typeof values[field.id] === "string" && values[field.id].trim() !== "";
  }

  function templateStatus(spec, record) {
    if (!record) return { answers: "Not started", checked: 0 };
    var values = record.values || {};
    var checked = Object.keys(record.checks || {}).filter(function (id) { return record.checks[id]; }).length;
    var started = checked > 0 || Object.keys(values).some(function (name) {
      var value = values[name];
      return Array.isArray(value) ? value.length > 0 : String(value).trim() !== "";
    });
    if (!started) return { answers: "Not started", checked: checked };
    var total = 0;
    var complete = spec.fields.every(function (field) {
      if (!answered(field, record)) return false;
      if (field.counted) {
        var count = countWords(values[field.id]);
        total += count;
        if (field.words && rangeState(count, field.words[0], field.words[1]) !== "in-range") return false;
      }
      return true;
    });
    if (complete && spec.words && rangeState(total, spec.words[0], spec.words[1]) !== "in-range") complete = false;
    return { answers: complete ? "Complete" : "Started", checked: checked };
  }

  function startSummary(specElement) {
    var spec = JSON.parse(specElement.textContent);
    var table = specElement.parentElement.querySelector("table");
    if (!table) return;
    var whole = document.getElementById("cg-whole-submission");
    if (whole) {
      whole.hidden = false;
      var status = whole.querySelector(".cg-status");
      whole.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-action]");
        if (!button) return;
        var sections = spec.templates.map(function (template) {
          return { heading: template.title, parts: recordParts(template, readStored(spec.credential, template.id)) };
        });
        var pdf = button.dataset.action === "pdf";
        var name = spec.credential + "--submission." + (pdf ? "pdf" : "docx");
        var make = pdf ? pdfDocument : wordDocument;
        status.hidden = false;
        status.textContent = pdf ? "Making the PDF…" : "Making the Word document…";
        make({ title: spec.title + ": submission", subtitle: spec.title, sections: sections }).then(function (blob) {
          saveBlob(blob, name);
          status.textContent = "Downloaded " + name + " with the answers of every template.";
        }, function (error) {
          status.textContent = "The " + (pdf ? "PDF" : "Word document") + " could not be made in this browser (" +
            error.message + ").";
        });
      });
    }
    var rows = table.querySelectorAll("tbody tr");
    spec.templates.forEach(function (template, index) {
      var row = rows[index];
      if (!row) return;
      row.dataset.template = template.id;
      var status = templateStatus(template, readStored(spec.credential, template.id));
      row.cells[1].textContent = status.answers;
      row.cells[2].textContent = status.checked + " of " + template.checks + " points ticked" +
        (status.checked === template.checks ? " (self-checked)" : "");
    });
  }

  /* ---- "Your answers": every answer on the site, backed up and restored --- */

  function Backup(element) {
    this.element = element;
    this.status = element.querySelector(".cg-status");
    this.state = element.querySelector(".cg-backup-state");
    this.list = element.querySelector(".cg-backup-list tbody");
  }

  Backup.prototype.say = Template.prototype.say;

  Backup.prototype.show = function () {
    var records = storedRecords();
    var last = window.localStorage.getItem(backupKey());
    var changed = records.filter(function (record) { return !last || record.saved > last; }).length;
    this.state.textContent = (records.length
      ? templates(records.length) + (records.length === 1 ? " has" : " have") + " answers saved in this browser. "
      : "No answers are saved in this browser. ") +
      (last ? "Last backup: " + new Date(last).toLocaleString() + "; " + templates(changed) + " changed since."
        : "No backup downloaded yet.");
    this.list.textContent = "";
    var self = this;
    records.forEach(function (record) {
      var row = self.list.insertRow();
      var title = row.insertCell();
      if (record.page && record.page.indexOf(siteRoot()) === 0) {
        var link = document.createElement("a");
        link.href = record.page;
        link.textContent = record.title || record.template;
        title.appendChild(link);
      } else {
        title.textContent = record.title || record.template;
      }
      row.insertCell().textContent = record.credential;
      row.insertCell().textContent = record.saved ? new Date(record.saved).toLocaleString() : "";
    });
  };

  Backup.prototype.backup = function () {
    var exported = new Date().toISOString();
    var records = storedRecords();
    download("credential-guides-answers-" + isoDay(new Date()) + ".json", {
      format: BACKUP_FORMAT,
      schema: SCHEMA,
      exported: exported,
      records: records
    });
    window.localStorage.setItem(backupKey(), exported);
    this.say("A backup of " + templates(records.length) + " was downloaded. Keep it somewhere safe: it holds your answers.");
    this.show();
  };

  Backup.prototype.restore = function (file) {
    var self = this;
    readJson(file, function (data) {
      if (!data || data.format !== BACKUP_FORMAT || !Array.isArray(data.records)) {
        self.say("That file is not a backup of answers from this site. Nothing was changed.");
        return;
      }
      var records = data.records.map(migrate).filter(Boolean);
      if (!records.length) {
        self.say("That backup holds no answers this site can read. Nothing was changed.");
        return;
      }
      if (!window.confirm("Restore the answers to " + templates(records.length) + " from " + file.name +
          "? Answers saved in this browser for the same templates are replaced.")) {
        return;
      }
      records.forEach(function (record) {
        window.localStorage.setItem(storageKey(record.credential, record.template), JSON.stringify(record));
      });
      self.say("The answers to " + templates(records.length) + " were restored from " + file.name + ".");
      self.show();
    });
  };

  Backup.prototype.start = function () {
    var self = this;
    Array.prototype.forEach.call(this.element.querySelectorAll(".cg-js-only"), function (el) {
      el.hidden = false;
    });
    this.element.querySelector("[data-action=backup]").addEventListener("click", function () { self.backup(); });
    var restorer = this.element.querySelector("[data-action=restore]");
    restorer.addEventListener("change", function () {
      if (restorer.files.length) self.restore(restorer.files[0]);
      restorer.value = "";
    });
    this.show();
  };

  /* ---- the reader's own progress, beside each credential in the catalog --- */

  function started(record) {
    var values = record.values || {};
    var checks = record.checks || {};
    return Object.keys(checks).some(function (id) { return checks[id]; }) ||
      Object.keys(values).some(function (name) {
        var value = values[name];
        return Array.isArray(value) ? value.length > 0 : String(value).trim() !== "";
      });
  }

  function showProgress(links) {
    var byCredential = {};
    storedRecords().forEach(function (record) {
      if (!started(record)) return;
      var progress = byCredential[record.credential] = byCredential[record.credential] || { templates: 0, checks: 0 };
      progress.templates += 1;
      progress.checks += Object.keys(record.checks || {}).filter(function (id) { return record.checks[id]; }).length;
    });
    Array.prototype.forEach.call(links, function (link) {
      var progress = byCredential[link.dataset.cgCredential];
      if (!progress) return;
      var note = document.createElement("span");
      note.className = "cg-progress";
      note.textContent = " · started on this device: answers in " + progress.templates + " of " +
        link.dataset.cgTemplates + " templates, " + progress.checks + " self-check " +
        (progress.checks === 1 ? "point" : "points") + " ticked";
      link.insertAdjacentElement("afterend", note);
    });
  }

  function start() {
    var links = document.querySelectorAll("a[data-cg-credential]");
    if (links.length) showProgress(links);
    /* The catalog filter (catalog-filter.js) lists matching credentials anew on every change. */
    document.addEventListener("cg:catalog-rendered", function (event) {
      showProgress(event.detail.querySelectorAll("a[data-cg-credential]"));
    });
    var form = document.querySelector("form.cg-template");
    if (form) new Template(form).start();
    var spec = document.getElementById("cg-summary-spec");
    if (spec) startSummary(spec);
    var backup = document.getElementById("cg-backup");
    if (backup) new Backup(backup).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
