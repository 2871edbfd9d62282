/* Suggests existing tags while an editor types in a tag field (comma-separated list). */
(function () {
  "use strict";
  function attach(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "_suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = input.value.split(",");
        var current = parts.pop().trim();
        if (!current) { list.replaceChildren(); return; }
        var prefix = parts.length ? parts.join(",") + ", " : "";
        fetch(input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(current), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {tags: []}; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.tags.map(function (name) {
              var option = document.createElement("option");
              option.value = prefix + (name.indexOf(",") >= 0 || name.indexOf(" ") >= 0 ? '"' + name + '"' : name);
              return option;
            }));
          });
      }, 150);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggestions-url]").forEach(attach);
  });
})();
