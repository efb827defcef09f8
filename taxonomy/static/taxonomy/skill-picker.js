/*
 * The skill picker: a <select multiple data-skill-picker> becomes a text box that filters the
 * skills as one types (an ARIA 1.2 combobox with a multi-select listbox), and the chosen skills
 * show as chips, each with a button that removes it. Everything works from the keyboard: type,
 * move with the up and down arrows, Enter adds or removes the highlighted skill, Escape closes
 * the list, Tab reaches each chip's remove button. A live region says what happened.
 *
 * Progressive enhancement: the select stays in the form, hidden, and holds the choice, so the
 * form posts exactly what it posts without this script; without it the select is the plain,
 * working control. Every text comes from the select's data-picker-* attributes (translated on
 * the server); nothing here is inline, so the 'self' Content Security Policy holds.
 */
(function () {
  "use strict";

  function text(select, name) {
    return select.getAttribute("data-picker-" + name) || "";
  }

  function fill(template, value) {
    return template.replace("%s", value);
  }

  function normalise(value) {
    return value.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function enhance(select) {
    if (select.getAttribute("data-picker-ready") === "true" || !select.id) {
      return;
    }
    select.setAttribute("data-picker-ready", "true");
    var id = select.id;
    var label = document.querySelector("label[for='" + id + "']");
    var help = document.getElementById(id + "-help");
    var labelText = label ? label.textContent.trim() : "";
    var options = Array.prototype.slice.call(select.options);

    var picker = document.createElement("div");
    picker.className = "skill-picker";

    var combo = document.createElement("div");
    combo.className = "skill-picker-combo";

    var input = document.createElement("input");
    input.type = "text";
    input.id = id + "-filter";
    input.className = "skill-picker-input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-listbox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    var describedBy = select.getAttribute("aria-describedby");
    if (describedBy) {
      input.setAttribute("aria-describedby", describedBy);
    }
    if (select.getAttribute("aria-invalid")) {
      input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    }

    var list = document.createElement("ul");
    list.id = id + "-listbox";
    list.className = "skill-picker-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.setAttribute("aria-label", labelText);
    list.hidden = true;

    var chosenHeading = document.createElement("p");
    chosenHeading.className = "skill-picker-chosen-heading";
    chosenHeading.id = id + "-chosen-heading";
    chosenHeading.textContent = fill(text(select, "chosen"), labelText);

    var chips = document.createElement("ul");
    chips.className = "skill-picker-chips";
    chips.setAttribute("aria-labelledby", chosenHeading.id);

    var empty = document.createElement("p");
    empty.className = "skill-picker-empty muted small";
    empty.textContent = text(select, "none-chosen");

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    combo.appendChild(input);
    combo.appendChild(list);
    picker.appendChild(combo);
    picker.appendChild(chosenHeading);
    picker.appendChild(chips);
    picker.appendChild(empty);
    picker.appendChild(status);
    select.parentNode.insertBefore(picker, select);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    if (label) {
      label.htmlFor = input.id;
    }
    if (help && select.getAttribute("data-picker-help")) {
      help.textContent = select.getAttribute("data-picker-help");
    }

    var shown = []; // the option elements listed now, in order
    var active = -1;

    function say(message) {
      // Cleared first, so that saying the same words twice is still announced.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }

    function chosenCount() {
      return options.filter(function (option) {
        return option.selected;
      }).length;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = list.children;
      active = index;
      for (var i = 0; i < items.length; i += 1) {
        items[i].classList.toggle("is-active", i === index);
      }
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function renderChips() {
      chips.textContent = "";
      options.forEach(function (option) {
        if (!option.selected) {
          return;
        }
        var chip = document.createElement("li");
        chip.className = "skill-picker-chip";
        var name = document.createElement("span");
        name.textContent = option.textContent.trim();
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "skill-picker-remove";
        remove.setAttribute("data-value", option.value);
        var cross = document.createElement("span");
        cross.setAttribute("aria-hidden", "true");
        cross.textContent = "\u00d7";
        var spoken = document.createElement("span");
        spoken.className = "visually-hidden";
        spoken.textContent = fill(text(select, "remove"), option.textContent.trim());
        remove.appendChild(cross);
        remove.appendChild(spoken);
        remove.addEventListener("click", function () {
          var position = Array.prototype.indexOf.call(chips.children, chip);
          toggle(option);
          // The focus moves to the chip now in its place, or back to the text box.
          var buttons = chips.querySelectorAll("button");
          if (buttons.length) {
            buttons[Math.min(position, buttons.length - 1)].focus();
          } else {
            input.focus();
          }
        });
        chip.appendChild(name);
        chip.appendChild(remove);
        chips.appendChild(chip);
      });
      var none = !chips.children.length;
      chips.hidden = none;
      empty.hidden = !none;
    }

    function renderList() {
      var query = normalise(input.value);
      list.textContent = "";
      shown = options.filter(function (option) {
        return !query || normalise(option.textContent).indexOf(query) !== -1;
      });
      shown.forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = id + "-option-" + index;
        item.className = "skill-picker-option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", option.selected ? "true" : "false");
        item.textContent = option.textContent.trim();
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // the text box keeps the focus
        });
        item.addEventListener("click", function () {
          toggle(option);
          renderList();
          highlight(index);
        });
        list.appendChild(item);
      });
    }

    function open(announceCount) {
      renderList();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(input.value.trim() && shown.length ? 0 : -1);
      if (announceCount) {
        if (!shown.length) {
          say(text(select, "no-match"));
        } else if (shown.length === 1) {
          say(text(select, "one-match"));
        } else {
          say(fill(text(select, "many-match"), shown.length));
        }
      }
    }

    function toggle(option) {
      option.selected = !option.selected;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      renderChips();
      var name = option.textContent.trim();
      var what = fill(text(select, option.selected ? "added" : "removed"), name);
      say(what + " " + fill(text(select, "count"), chosenCount()));
    }

    input.addEventListener("input", function () {
      open(true);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) {
            open(true);
            highlight(shown.length ? 0 : -1);
          } else if (shown.length) {
            highlight(active + 1 >= shown.length ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) {
            open(true);
          }
          if (shown.length) {
            highlight(active <= 0 ? shown.length - 1 : active - 1);
          }
          break;
        case "Enter":
          // Never submits the form from the filter box.
          event.preventDefault();
          if (expanded && active >= 0 && shown[active]) {
            toggle(shown[active]);
            input.value = "";
            close();
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("click", function () {
      if (input.getAttribute("aria-expanded") !== "true") {
        open(false);
      }
    });

    renderChips();
  }

  function start() {
    var selects = document.querySelectorAll("select[multiple][data-skill-picker]");
    for (var i = 0; i < selects.length; i += 1) {
      enhance(selects[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
