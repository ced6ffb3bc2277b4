// The paste preview: its summary says what Save does with the choices it was previewed with.
// When the editor changes one (a near-duplicate's radio, the box to replace hand edits), the
// summary is marked out of date and a note says to preview again. Without this script the
// server still refuses to save choices no preview showed (it shows their preview instead).
(function () {
  "use strict";
  function start() {
    var notes = document.querySelectorAll(".choices-changed");
    var form = notes.length ? notes[0].parentNode.querySelector("form") : null;
    if (!form) { return; }
    var previewed = {};
    function isChoice(input) { return /^near_\d+$/.test(input.name) || input.name === "overwrite_edits"; }
    form.querySelectorAll("input").forEach(function (input) {
      if (isChoice(input)) { previewed[input.name + "=" + input.value] = input.checked; }
    });
    form.addEventListener("change", function (event) {
      if (!isChoice(event.target)) { return; }
      var changed = false;
      form.querySelectorAll("input").forEach(function (input) {
        if (isChoice(input) && previewed[input.name + "=" + input.value] !== input.checked) { changed = true; }
      });
      notes.forEach(function (note) { note.hidden = !changed; });
      var summary = document.querySelector(".expected-summary");
      if (summary) { summary.classList.toggle("outdated", changed); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
