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
  /** A size in the units people read: "640 KB", "3.2 MB". @param {number} bytes */
  const size = (bytes) => {
    const [unit, scale] = bytes < 1024 ** 2 ? ["KB", 1024] : bytes < 1024 ** 3 ? ["MB", 1024 ** 2] : ["GB", 1024 ** 3];
    const value = bytes / scale;
    return (unit === "KB" ? Math.max(1, Math.round(value)) : value.toFixed(value < 10 ? 1 : 0)) + " " + unit;
  };
  /** @param {FileKind[]} accept */
  const kinds = (accept) => accept.map((kind) => (kind === "pdf" ? "a PDF" : "a photo (JPEG, PNG, WebP or HEIC)")).join(" or ");

  return {
    plural,
    templates,
    words,
    noAnswer: "(no answer yet)",
    /** A file of a submission in one line: "Photo 2, 12 May 2026: the description". @param {PartFile} file */
    fileCaption: (file) => (file.kind === "pdf" ? "PDF scan " : "Photo ") + file.number +
      (file.kind === "pdf" && file.pages ? " (" + plural(file.pages, "page", "pages") + ")" : "") +
      (file.date ? ", " + file.date : "") + (file.description ? ": " + file.description : ""),
    /** A kept file in one line, where the template no longer shows it: "garden.jpg, 12 May 2026: the description". @param {FileEntry} file */
    fileLine: (file) => (file.name || "a file") + (file.date ? ", " + file.date : "") + (file.description ? ": " + file.description : ""),
    /** A photo's alternative text where the teacher wrote no description. @param {PartFile} file */
    fileAlt: (file) => file.description || "Photo " + file.number + (file.date ? ", " + file.date : ""),
    size,
    /** @param {string} name @param {FileKind[]} accept */
    notAccepted: (name, accept) => name + " was not added: this question takes " + kinds(accept) + ".",
    /** @param {string} name @param {number} bytes @param {number} max */
    tooLarge: (name, bytes, max) => name + " was not added: it is " + size(bytes) + ", and this page takes files of up to " +
      size(max) + ". Make it smaller (or scan at a lower resolution) and add it again.",
    /** @param {string} name */
    unreadablePhoto: (name) => name + " was not added: this browser cannot read it as a photo. It may be damaged; " +
      "open it on your device, save it again as JPEG, and add that copy.",
    /** @param {string} name */
    heicUnreadable: (name) => name + " was not added: this browser cannot read HEIC photos. On an iPhone, choose " +
      "Settings › Camera › Formats › Most Compatible, or share the photo to yourself as JPEG (Mail or Files), and add that copy.",
    /** @param {string} name */
    unreadablePdf: (name) => name + " was not added: it is not a PDF this page can read. It may be damaged; save or scan it again.",
    /** @param {string} name */
    encryptedPdf: (name) => name + " was not added: it is protected by a password. Save a copy without the password and add that.",
    /** @param {string} question @param {number} max @param {string[]} names */
    tooMany: (question, max, names) => "“" + question + "” takes at most " + plural(max, "file", "files") + ", so " +
      names.join(", ") + (names.length === 1 ? " was" : " were") + " not added. To make room, remove a file (its Remove button) " +
      "or replace one (its Replace button).",
    /** @param {string} name @param {number} used */
    storageFull: (name, used) => name + " was not added: this browser refused more space for this site (its files use " +
      size(used) + "). Nothing already kept was lost. Remove files you no longer need, or free space on the device, and try again.",
    /** @param {string} name @param {string} error */
    notKept: (name, error) => name + " was not added: this browser could not keep it (" + error + "). Nothing already kept was lost.",
    /** @param {number} count */
    adding: (count) => "Adding " + plural(count, "file", "files") + "…",
    /** @param {number} count @param {number} min @param {number} max */
    fileCount: (count, min, max) => plural(count, "file", "files") + " of " +
      (min === max ? max : min === 0 ? "up to " + max : min + "–" + max) + " asked for.",
    /** @param {number} files @param {number} bytes @param {number | null} quota */
    filesUsage: (files, bytes, quota) => "Files kept for this site on this device: " + plural(files, "file", "files") + ", " +
      size(bytes) + (quota ? " (the browser allows this site about " + size(quota) + ")" : "") + ".",
    /** @param {number} number @param {string} name */
    fileLabel: (number, name) => "File " + number + ": " + name,
    /** @param {number} number */
    fileRemoved: (number) => "File " + number + " was removed.",
    /** @param {number} number */
    rowRemoved: (number) => "Row " + number + " was removed.",
    undo: "Undo",
    menu: "Navigation menu",
    /** @param {string[]} questions */
    changedInAnotherTab: (questions) => "This template was changed in another tab of this site while you were typing here: " +
      questions.map((question) => "“" + question + "”").join(", ") + ". Neither is saved over the other until you choose.",
    loadOtherTab: "Load the other tab’s answers",
    /** @param {number} count */
    reuseOffer: (count) => "Use what you wrote in another template of this credential (" + count + ")",
    reuseInsert: "Insert",
    keepMine: "Keep what I typed here",
    skipToForm: "Skip to the first question",
    /** @param {number} number @param {number} to */
    fileMoved: (number, to) => "File " + number + " is now file " + to + ".",
    /** @param {string} name */
    fileMissing: (name) => name + " is not kept in this browser (it was removed here, or this browser's storage was cleared). Add it again.",
    /** A scan's page's alternative text. @param {string} caption @param {number} page @param {number} pages */
    scanPage: (caption, page, pages) => caption + " — page " + page + " of " + pages,
    moveUp: "Move up",
    moveDown: "Move down",
    replaceFile: "Replace",
    removeFile: "Remove",
    /** @param {"date" | "description"} detail @param {number} number */
    fileDetail: (detail, number) => (detail === "date" ? "Date of file " : "Description of file ") + number,
    /** @param {number} count */
    filesRestored: (count) => (count ? " " + plural(count, "file", "files") + " came back with them." : ""),
    /** @param {number} pages */
    scanFollows: (pages) => (pages === 1 ? "Its page follows" : "Its " + pages + " pages follow") + " at the end of this document.",
    /** @param {string} caption */
    scanBookmark: (caption) => "Scan: " + caption,
    /** @param {number} scans */
    scansOnlyInPdf: (scans) => (scans === 1 ? "The attached PDF scan is" : "The " + scans + " attached PDF scans are") +
      " not in the Word file (Word cannot hold a PDF's pages): download as PDF to hand in one file, or hand in " +
      (scans === 1 ? "the scan" : "the scans") + " beside it.",
    /** @param {string} where @param {string[]} characters */
    undrawable: (where, characters) => "“" + where + "” holds characters the PDF cannot show (" + characters.join(" ") +
      "): they print as empty boxes. The Word file and “Copy all answers as text” keep them.",
    /** @param {string} url */
    linkTo: (url) => "Link to " + url,
    /** @param {string} name */
    scanInWord: (name) => "A Word document cannot hold a PDF's pages: hand in " + name + " beside it, or download this as PDF.",
    rowHeader: "Row",
    saving: "Saving…",
    notSavedState: "Not saved: your latest answers are only on this page. Export them, or make room, before you leave.",
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
    confirmClear: "Clear every answer, file and tick on this template? This cannot be undone. Export first to keep a copy.",
    cleared: "All answers on this template were cleared from this device.",
    /** @param {string} name */
    exported: (name) => "Answers exported as " + name + ".",
    importNotJson: "That file is not an answers export (it is not JSON). Nothing was changed.",
    notAnswersFile: "That file is not an export or backup of answers from this site. Nothing was changed.",
    importNoneHere: "That file holds no answers for this template. Nothing was changed.",
    /** @param {string[]} problems what is wrong, each naming its record or file */
    restoreRefused: (problems) => "That file was not restored: it is not answers as this site writes them (" +
      problems.slice(0, 3).join("; ") + (problems.length > 3 ? "; and " + (problems.length - 3) + " more" : "") +
      "). Nothing already saved on this device was changed.",
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
      if (missing.problem === "few-files") {
        return name + ": " + plural(missing.files || 0, "file", "files") + ", " +
          (range[0] === range[1] ? range[0] : range[0] + "–" + range[1]) + " asked for";
      }
      if (missing.problem === "undescribed") {
        const numbers = missing.numbers || [];
        return name + ": " + (numbers.length === 1 ? "file " : "files ") + numbers.join(", ") + " need" +
          (numbers.length === 1 ? "s" : "") + " a " + (missing.each || "description");
      }
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
    /** @param {number} count @param {number} [files] */
    backedUp: (count, files) => "A backup of " + templates(count) + (files ? " and " + plural(files, "file", "files") : "") +
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
