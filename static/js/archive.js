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
  // On a phone the filter panel starts folded behind its "Filters" button, so the results come
  // first (the active filters stay visible as chips above them); a panel holding an error stays
  // open. On a wide screen the panel is always open (its button is hidden by the stylesheet).
  var narrow = window.matchMedia("(max-width: 800px)");
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (panel) {
    if (narrow.matches && !panel.querySelector(".has-error, [role=alert]")) { panel.open = false; }
    narrow.addEventListener("change", function () { if (!narrow.matches) { panel.open = true; } });
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

  // --- lightboxes -------------------------------------------------------------------------
  var statusBox = null, statusTimer = null;
  function announce(text, isError) {
    if (!statusBox) {
      statusBox = document.createElement("p");
      statusBox.className = "lightbox-status";
      statusBox.setAttribute("role", "status");
      statusBox.setAttribute("aria-live", "polite");
      document.body.appendChild(statusBox);
    }
    statusBox.textContent = text;
    statusBox.classList.toggle("error", !!isError);
    window.clearTimeout(statusTimer);
    if (text) { statusTimer = window.setTimeout(function () { statusBox.textContent = ""; }, 6000); }
  }
  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function post(url, body) {
    announce("");  // the next message is this request's
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().catch(function () { return { ok: false, message: response.statusText }; })
        .then(function (data) { data.status = response.status; return data; });
    });
  }
  // "Add to lightbox" on a card flips in place (without script the form posts and comes back).
  document.querySelectorAll("form[data-lightbox-toggle]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      post(form.action, new FormData(form)).then(function (data) {
        button.disabled = false;
        announce(data.message, !data.ok);
        if (!data.ok) { return; }
        var nowIn = form.action.indexOf(form.dataset.addUrl) !== -1;
        form.action = nowIn ? form.dataset.removeUrl : form.dataset.addUrl;
        button.textContent = nowIn ? form.dataset.removeLabel : form.dataset.addLabel;
        button.setAttribute("data-in", nowIn ? "true" : "false");
      }, function () { button.disabled = false; form.submit(); });
    });
  });
  // Reorder a lightbox by dragging a photo's handle, or with the arrow keys on the handle.
  document.querySelectorAll("[data-lightbox-order]").forEach(function (list) {
    var dragged = null;
    function items() { return Array.prototype.slice.call(list.querySelectorAll(":scope > li")); }
    function renumber() {
      items().forEach(function (li, index, all) {
        var number = li.querySelector(".position");
        if (number) { number.textContent = String(index + 1); }
        var up = li.querySelector("button[value=up]"), down = li.querySelector("button[value=down]");
        if (up) { up.disabled = index === 0; }
        if (down) { down.disabled = index === all.length - 1; }
      });
    }
    function save() {
      var body = new FormData();
      body.append("order", items().map(function (li) { return li.dataset.photo; }).join(","));
      renumber();
      post(list.dataset.reorderUrl, body).then(function (data) {
        announce(data.message, !data.ok);
        if (data.status === 409) { window.setTimeout(function () { location.reload(); }, 1500); }
      });
    }
    list.querySelectorAll(".drag-handle").forEach(function (handle) {
      handle.hidden = false;
      var li = handle.closest("li");
      handle.addEventListener("dragstart", function (event) {
        dragged = li;
        li.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", li.dataset.photo);
        event.dataTransfer.setDragImage(li, 20, 20);
      });
      handle.addEventListener("dragend", function () {
        li.classList.remove("dragging");
        if (dragged) { dragged = null; save(); }
      });
      handle.addEventListener("keydown", function (event) {
        var target = null;
        if (event.key === "ArrowUp") { target = li.previousElementSibling; if (target) { list.insertBefore(li, target); } }
        else if (event.key === "ArrowDown") { target = li.nextElementSibling; if (target) { list.insertBefore(target, li); } }
        else { return; }
        event.preventDefault();
        if (target) { handle.focus(); save(); }
      });
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      var over = event.target.closest("li.lightbox-item");
      if (!over || over === dragged || over.parentNode !== list) { return; }
      var box = over.getBoundingClientRect();
      var after = (event.clientY - box.top) > box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) { if (dragged) { event.preventDefault(); } });
  });
})();
