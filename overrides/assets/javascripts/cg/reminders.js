// @ts-check
/*
 * What a template's page says about keeping answers: whether the browser agreed
 * to keep them for good, and when the last backup of every answer was made.
 */
/* exported cgReminders */
const cgReminders = (() => {
  "use strict";

  let askedToKeep = false;

  /** A link to the "Your answers" page. @param {string} text */
  function answersPageLink(text) {
    const link = document.createElement("a");
    link.href = cgStorage.siteRoot() + "your-answers/";
    link.textContent = text;
    return link;
  }

  /**
   * Browsers may delete a site's storage (Safari after seven days without a visit) unless asked
   * to keep it: asked once, on the first save; the page says so if the browser refuses.
   * @param {HTMLElement} form
   */
  function askToKeep(form) {
    if (askedToKeep) return;
    askedToKeep = true;
    const note = /** @type {HTMLElement | null} */ (form.querySelector(".cg-storage-note"));
    if (!note) return;
    const refused = () => {
      note.textContent = cgWords.storageRefused;
      note.append(answersPageLink(cgWords.answersPage), ".");
      note.hidden = false;
    };
    const storage = window.navigator.storage;
    if (!storage || !storage.persist || !storage.persisted) {
      refused();
      return;
    }
    storage.persisted().then((already) => already || storage.persist()).then((kept) => {
      if (!kept) refused();
    }, refused);
  }

  /**
   * @param {HTMLElement} form
   * @param {AnswerRecord | null} record the template's answers as kept
   */
  function remindBackup(form, record) {
    const reminder = /** @type {HTMLElement | null} */ (form.querySelector(".cg-backup-reminder"));
    if (!reminder || !record || !record.saved) return;
    const last = cgStorage.lastBackup();
    if (last && last >= record.saved) return;
    reminder.textContent = last ? cgWords.changedSinceBackup(new Date(last).toLocaleDateString()) : cgWords.noBackupYet;
    reminder.append(answersPageLink(cgWords.downloadBackup), cgWords.backupReason);
    reminder.hidden = false;
  }

  return { askToKeep, remindBackup };
})();
