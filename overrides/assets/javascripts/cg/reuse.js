// @ts-check
/*
 * What a teacher wrote in another template of the same credential, offered
 * where she may need it again (the goals of Artifact 1 in the plan of
 * Artifact 3): under each field with a box to write in, a closed "Use what
 * you wrote in another template" lists her earlier answers, each with an
 * Insert button that adds it to the box (for a table, the box she was last
 * in, or its first empty one). Nothing is copied unless she presses it.
 */
/* exported cgReuse */
const cgReuse = (() => {
  "use strict";

  /** Shorter answers than this are not offered: a name or a date is quicker typed than found. */
  const WORDS = 4;

  /**
   * The earlier answers of other templates of the credential: their template, question and text.
   * @param {string} credential
   * @param {string} template
   * @returns {{ where: string, text: string }[]}
   */
  function earlier(credential, template) {
    return cgStorage.all()
      .filter((record) => record.credential === credential && record.template !== template)
      .flatMap((record) => Object.entries(record.values || {})
        .filter(([, value]) => typeof value === "string" && cgText.countWords(value) >= WORDS)
        .map(([name, value]) => ({
          where: (record.title || record.template) + " · " + ((record.labels || {})[name] || name),
          text: /** @type {string} */ (value),
        })));
  }

  /**
   * Adds the offer under each field of the form that has a box to write in.
   * @param {HTMLFormElement} form
   * @param {string} credential
   * @param {string} template
   */
  function offer(form, credential, template) {
    const answers = earlier(credential, template);
    if (!answers.length) return;
    form.querySelectorAll(".cg-field").forEach((field) => {
      const boxes = /** @type {HTMLTextAreaElement[]} */ (Array.from(field.querySelectorAll("textarea")));
      if (!boxes.length) return;
      /** @type {HTMLTextAreaElement | null} */
      let last = null;
      field.addEventListener("focusin", (event) => {
        if (event.target instanceof HTMLTextAreaElement) last = event.target;
      });
      const details = document.createElement("details");
      details.className = "cg-reuse";
      const summary = document.createElement("summary");
      summary.textContent = cgWords.reuseOffer(answers.length);
      const list = document.createElement("ul");
      answers.forEach((answer) => {
        const item = document.createElement("li");
        const where = document.createElement("p");
        where.className = "cg-reuse-where";
        where.textContent = answer.where;
        const text = document.createElement("p");
        text.className = "cg-reuse-text";
        text.textContent = answer.text;
        const insert = document.createElement("button");
        insert.type = "button";
        insert.textContent = cgWords.reuseInsert;
        insert.setAttribute("aria-label", cgWords.reuseInsert + ": " + answer.where);
        insert.addEventListener("click", () => {
          const visible = boxes.filter((box) => !box.closest("[hidden]"));
          const box = (last && visible.includes(last) ? last : visible.find((candidate) => !candidate.value.trim())) || visible[0];
          if (!box) return;
          box.value = box.value.trim() ? box.value.replace(/\s*$/, "\n") + answer.text : answer.text;
          box.dispatchEvent(new Event("input", { bubbles: true }));
          box.focus();
        });
        item.append(where, text, insert);
        list.append(item);
      });
      details.append(summary, list);
      field.append(details);
    });
  }

  return { earlier, offer };
})();
