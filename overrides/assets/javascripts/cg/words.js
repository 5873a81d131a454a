// @ts-check
/*
 * Every message the templates' code composes in the browser, in one place.
 * Everything else a reader sees comes from the page (the Jinja templates).
 */
/* exported cgWords */
const cgWords = (() => {
  "use strict";

  /** @param {number} count @param {string} one @param {string} many */
  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /** @param {number} count */
  const templates = (count) => plural(count, "template", "templates");
  /** @param {number} count */
  const words = (count) => plural(count, "word", "words");

  return {
    plural,
    templates,
    words,
    noAnswer: "(no answer yet)",
    rowHeader: "Row",
    saving: "Saving…",
    /** @param {string} time */
    saved: (time) => "Saved on this device " + time,
    /** @param {string} error */
    notSaved: (error) => "Your answers could not be saved in this browser (" + error + "). Export them to keep a copy.",
    storageRefused: "This browser has not agreed to keep your answers for good: it may delete them " +
      "when space runs low or, in Safari, after seven days without a visit to this site. Download a backup " +
      "of all your answers now and then, from ",
    answersPage: "Your answers",
    /** @param {string} day */
    changedSinceBackup: (day) => "Your answers here changed after your last backup (" + day + "). ",
    noBackupYet: "You have not downloaded a backup of your answers yet. ",
    downloadBackup: "Download a backup",
    backupReason: " to keep a copy that no browser can delete.",

    /** @param {number} count @param {number} min @param {number} max */
    rowCount: (count, min, max) => count + " of " + (min === max ? max : "at most " + max) + " rows" +
      (count >= max ? " (the published maximum)" : "") +
      (count <= min && min > 0 ? "; at least " + min + " needed" : ""),
    /**
     * @param {string} label
     * @param {number} count
     * @param {"under" | "in-range" | "over"} state
     * @param {number} min
     * @param {number} max
     */
    wordCount: (label, count, state, min, max) => label + ": " + words(count) + ": " +
      { "under": "under", "in-range": "within", "over": "over" }[state] + " the " + min + "–" + max + " word range.",
    /** @param {string} label @param {string} state @param {number} count */
    wordCountChanged: (label, state, count) => label + " " + state.replace("-", " ") + ": " + words(count) + ".",
    /** @param {number} count @param {number} total @param {number} min @param {number} max */
    wordShare: (count, total, min, max) => "This answer: " + words(count) + "; all answers together: " +
      total + " of " + min + "–" + max + " words.",

    confirmRemoveOrphans: "Remove the answers to questions no longer on this template? This cannot be undone.",
    orphansRemoved: "The answers to questions no longer on this template were removed.",
    confirmClear: "Clear every answer and tick on this template? This cannot be undone. Export first to keep a copy.",
    cleared: "All answers on this template were cleared from this device.",
    /** @param {string} name */
    exported: (name) => "Answers exported as " + name + ".",
    importNotJson: "That file is not an answers export (it is not JSON). Nothing was changed.",
    notAnswersFile: "That file is not an export or backup of answers from this site. Nothing was changed.",
    importNoneHere: "That file holds no answers for this template. Nothing was changed.",
    /** @param {string} kept @param {string} file */
    confirmOlderImport: (kept, file) => "The answers on this page were saved on " + kept + ", after those in the file (" +
      file + "). Replace them with the file's?",
    /** @param {string} credential @param {string} template */
    importOtherTemplate: (credential, template) =>
      "That file holds answers for another template (" + credential + ", " + template + "). Nothing was changed.",
    /** @param {string} name */
    imported: (name) => "Answers imported from " + name + ".",

    /** @param {number} answered @param {number} questions */
    copiedAll: (answered, questions) => "Copied " + answered + " of " + questions +
      " answers as numbered text: paste them into the issuer's form.",
    copiedOne: "Copied this answer.",
    emptyAnswer: "This answer is empty; nothing was copied.",
    copyRefused: "This browser did not let the page copy. Select the answer and copy it with the keyboard instead.",

    makingPdf: "Making the PDF…",
    makingWord: "Making the Word document…",
    /** @param {string} name @param {number} answered @param {number} questions */
    downloadedWord: (name, answered, questions) =>
      "Downloaded " + name + " with " + answered + " of " + questions + " answers.",
    /** @param {string} name @param {number} answered @param {number} questions */
    downloadedPdf: (name, answered, questions) =>
      "Downloaded " + name + " with " + answered + " of " + questions + " answers, ready to upload.",
    /** @param {string} error */
    wordFailed: (error) => "The Word document could not be made in this browser (" + error +
      "). Copy the answers as text instead.",
    /** @param {string} error */
    pdfFailed: (error) => "The PDF could not be made in this browser (" + error + "). Download it as Word instead, or print.",
    /** @param {string} name @param {number} started @param {number} total */
    downloadedSubmission: (name, started, total) => "Downloaded " + name + " with the answers saved for " +
      started + " of " + templates(total) + ".",
    /** @param {boolean} pdf @param {string} error */
    submissionFailed: (pdf, error) => "The " + (pdf ? "PDF" : "Word document") +
      " could not be made in this browser (" + error + ").",
    /** A page's footer, around its number and the count of pages (Word fills them in as it lays out). @param {string} title */
    pageFooterParts: (title) => [title + " · page ", " of "],
    /** @param {string} title @param {number} page @param {number} pages */
    pageFooter: (title, page, pages) => title + " · page " + page + " of " + pages,
    /** @param {string} title */
    submissionTitle: (title) => title + ": submission",

    statusNames: { "not-started": "Not started", "started": "Started", "complete": "Complete" },
    /**
     * What keeps a template from complete, in a sentence.
     * @param {Missing} missing
     */
    missing: (missing) => {
      const name = missing.label ? "“" + missing.label + "”" : "All answers together";
      if (missing.problem === "unanswered") {
        return missing.rows && missing.rows > 1
          ? name + " needs at least " + missing.rows + " rows with answers"
          : name + " has no answer";
      }
      const range = missing.range || [0, 0];
      return name + ": " + words(missing.words || 0) + ", " + missing.problem + " the " + range[0] + "–" + range[1] +
        " word range";
    },
    /** A template's status with its reasons. @param {string} state @param {string[]} reasons */
    statusWithReasons: (state, reasons) => state + (reasons.length ? " — " + reasons.join("; ") + "." : ""),
    /** How many more reasons there are, where a status lists only the first. @param {number} count */
    andMore: (count) => plural(count, "more", "more"),
    notDoneTitle: "Not everything is done yet",
    /** @param {boolean} copy */
    notDoneIntro: (copy) => "Where a question has no answer, the " + (copy ? "text" : "document") +
      " says “(no answer yet)”. Check what is missing before you hand it in:",
    notStartedTemplate: "Not started: every question has no answer",
    /** @param {boolean} copy */
    goOn: (copy) => (copy ? "Copy anyway" : "Download anyway"),
    goBack: "Go back and finish",
    /** @param {number} checked @param {number} of */
    checked: (checked, of) => checked + " of " + of + " points ticked" + (checked === of ? " (self-checked)" : ""),
    /** @param {number} templatesStarted @param {string} of @param {number} checks */
    progress: (templatesStarted, of, checks) => " · started on this device: answers in " + templatesStarted +
      " of " + of + " templates, " + checks + " self-check " + (checks === 1 ? "point" : "points") + " ticked",

    /** @param {number} count */
    savedTemplates: (count) => count
      ? templates(count) + (count === 1 ? " has" : " have") + " answers saved in this browser. "
      : "No answers are saved in this browser. ",
    /** @param {string} when @param {number} changed */
    lastBackup: (when, changed) => "Last backup: " + when + "; " + templates(changed) + " changed since.",
    noBackupDownloaded: "No backup downloaded yet.",
    /** @param {number} count */
    backedUp: (count) => "A backup of " + templates(count) +
      " was downloaded. Keep it somewhere safe: it holds your answers.",
    restoreEmpty: "That file holds no answers this site can read. Nothing was changed.",
    /** @param {number} count */
    restoreAllOlder: (count) => "This browser holds newer answers than the file for " + (count === 1 ? "its template" :
      "all " + templates(count)) + ". Nothing was changed.",
    /** @param {number} count */
    keptNewer: (count) => count ? " Newer answers saved here for " + templates(count) + " were kept." : "",
    /** @param {number} count @param {string} name @param {number} newer */
    confirmRestore: (count, name, newer) => "Restore the answers to " + templates(count) + " from " + name +
      "? Answers saved in this browser for the same templates are replaced." +
      (newer ? " Newer answers saved here for " + templates(newer) + " are kept." : ""),
    /** @param {number} count @param {string} name */
    restored: (count, name) => "The answers to " + templates(count) + " were restored from " + name + ".",
  };
})();
