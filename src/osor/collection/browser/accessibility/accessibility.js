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
