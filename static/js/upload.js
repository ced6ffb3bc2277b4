// The admin's "upload many images" page: each file goes up in its own request, with its own
// progress bar, and its row then says what became of it. Without script the form sends every
// file at once and the server lists the same results.
(function () {
  "use strict";
  var form = document.querySelector("form[data-multi-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var input = form.querySelector("input[type=file]");
  var zone = form.querySelector("[data-drop-zone]");
  var list = document.getElementById("upload-results");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var oneUrl = form.getAttribute("data-one-url");
  var text = function (name) { return form.getAttribute("data-text-" + name) || ""; };
  var queue = [];
  var running = 0;
  // One request at a time: the server decodes each file (libexiv2 under one lock), and the
  // first rows end while the rest wait, so the editor can start on them.
  var AT_ONCE = 1;

  function row(file) {
    var li = document.createElement("li");
    li.className = "status-uploading";
    var name = document.createElement("span");
    name.className = "file-name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    var result = document.createElement("span");
    result.className = "result";
    result.textContent = text("uploading");
    li.appendChild(name);
    li.appendChild(bar);
    li.appendChild(result);
    list.appendChild(li);
    return { li: li, bar: bar, result: result };
  }

  function show(item, data) {
    item.li.className = "status-" + (data.status || "refused");
    item.li.setAttribute("data-status", data.status || "refused");
    var state = document.createElement("span");
    state.className = "state";
    state.textContent = data.state || data.status || "";
    item.li.replaceChild(state, item.bar);
    item.result.textContent = (data.message || text("failed")) + " ";
    if (data.url) {
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = text("open");
      item.result.appendChild(link);
    }
  }

  function send(item) {
    running += 1;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", oneUrl);
    xhr.setRequestHeader("X-CSRFToken", token);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) { item.bar.value = Math.round((100 * event.loaded) / event.total); }
    });
    xhr.upload.addEventListener("load", function () {
      item.bar.value = 100;
      item.result.textContent = text("reading");
    });
    xhr.addEventListener("load", function () {
      var data;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = { status: "refused" }; }
      show(item, data);
    });
    xhr.addEventListener("error", function () { show(item, { status: "refused" }); });
    xhr.addEventListener("loadend", function () {
      running -= 1;
      pump();
    });
    var body = new FormData();
    body.append("file", item.file);
    xhr.send(body);
  }

  function pump() {
    while (running < AT_ONCE && queue.length) { send(queue.shift()); }
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var item = row(file);
      item.file = file;
      queue.push(item);
    });
    pump();
  }

  input.addEventListener("change", function () {
    add(input.files);
    input.value = "";
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    add(input.files);
    input.value = "";
  });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("is-over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("is-over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files) { add(event.dataTransfer.files); }
  });
})();
