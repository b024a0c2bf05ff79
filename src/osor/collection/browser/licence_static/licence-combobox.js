/* osor.collection: the licence type-ahead of licence expression fields.

   The server renders a plain text input (data-osor-licence-choices: the
   URL of the SPDX list); this script makes it an ARIA 1.2 combobox with a
   list of the licences matching the word at the caret. Up/Down move in
   the list, Enter picks, Escape closes; a pick writes the SPDX id in place
   of the word, so an expression ("EUPL-1.2 OR GPL-3.0-or-later") is built
   word by word. After WITH the list offers licence exceptions. */
(function () {
  "use strict";

  var OPERATORS = ["AND", "OR", "WITH"];
  var SEPARATOR = /[\s()]/;
  var MAX_OPTIONS = 10;
  var choices = {};

  function load(url) {
    if (!choices[url]) {
      choices[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        return response.json();
      });
    }
    return choices[url];
  }

  function wordAtCaret(input) {
    var value = input.value;
    var caret = input.selectionStart === null ? value.length : input.selectionStart;
    var start = caret;
    var end = caret;
    while (start > 0 && !SEPARATOR.test(value[start - 1])) start -= 1;
    while (end < value.length && !SEPARATOR.test(value[end])) end += 1;
    var before = value.slice(0, start).trim().split(/[\s()]+/);
    return {
      start: start,
      end: end,
      text: value.slice(start, end),
      afterWith: (before[before.length - 1] || "").toUpperCase() === "WITH",
    };
  }

  function matches(list, query) {
    var q = query.toLowerCase();
    var scored = [];
    list.forEach(function (pair) {
      var id = pair[0].toLowerCase();
      var score = id.indexOf(q) === 0 ? 0 : id.indexOf(q) > 0 ? 1 : pair[1].toLowerCase().indexOf(q) >= 0 ? 2 : -1;
      if (score >= 0) scored.push([score, pair]);
    });
    scored.sort(function (a, b) { return a[0] - b[0]; });  // stable: by id within a score
    return scored.slice(0, MAX_OPTIONS).map(function (item) { return item[1]; });
  }

  function Combobox(input, index) {
    this.input = input;
    this.messages = JSON.parse(input.dataset.osorLicenceMessages || "{}");
    this.url = input.dataset.osorLicenceChoices;
    this.options = [];
    this.active = -1;

    var wrapper = document.createElement("div");
    wrapper.className = "osor-licence-combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    this.listbox = document.createElement("ul");
    this.listbox.id = "osor-licence-listbox-" + index;
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", this.messages.listbox || "");
    this.listbox.hidden = true;
    wrapper.appendChild(this.listbox);

    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    wrapper.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);

    input.addEventListener("input", this.update.bind(this));
    input.addEventListener("keydown", this.keydown.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    // Keep the focus in the input when an option is clicked.
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", this.click.bind(this));
  }

  Combobox.prototype.update = function () {
    var self = this;
    var word = wordAtCaret(this.input);
    if (!word.text || OPERATORS.indexOf(word.text.toUpperCase()) >= 0) {
      this.close();
      return;
    }
    load(this.url).then(function (data) {
      self.word = word;
      self.show(matches(word.afterWith ? data.exceptions : data.licences, word.text));
    });
  };

  Combobox.prototype.show = function (options) {
    var self = this;
    this.options = options;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.textContent = "";
    options.forEach(function (pair, position) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.value = pair[0];
      var id = document.createElement("span");
      id.className = "osor-licence-id";
      id.textContent = pair[0];
      option.appendChild(id);
      option.appendChild(document.createTextNode(" " + pair[1]));
      self.listbox.appendChild(option);
    });
    var open = options.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.status.textContent = open
      ? (this.messages.results || "").replace("${count}", options.length)
      : this.messages.none || "";
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.move = function (step) {
    var count = this.options.length;
    if (!count) return;
    this.active = (this.active + step + count) % count;
    var self = this;
    Array.prototype.forEach.call(this.listbox.children, function (option, position) {
      var selected = position === self.active;
      option.setAttribute("aria-selected", String(selected));
      if (selected) {
        self.input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
  };

  Combobox.prototype.pick = function (position) {
    var id = this.options[position][0];
    var value = this.input.value;
    var word = this.word;
    var tail = value.slice(word.end);
    var spacer = tail === "" ? " " : "";
    this.input.value = value.slice(0, word.start) + id + spacer + tail;
    var caret = word.start + id.length + spacer.length;
    this.input.setSelectionRange(caret, caret);
    this.close();
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  Combobox.prototype.keydown = function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!this.isOpen()) {
        this.update();
        return;
      }
      this.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && this.isOpen() && this.active >= 0) {
      event.preventDefault();  // pick, do not submit the form
      this.pick(this.active);
    } else if (event.key === "Escape" && this.isOpen()) {
      event.preventDefault();
      this.close();
    } else if (event.key === "Tab") {
      this.close();
    }
  };

  Combobox.prototype.click = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) {
      this.pick(Array.prototype.indexOf.call(this.listbox.children, option));
      this.input.focus();
    }
  };

  function init() {
    document.querySelectorAll("input[data-osor-licence-choices]").forEach(function (input, index) {
      if (!input.dataset.osorLicenceReady) {
        input.dataset.osorLicenceReady = "1";
        new Combobox(input, index);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
