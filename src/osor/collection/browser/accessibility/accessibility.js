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
   their field's label, and keep the handle's value the editor's height. */
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

  function fixEditors(root) {
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
