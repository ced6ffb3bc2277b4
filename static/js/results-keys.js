// Previous / next photo of the results with the left and right arrow keys (the photo page's
// rel=prev / rel=next links). Not while typing in a field, nor with a modifier key held (the
// browser's own shortcuts, Alt+Left for "back", stay as they are).
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var link = document.querySelector('a[data-key="' + event.key + '"]');
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });
})();
