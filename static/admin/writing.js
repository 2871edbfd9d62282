/*
 * The writing screen (templates/admin/publishable_change_form.html): a word count and
 * reading time as you type, a warning before leaving unsaved changes, the publish
 * button saying "Schedule" for a time to come, bylines ordered by dragging (or with
 * the Move up/down buttons), and a heartbeat that says who else has the item open.
 * Without JavaScript the form still works: positions are typed, buttons submit.
 */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  // Unsaved changes --------------------------------------------------------------

  // Whether the form holds changes not yet saved (by the writer or by autosave).
  const changes = { unsaved: false };

  function guardUnsavedChanges(form) {
    const markDirty = () => { changes.unsaved = true; };
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    // Typing in the rich-text editor does not always reach the form as "input".
    const observer = new MutationObserver(markDirty);
    form.querySelectorAll(".ProseMirror").forEach((editor) => {
      observer.observe(editor, { childList: true, subtree: true, characterData: true });
    });
    form.addEventListener("submit", () => { changes.unsaved = false; });
    window.addEventListener("beforeunload", (event) => {
      if (changes.unsaved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  // Word count -------------------------------------------------------------------

  function countWords(form) {
    const output = form.querySelector(".word-count");
    if (!output) return;
    const perMinute = Number(output.dataset.wordsPerMinute) || 230;
    const update = () => {
      const editor = form.querySelector(".field-body .ProseMirror");
      if (!editor) return;
      const words = editor.innerText.split(/\s+/).filter(Boolean).length;
      const minutes = Math.max(1, Math.ceil(words / perMinute));
      output.textContent = `${words} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
      output.hidden = false;
    };
    // The editor is drawn after this script runs: wait for it.
    const waitForEditor = new MutationObserver(() => {
      const editor = form.querySelector(".field-body .ProseMirror");
      if (editor) {
        waitForEditor.disconnect();
        new MutationObserver(update).observe(editor, {
          childList: true, subtree: true, characterData: true,
        });
        update();
      }
    });
    waitForEditor.observe(form, { childList: true, subtree: true });
    update();
  }

  // Publish now or schedule ------------------------------------------------------

  function labelPublishButton(form) {
    const steps = form.querySelector(".workflow-steps");
    const button = form.querySelector(".publish-step");
    const date = form.querySelector("#id_published_at_0");
    const time = form.querySelector("#id_published_at_1");
    if (!steps || !button || !date || !time) return;
    // Both times are the newsroom's wall-clock time, whatever the browser's zone.
    const loadedAt = Date.now();
    const serverNow = Date.parse(`${steps.dataset.now}Z`);
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // The date as the admin's box holds it: 24/12/2026 (the site's format) or 2026-12-24.
    const day = (text) => {
      const british = text.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
      if (british) return [Number(british[3]), Number(british[2]), Number(british[1])];
      const iso = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
      return iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : null;
    };
    const update = () => {
      const parts = day(date.value.trim());
      const clock = (time.value.trim() || "00:00").match(/^(\d{1,2}):(\d{2})/);
      const now = serverNow + (Date.now() - loadedAt);
      if (!parts || !clock) {
        button.textContent = "Publish now";
        return;
      }
      const [year, month, dayOfMonth] = parts;
      const chosen = Date.UTC(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
      button.textContent = chosen <= now
        ? "Publish now"
        : `Schedule for ${dayOfMonth} ${months[month - 1]} ${year}, ${clock[1].padStart(2, "0")}:${clock[2]}`;
    };
    ["input", "change"].forEach((type) => {
      date.addEventListener(type, update);
      time.addEventListener(type, update);
    });
    // The calendar and clock pickers set the value without an input event.
    form.addEventListener("click", () => setTimeout(update, 0));
  }

  // Byline order -----------------------------------------------------------------

  function orderBylines(form) {
    const table = form.querySelector("fieldset.byline tbody");
    if (!table) return;
    const rows = () => Array.from(table.querySelectorAll("tr.form-row:not(.empty-form)"));
    const renumber = () => {
      rows().forEach((row, index) => {
        const position = row.querySelector("input[name$='-position']");
        if (position) position.value = String(index);
      });
    };
    const move = (row, offset) => {
      const all = rows();
      const target = all[all.indexOf(row) + offset];
      if (!target) return;
      if (offset < 0) table.insertBefore(row, target);
      else table.insertBefore(target, row);
      renumber();
      form.dispatchEvent(new Event("change"));
    };
    let dragged = null;
    const equip = (row) => {
      if (row.dataset.orderable) return;
      row.dataset.orderable = "1";
      const cell = row.querySelector("td.field-position");
      if (cell) {
        cell.querySelector("input").type = "hidden";
        const up = document.createElement("button");
        up.type = "button";
        up.className = "move-up";
        up.textContent = "Move up";
        up.addEventListener("click", () => move(row, -1));
        const down = document.createElement("button");
        down.type = "button";
        down.className = "move-down";
        down.textContent = "Move down";
        down.addEventListener("click", () => move(row, 1));
        const handle = document.createElement("span");
        handle.className = "drag-handle";
        handle.setAttribute("aria-hidden", "true");
        handle.title = "Drag to reorder";
        // Only the handle drags the row: elsewhere a press picks an author or selects text.
        handle.addEventListener("mousedown", () => { row.draggable = true; });
        cell.append(handle, up, down);
      }
      row.addEventListener("dragstart", (event) => {
        dragged = row;
        row.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", "");
      });
      row.addEventListener("dragend", () => {
        row.draggable = false;
        row.classList.remove("dragging");
        dragged = null;
        renumber();
      });
      row.addEventListener("dragover", (event) => {
        if (!dragged || dragged === row) return;
        event.preventDefault();
        const box = row.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        table.insertBefore(dragged, after ? row.nextSibling : row);
      });
      row.addEventListener("drop", (event) => {
        event.preventDefault();
        renumber();
        form.dispatchEvent(new Event("change"));
      });
    };
    const header = form.querySelector(".byline thead th.column-position");
    if (header) header.textContent = "Order";
    rows().forEach(equip);
    // Rows added with "Add another author".
    document.addEventListener("formset:added", (event) => {
      if (table.contains(event.target)) {
        equip(event.target);
        renumber();
      }
    });
    form.addEventListener("submit", renumber);
  }

  // Who else has it open ------------------------------------------------------------

  function heartbeat(form) {
    const notice = form.querySelector(".others-editing");
    const newer = form.querySelector(".newer-version");
    const opened = form.querySelector("input[name='opened_version']");
    const url = notice && notice.dataset.presenceUrl;
    if (!url) return;
    const token = form.querySelector("input[name='csrfmiddlewaretoken']").value;
    let delay = 30000;
    let timer = null;
    // A little jitter, so that forms opened together do not beat together.
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(beat, delay * (0.9 + Math.random() * 0.2));
    };
    const beat = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "X-CSRFToken": token },
            credentials: "same-origin",
          });
          if (!response.ok) throw new Error(response.statusText);
          const answer = await response.json();
          notice.textContent = answer.others.length
            ? `Also open by ${answer.others.map((other) => `${other.name} (since ${other.since})`).join(", ")}.`
            : "";
          if (newer && opened && answer.version !== opened.value) newer.hidden = false;
          delay = answer.heartbeat_seconds * 1000;
        } catch (error) {
          delay = Math.min(delay * 2, 300000);
        }
      }
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        beat();
      }
    });
  }

  // Names for boxes the admin's widgets draw without a <label> -----------------------

  function nameUnlabelledBoxes(form) {
    const labelOf = (id) => {
      const label = id && form.querySelector(`label[for="${id}"]`);
      return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
    };
    const name = () => {
      form.querySelectorAll(".field-body .ProseMirror:not([aria-label])").forEach((editor) => {
        editor.setAttribute("aria-label", labelOf("id_body") || "Body");
      });
      form.querySelectorAll(".select2-search__field:not([aria-label])").forEach((box) => {
        const select = box.closest(".select2").previousElementSibling;
        const label = labelOf(select && select.id);
        if (label) box.setAttribute("aria-label", `Search ${label.toLowerCase()}`);
      });
      // A single choice (a brief's photo) is named by what it shows, nothing while empty.
      form.querySelectorAll(".select2-selection--single:not([aria-label])").forEach((box) => {
        const select = box.closest(".select2").previousElementSibling;
        const label = labelOf(select && select.id);
        if (!label) return;
        box.setAttribute("aria-label", label);
        box.querySelector(".select2-selection__rendered")?.setAttribute("aria-label", label);
      });
      // Select2 draws its "clear" cross inside the list of choices, where only list
      // items belong; beside the list it works the same (Select2 finds it by class).
      form.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach((cross) => {
        cross.parentElement.after(cross);
      });
    };
    new MutationObserver(name).observe(form, { childList: true, subtree: true });
    name();
  }

  // Autosave ------------------------------------------------------------------------

  function autosave(form) {
    const status = form.querySelector(".autosave-state");
    const url = status && status.dataset.autosaveUrl;
    const opened = form.querySelector("input[name='opened_version']");
    if (!url || !opened) return;
    let timer = null;
    const save = async () => {
      if (!changes.unsaved || document.visibilityState !== "visible") return;
      changes.unsaved = false;
      const data = new FormData(form);
      data.delete("_workflow");
      try {
        const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
        const answer = await response.json();
        if (!response.ok) {
          status.textContent = answer.error;
          changes.unsaved = true;
          // A newer version is someone else's: stop until the writer saves and sees it.
          if (response.status === 409) clearInterval(timer);
          return;
        }
        opened.value = answer.version;
        if (answer.saved) status.textContent = `Draft saved automatically at ${answer.at}.`;
      } catch (error) {
        changes.unsaved = true;
        status.textContent = "Not saved automatically: the server did not answer. Your text is still here.";
      }
    };
    timer = setInterval(save, Number(status.dataset.autosaveSeconds || 60) * 1000);
  }

  ready(() => {
    const form = document.querySelector("body.writing-screen #content-main form");
    if (!form) return;
    nameUnlabelledBoxes(form);
    guardUnsavedChanges(form);
    countWords(form);
    labelPublishButton(form);
    orderBylines(form);
    heartbeat(form);
    autosave(form);
  });
}());
