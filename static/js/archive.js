// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Selects that act at once (the language switcher); without script, its Go button does.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // Filter forms send only the filters that are set, so shared URLs stay short and readable.
  document.querySelectorAll("form[data-compact]").forEach(function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.value === "" && !el.disabled) { el.disabled = true; }
      });
      window.setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
      }, 0);
    });
  });
  // Remember the last search, so "Back to the results" returns to it from any photo page.
  try {
    if (document.body.dataset.page === "browse") {
      sessionStorage.setItem("archive:last-search", location.pathname + location.search);
    }
    var last = sessionStorage.getItem("archive:last-search");
    document.querySelectorAll("a[data-back-to-search]").forEach(function (link) {
      if (last) { link.setAttribute("href", last); }
    });
  } catch (e) { /* storage disabled: the links keep their plain target */ }
})();
