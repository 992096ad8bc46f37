// Progressive enhancement only: every page works without this file.
// On a question screen, the keys Y, N and D answer yes, no and don't know.
(function () {
  "use strict";
  var form = document.querySelector("form[data-shortcuts]");
  if (!form) { return; }
  var keys = { y: "yes", n: "no", d: "unknown" };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
    var value = keys[event.key.toLowerCase()];
    if (!value) { return; }
    var button = form.querySelector('button[name="answer"][value="' + value + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
  // Start on the question so screen readers and the keyboard land in the right place.
  var heading = form.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
})();
