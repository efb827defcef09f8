// The moderation queue's employer filter: as a moderator types part of a name, the names of
// matching employers are offered in a <datalist>. Without JavaScript the box is a plain text
// filter; the server filters by the words either way.
(function () {
  "use strict";
  var WAIT_MS = 200;

  function offer(input) {
    var list = document.createElement("datalist");
    var timer = null;
    var asked = "";
    list.id = (input.id || "employer-filter") + "-names";
    input.setAttribute("list", list.id);
    input.insertAdjacentElement("afterend", list);
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var words = input.value.trim();
        if (words.length < 2 || words === asked) {
          return;
        }
        asked = words;
        var url = input.dataset.employerNamesUrl + "?q=" + encodeURIComponent(words);
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) {
            return response.ok ? response.json() : { names: [] };
          })
          .then(function (data) {
            var options = data.names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            });
            list.replaceChildren.apply(list, options);
          })
          .catch(function () {
            // Suggestions are a convenience: the text filter works without them.
          });
      }, WAIT_MS);
    });
  }

  function start() {
    document.querySelectorAll("input[data-employer-names-url]").forEach(function (input) {
      if (!input.hasAttribute("list")) {
        offer(input);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // Wagtail swaps the listing and its filters in place when a filter changes.
  document.addEventListener("w-swap:success", start);
})();
