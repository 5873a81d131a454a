// @ts-check
/*
 * The hand-in, one flow for a template and for a whole credential: first what
 * is not done, template by template (unanswered questions, rows below the
 * minimum, word counts outside the published range), and the teacher's choice
 * to go on or go back; then the document, written as PDF or Word, downloaded
 * and said. A document never carries a placeholder the teacher was not told about.
 */
/* exported cgHandIn */
const cgHandIn = (() => {
  "use strict";

  /**
   * The problems of each template not complete; empty when all are.
   * @param {{ spec: TemplateSpec, record: Answers | null }[]} templates
   * @returns {{ title: string, problems: string[] }[]}
   */
  function problems(templates) {
    return templates.map(({ spec, record }) => {
      const review = cgStatus.review(spec, record);
      const problems = review.state === "not-started"
        ? [cgWords.notStartedTemplate]
        : review.missing.map(cgWords.missing);
      return { title: spec.title, problems };
    }).filter((template) => template.problems.length > 0);
  }

  /**
   * Resolves true when everything is done, or when the teacher chooses to go on anyway.
   * @param {{ spec: TemplateSpec, record: Answers | null }[]} templates
   * @param {{ copy?: boolean }} [options] a copy to the clipboard, not a download
   * @returns {Promise<boolean>}
   */
  function confirmComplete(templates, options = {}) {
    const found = problems(templates);
    if (!found.length) return Promise.resolve(true);
    const copy = Boolean(options.copy);
    const dialog = document.createElement("dialog");
    dialog.className = "cg-dialog";
    dialog.setAttribute("aria-labelledby", "cg-dialog-title");
    const title = document.createElement("h2");
    title.id = "cg-dialog-title";
    title.textContent = cgWords.notDoneTitle;
    const intro = document.createElement("p");
    intro.textContent = cgWords.notDoneIntro(copy);
    dialog.append(title, intro);
    found.forEach((template) => {
      if (templates.length > 1) {
        const heading = document.createElement("h3");
        heading.textContent = template.title;
        dialog.append(heading);
      }
      const list = document.createElement("ul");
      template.problems.forEach((problem) => {
        const item = document.createElement("li");
        item.textContent = problem;
        list.append(item);
      });
      dialog.append(list);
    });
    const actions = document.createElement("p");
    const back = document.createElement("button");
    back.type = "button";
    back.textContent = cgWords.goBack;
    const go = document.createElement("button");
    go.type = "button";
    go.textContent = cgWords.goOn(copy);
    actions.append(back, " ", go);
    dialog.append(actions);
    document.body.append(dialog);
    return new Promise((resolve) => {
      /** @param {boolean} choice */
      const close = (choice) => {
        dialog.close();
        dialog.remove();
        resolve(choice);
      };
      back.addEventListener("click", () => close(false));
      go.addEventListener("click", () => close(true));
      dialog.addEventListener("cancel", (event) => {
        event.preventDefault();
        close(false);
      });
      dialog.showModal();
      back.focus();
    });
  }

  /**
   * Hands in `templates` as one document: resolves whether it was downloaded.
   * @param {{
   *   templates: { spec: TemplateSpec, record: Answers | null }[],
   *   pdf: boolean,
   *   name: string,
   *   document: () => Document_,
   *   say: (message: string) => void,
   *   done: (name: string) => string,
   *   failed: (reason: string) => string,
   * }} request
   * @returns {Promise<boolean>}
   */
  function handIn(request) {
    return confirmComplete(request.templates).then((go) => {
      if (!go) return false;
      request.say(request.pdf ? cgWords.makingPdf : cgWords.makingWord);
      const write = request.pdf ? cgDocuments.pdf : cgWord.make;
      return write(request.document()).then(({ blob, notes }) => {
        cgDevice.saveBlob(blob, request.name);
        request.say([request.done(request.name), ...notes].join(" "));
        return true;
      }, (/** @type {Error} */ error) => {
        request.say(request.failed(error.message));
        return false;
      });
    });
  }

  return { problems, confirmComplete, handIn };
})();
