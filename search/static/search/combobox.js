/*
 * The search box as an ARIA 1.2 combobox (list autocomplete): suggestions from /search/suggest/
 * while typing, chosen with the arrow keys and Enter or with the mouse; Escape closes the list.
 * Progressive enhancement: without this script the box is a plain search form, and every
 * attribute that promises a list is added here, never in the HTML.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  // Every word shown comes from the input's data-suggest-* attributes, translated on the server
  // (search/templates/search/suggest_attrs.html): none is written here, so none stays English.
  function text(input, name) {
    return input.getAttribute("data-suggest-" + name) || "";
  }

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || input.getAttribute("role") === "combobox") {
      return;
    }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var form = input.form;
    var host = input.parentNode;
    host.classList.add("combobox-host");

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", text(input, "label"));
    list.hidden = true;
    host.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var suggestions = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastQuery = null;

    function typeName(type) {
      return text(input, "type-" + type) || type;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      var chosen = suggestions[index];
      if (chosen && chosen.url) {
        close();
        window.location.assign(chosen.url);
      }
    }

    function announce(count) {
      var message;
      if (count === 0) {
        message = text(input, "none");
      } else if (count === 1) {
        message = text(input, "one");
      } else {
        message = text(input, "many").replace("%s", count);
      }
      status.textContent = message;
    }

    function render(items) {
      suggestions = items;
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-suggestion";
        var label = document.createElement("span");
        label.className = "search-suggestion-label";
        label.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "search-suggestion-type";
        kind.textContent = typeName(item.type);
        option.appendChild(label);
        if (item.detail) {
          // Employer and place: what tells two jobs of the same title apart.
          var detail = document.createElement("span");
          detail.className = "search-suggestion-detail";
          detail.textContent = item.detail;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(detail);
        }
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        // mousedown, not click: the input keeps focus, so the list is not closed by blur first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(index);
        });
        option.addEventListener("mousemove", function () {
          if (active !== index) {
            highlight(index);
          }
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (items.length) {
        open();
      } else {
        close();
      }
      announce(items.length);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        lastQuery = query;
        suggestions = [];
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      if (query === lastQuery) {
        open();
        return;
      }
      lastQuery = query;
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            render(Array.isArray(data.suggestions) ? data.suggestions : []);
          }
        })
        .catch(function () {
          // Aborted or offline: the plain form still works.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) {
            open();
            if (!suggestions.length) {
              fetchSuggestions();
              return;
            }
          }
          highlight(active + 1 >= suggestions.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) {
            open();
          }
          highlight(active <= 0 ? suggestions.length - 1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    if (form) {
      form.addEventListener("submit", function () {
        close();
      });
    }
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i += 1) {
      enhance(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
