/*
 * Fillable templates: answers saved in this browser only (localStorage), live
 * word counts, table rows within the published bounds, export/import as JSON,
 * clear, print, a warning on contact details, and the per-credential summary.
 * Nothing here makes a network request: answers never leave the device.
 */
(function () {
  "use strict";

  var SCHEMA = 1;
  var FORMAT = "credential-guides-answers";
  var EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
  var PHONE = /(?:\+?\d[\s().-]*){7,}\d/;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", window.location.href).pathname;
  }

  function storageKey(credential, template) {
    return ["credential-guides", "v" + SCHEMA, siteRoot(), credential, template].join("|");
  }

  function readStored(key) {
    try {
      var raw = window.localStorage.getItem(key);
      var data = raw ? JSON.parse(raw) : null;
      return data && data.schema === SCHEMA ? data : null;
    } catch (error) {
      return null;
    }
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

  Template.prototype.save = function () {
    var answers = this.collect();
    var record = {
      schema: SCHEMA,
      credential: this.credential,
      template: this.template,
      saved: new Date().toISOString(),
      values: answers.values,
      checks: answers.checks,
      rows: answers.rows
    };
    try {
      window.localStorage.setItem(this.key, JSON.stringify(record));
      this.saveState.textContent = "Saved on this device " + new Date().toLocaleTimeString();
    } catch (error) {
      this.say("Your answers could not be saved in this browser (" + error.name + "). Export them to keep a copy.");
    }
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

  Template.prototype.refresh = function () {
    var self = this;
    var total = 0;
    Array.prototype.forEach.call(this.form.querySelectorAll(".cg-field > textarea"), function (area) {
      var count = countWords(area.value);
      total += count;
      var output = document.getElementById(area.id + "-count");
      if (output) self.updateCount(output, count);
    });
    var totalOutput = document.getElementById("total-count");
    if (totalOutput) this.updateCount(totalOutput, total);
    Array.prototype.forEach.call(this.form.querySelectorAll("textarea, input[type='text'], input[type='date'], select"), function (box) {
      var mirror = box.nextElementSibling;
      if (mirror && mirror.classList.contains("cg-print-value")) mirror.textContent = box.value;
    });
    this.checkContactDetails();
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
      rows: answers.rows
    };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = this.credential + "--" + this.template + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    this.say("Answers exported as " + link.download + ".");
  };

  Template.prototype.importAnswers = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(reader.result);
      } catch (error) {
        self.say("That file is not an answers export (it is not JSON). Nothing was changed.");
        return;
      }
      if (!data || data.format !== FORMAT || data.schema !== SCHEMA) {
        self.say("That file is not an answers export of this site. Nothing was changed.");
        return;
      }
      if (data.credential !== self.credential || data.template !== self.template) {
        self.say("That file holds answers for another template (" + data.credential + ", " + data.template + "). Nothing was changed.");
        return;
      }
      self.apply(data);
      self.save();
      self.say("Answers imported from " + file.name + ".");
    };
    reader.readAsText(file);
  };

  Template.prototype.clear = function () {
    if (!window.confirm("Clear every answer and tick on this template? This cannot be undone. Export first to keep a copy.")) {
      return;
    }
    window.clearTimeout(this.timer);
    this.timer = null;
    window.localStorage.removeItem(this.key);
    this.apply({});
    this.saveState.textContent = "";
    this.say("All answers on this template were cleared from this device.");
  };

  Template.prototype.start = function () {
    var self = this;
    Array.prototype.forEach.call(this.form.querySelectorAll(".cg-js-only"), function (el) {
      el.hidden = false;
    });
    this.apply(readStored(this.key) || {});

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
    if (field.type === "checklist") return (values[field.id] || []).length > 0;
    if (field.type === "table" || field.type === "links") {
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
      if (field.type === "long_text") {
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
    var rows = table.querySelectorAll("tbody tr");
    spec.templates.forEach(function (template, index) {
      var row = rows[index];
      if (!row) return;
      row.dataset.template = template.id;
      var status = templateStatus(template, readStored(storageKey(spec.credential, template.id)));
      row.cells[1].textContent = status.answers;
      row.cells[2].textContent = status.checked + " of " + template.checks + " points ticked" +
        (status.checked === template.checks ? " (self-checked)" : "");
    });
  }

  function start() {
    var form = document.querySelector("form.cg-template");
    if (form) new Template(form).start();
    var spec = document.getElementById("cg-summary-spec");
    if (spec) startSummary(spec);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
