// The admin's autocomplete boxes (Django's select2) named for assistive technology: select2
// builds its own combobox, rendered-value box and search field without a name, so each gets
// the label of the <select> it stands for (axe: label, aria-input-field-name, list). Runs
// again whenever select2 redraws a box.
(function () {
  "use strict";
  function labelOf(select) {
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    return label || select.closest("label");
  }
  function labelText(label) {
    var text = "";
    label.childNodes.forEach(function (node) { if (node.nodeType === 3) { text += node.textContent; } });
    return (text || label.textContent).replace(/[:\s]+$/, "").trim();
  }
  function fix() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var box = select.nextElementSibling;
      var label = labelOf(select);
      if (!box || !box.classList.contains("select2") || !label) { return; }
      var name = labelText(label);
      box.querySelectorAll(".select2-selection--single, .select2-selection--multiple").forEach(function (combo) {
        if (combo.getAttribute("aria-label") !== name) {
          combo.removeAttribute("aria-labelledby");
          combo.setAttribute("aria-label", name);
        }
      });
      box.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (shown) {
        if (!shown.getAttribute("aria-label")) { shown.setAttribute("aria-label", name); }
      });
      box.querySelectorAll(".select2-search__field").forEach(function (field) {
        if (field.getAttribute("aria-label") !== name) { field.setAttribute("aria-label", name); }
      });
      // a list holds list items only: the clear-all cross goes beside it
      box.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
        clear.parentNode.parentNode.insertBefore(clear, clear.parentNode);
      });
    });
  }
  function start() {
    // the change list's search box: Django labels it with a magnifier icon only
    var bar = document.getElementById("searchbar");
    var go = bar && bar.form && bar.form.querySelector("input[type=submit]");
    if (go && !bar.getAttribute("aria-label")) { bar.setAttribute("aria-label", go.value); }
    fix();
    var pending = false;
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; fix(); });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
