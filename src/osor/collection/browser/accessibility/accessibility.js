/* osor.collection: the toolbar's pin/unpin controls are <a> without href,
   which have no role: their aria-label is not allowed (axe
   "aria-prohibited-attr") and the keyboard cannot reach them. Make them
   buttons. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("#edit-zone a.toolbar-collapse, #edit-zone a.toolbar-expand").forEach(function (control) {
    if (control.hasAttribute("href")) {
      return;
    }
    control.setAttribute("role", "button");
    control.tabIndex = 0;
    control.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        control.click();
      }
    });
  });
});

/* osor.collection: Plone's edit forms. Widgets started after the page
   loads leave controls nameless or incomplete (axe "frame-title",
   "label", "aria-required-attr"): TinyMCE's editing iframe has no title,
   its resize handle (a focusable separator) has no aria-valuenow, and the
   file input of image and file widgets has no label. Name them after
   their field's label, and keep the handle's value the editor's height.
   The related-items widget's path starts with a link to the site root that
   is an icon only, and each value chosen in a select2 list has a nameless
   "x" link that removes it (axe "link-name"): the root link takes the name
   of the page's own breadcrumb home link, each remove link "Remove: <the
   value>", "Remove" in the page's language (data-remove-label). A rich
   text field that offers several formats has a select of the format
   without any label (axe "select-name"): name it "<field>: Text Format",
   Plone's own words for it (the osor-text-format-label meta). */
(function () {
  function fieldLabel(element) {
    var field = element.closest(".field");
    return field ? field.querySelector("label") : null;
  }

  function labelId(label) {
    if (!label.id) {
      label.id = "label-" + (label.htmlFor || Math.random().toString(36).slice(2));
    }
    return label.id;
  }

  var script = document.getElementById("osor-accessibility");
  var removeLabel = (script && script.dataset.removeLabel) || "Remove";

  function nameLinks(root) {
    root.querySelectorAll(".path-wrapper a.crumb:not([aria-label])").forEach(function (link) {
      if (link.textContent.trim()) {
        return;
      }
      var home = document.querySelector("#breadcrumbs-home a") || document.querySelector("#breadcrumbs-home");
      link.setAttribute("aria-label", home ? home.textContent.trim() : link.getAttribute("href"));
    });
    root.querySelectorAll("a.select2-search-choice-close:not([aria-label])").forEach(function (link) {
      var choice = link.closest(".select2-search-choice");
      var value = choice ? choice.textContent.trim() : "";
      link.setAttribute("aria-label", value ? removeLabel + ": " + value : removeLabel);
    });
  }

  var formatMeta = document.querySelector("meta[name=osor-text-format-label]");
  var formatLabel = (formatMeta && formatMeta.content) || "Text Format";

  function nameFormatSelects(root) {
    root.querySelectorAll("select[id$='_text_format']:not([aria-label])").forEach(function (select) {
      if (select.labels && select.labels.length) {
        return;
      }
      var label = fieldLabel(select);
      var field = label ? label.textContent.trim().replace(/\s+/g, " ") : "";
      select.setAttribute("aria-label", field ? field + ": " + formatLabel : formatLabel);
    });
  }

  function fixEditors(root) {
    nameLinks(root);
    nameFormatSelects(root);
    root.querySelectorAll("iframe.tox-edit-area__iframe:not([title])").forEach(function (frame) {
      var label = fieldLabel(frame);
      if (label) {
        frame.title = label.textContent.trim();
      }
    });
    root.querySelectorAll(".tox-statusbar__resize-handle[role]:not([aria-valuenow])").forEach(function (handle) {
      var editor = handle.closest(".tox-tinymce");
      if (!editor) {
        return;
      }
      var update = function () {
        handle.setAttribute("aria-valuenow", String(Math.round(editor.getBoundingClientRect().height)));
      };
      update();
      if (window.ResizeObserver) {
        new ResizeObserver(update).observe(editor);
      }
    });
    root.querySelectorAll("input[type=file]").forEach(function (input) {
      if ((input.labels && input.labels.length) || input.hasAttribute("aria-labelledby") || input.hasAttribute("aria-label")) {
        return;
      }
      var label = fieldLabel(input);
      if (label) {
        input.setAttribute("aria-labelledby", labelId(label));
      }
    });
  }

  function start() {
    if (!document.querySelector("form .field")) {
      return;
    }
    fixEditors(document);
    var pending = false;
    new MutationObserver(function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          fixEditors(document);
        });
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
