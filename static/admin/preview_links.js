/*
 * The article page's preview links: Copy puts a link's address on the clipboard (or, where
 * the browser will not, selects it to copy by hand), and Revoke revokes the link without
 * leaving the page, so nothing typed in the article's form is lost. Without this script
 * the address can still be selected and Revoke is a plain form.
 */
(function () {
  "use strict";

  function attach(panel) {
    var status = panel.querySelector("[data-preview-links-status]");

    function say(text) {
      status.textContent = text;
    }

    function copy(button) {
      var input = document.getElementById(button.dataset.copy);
      function selectForHand() {
        input.focus();
        input.select();
        say("The address is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
      }
      if (!navigator.clipboard || !window.isSecureContext) {
        selectForHand();
        return;
      }
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = "Copied";
        say("Address copied.");
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      }, selectForHand);
    }

    function revoke(form) {
      var row = form.closest("tr");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: {Accept: "application/json"},
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.statusText); }
        return response.json();
      }).then(function (data) {
        row.querySelector("[data-link-state]").textContent = data.state;
        row.querySelectorAll("[data-copy]").forEach(function (button) { button.remove(); });
        form.remove();
        say("Link revoked: it no longer opens the article.");
      }).catch(function () {
        // The server's own answer (a refusal, a login page) says what went wrong.
        form.submit();
      });
    }

    panel.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
    panel.querySelectorAll("form[data-revoke]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        revoke(form);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("preview-links");
    if (panel) { attach(panel); }
  });
})();
