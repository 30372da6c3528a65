/* The canvas editor (/editor/): nine blocks of items, kept in localStorage, saved as seed-format YAML
   or JSON, opened from a YAML/JSON file or started from a gallery canvas (?from=<slug>).
   No framework: the state is one plain object, rendered into the page after every structural change. */
(function () {
  "use strict";

  var root = document.getElementById("editor");
  if (!root) return;

  var MAX_ITEMS = parseInt(root.getAttribute("data-max-items"), 10) || 12;
  // A canvas file is a few kilobytes; a huge one would hang the tab (setting CANVAS_MAX_EDITOR_FILE_BYTES).
  var MAX_FILE_BYTES = parseInt(root.getAttribute("data-max-file-bytes"), 10) || 1000000;
  var STORAGE_KEY = root.getAttribute("data-storage-key");
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var SEED_KEYS = ["name", "kind", "industry", "summary", "blocks"];
  // The two kinds of canvas; a company is the default and is saved without a kind line.
  var KINDS = ["company", "business-type"];
  var blockSections = Array.prototype.slice.call(root.querySelectorAll(".editor__grid [data-key]"));
  var BLOCKS = blockSections.map(function (section) {
    return { key: section.getAttribute("data-key"), label: section.getAttribute("data-label"), section: section };
  });
  var BLOCK_KEYS = BLOCKS.map(function (block) { return block.key; });

  var nameInput = document.getElementById("editor-name");
  var industrySelect = document.getElementById("editor-industry");
  var kindSelect = document.getElementById("editor-kind");
  var summaryInput = document.getElementById("editor-summary");
  var statusLine = document.getElementById("editor-status");
  var alertBox = document.getElementById("editor-alert");
  var offer = document.getElementById("editor-offer");
  var INDUSTRIES = Array.prototype.slice.call(industrySelect.options)
    .map(function (option) { return option.value; })
    .filter(Boolean);

  // ---- The canvas as plain data ------------------------------------------------------------------

  function emptyCanvas() {
    var blocks = {};
    BLOCK_KEYS.forEach(function (key) { blocks[key] = []; });
    return { name: "", kind: "company", industry: "", summary: "", blocks: blocks };
  }

  // One line of text: no control characters, single spaces (seed items and summaries are one paragraph).
  function clean(text) {
    return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, " ").replace(/\s+/g, " ").trim();
  }

  function isEmpty(canvas) {
    return !canvas.name && !canvas.industry && !canvas.summary &&
      BLOCK_KEYS.every(function (key) { return canvas.blocks[key].every(function (item) { return !clean(item); }); });
  }

  function describe(value) {
    if (value === null || value === undefined) return "nothing";
    if (Array.isArray(value)) return "a list";
    if (value instanceof Date) return "a date";
    if (typeof value === "object") return "a mapping";
    return typeof value === "string" ? "text" : "the value " + String(value);
  }

  function isScalar(value) {
    return typeof value === "string" || (typeof value === "number" && isFinite(value));
  }

  /* A parsed file (or a gallery canvas.json) -> {canvas, problems, notes}. A problem means the file is
     not a canvas at all and nothing is changed; notes tell what was adjusted or left out. */
  function toCanvas(seed) {
    var problems = [], notes = [];
    if (seed === null || typeof seed !== "object" || Array.isArray(seed)) {
      return { problems: ["it holds " + describe(seed) + ", not a canvas with name, industry, summary and blocks"] };
    }
    var canvas = emptyCanvas();
    ["name", "summary"].forEach(function (key) {
      var value = seed[key];
      if (value === undefined || value === null) return;
      if (isScalar(value)) canvas[key] = clean(value);
      else problems.push(key + ": expected text, got " + describe(value));
    });
    var kind = seed.kind;
    if (kind !== undefined && kind !== null && kind !== "") {
      if (KINDS.indexOf(String(kind)) === -1) notes.push("the kind '" + clean(kind) + "' is not company or business-type; it is a company now");
      else canvas.kind = String(kind);
    }
    var industry = seed.industry;
    if (industry !== undefined && industry !== null && industry !== "") {
      if (!isScalar(industry)) problems.push("industry: expected an industry such as " + INDUSTRIES[0] + ", got " + describe(industry));
      else if (INDUSTRIES.indexOf(String(industry)) === -1) notes.push("the industry '" + clean(industry) + "' is not one of the gallery's; choose one");
      else canvas.industry = String(industry);
    }
    var blocks = seed.blocks;
    if (blocks === undefined || blocks === null) {
      problems.push("blocks: missing; a canvas lists its items under blocks: key_partners, key_activities and the other seven");
    } else if (typeof blocks !== "object" || Array.isArray(blocks)) {
      problems.push("blocks: expected the nine blocks by name, got " + describe(blocks));
    } else {
      Object.keys(blocks).forEach(function (key) {
        if (BLOCK_KEYS.indexOf(key) === -1) problems.push("blocks." + key + ": not one of the nine blocks (" + BLOCK_KEYS.join(", ") + ")");
      });
      BLOCK_KEYS.forEach(function (key) {
        var items = blocks[key];
        if (items === undefined || items === null) return;  // an empty block: fine while the canvas is a draft
        if (!Array.isArray(items)) {
          problems.push("blocks." + key + ": expected a list of items, got " + describe(items));
          return;
        }
        if (items.length > MAX_ITEMS) problems.push("blocks." + key + ": has " + items.length + " items; a block holds at most " + MAX_ITEMS);
        items.forEach(function (item, index) {
          if (!isScalar(item)) problems.push("blocks." + key + "[" + index + "]: expected text, got " + describe(item));
          else if (clean(item)) canvas.blocks[key].push(clean(item));
        });
      });
    }
    var left = Object.keys(seed).filter(function (key) { return SEED_KEYS.indexOf(key) === -1; });
    if (left.length) notes.push("left out " + left.join(", ") + " (the editor keeps the name, industry, summary and nine blocks)");
    return { canvas: canvas, problems: problems, notes: notes };
  }

  // What the gallery's seed validator would still reject: shown as advice when saving, never blocking.
  function missingForGallery(canvas) {
    var missing = [];
    if (!canvas.name) missing.push("a name");
    if (!canvas.industry) missing.push("an industry");
    if (!canvas.summary) missing.push("a summary");
    BLOCKS.forEach(function (block) {
      if (!canvas.blocks[block.key].some(function (item) { return clean(item); })) missing.push("an item in " + block.label);
    });
    return missing;
  }

  // ---- Saving in the seed format ------------------------------------------------------------------

  // The seed's keys in the seed files' order (name, kind for a business type, industry, summary, blocks).
  function toSeed(canvas) {
    var blocks = {};
    BLOCK_KEYS.forEach(function (key) { blocks[key] = canvas.blocks[key].map(clean).filter(Boolean); });
    var seed = { name: canvas.name };
    if (canvas.kind === "business-type") seed.kind = canvas.kind;
    seed.industry = canvas.industry;
    seed.summary = canvas.summary;
    seed.blocks = blocks;
    return seed;
  }

  /* js-yaml keeps the keys in order, folds long text (summary: >-) at the seed files' width of about 100
     columns, and quotes what YAML 1.1 (the seed loader's PyYAML) would read as a boolean or number: 'yes', '9:30'. */
  function toYaml(canvas) {
    return window.jsyaml.dump(toSeed(canvas), { lineWidth: 100 });
  }

  function toJson(canvas) {
    return JSON.stringify(toSeed(canvas), null, 2) + "\n";
  }

  function parseFile(name, text) {
    var looksJson = /\.json$/i.test(name) || /^\s*[{[]/.test(text);
    if (looksJson) return JSON.parse(text);
    if (!window.jsyaml) throw new Error("the YAML reader did not load; reload the page and try again");
    return window.jsyaml.load(text, { listener: refuseAnchors });
  }

  /* An anchor is refused when its node closes, before any alias can repeat it: an alias bomb (lists of
     aliases of lists of aliases) is small to read but explodes in everything that walks it afterwards. */
  function refuseAnchors(event, state) {
    if (event === "close" && state.anchor !== null) {
      var refusal = new Error("it uses a YAML anchor ('&" + state.anchor + "', near line " + (state.line + 1) +
        "), which a canvas does not need; write each value out in full");
      refusal.refusal = true;
      throw refusal;
    }
  }

  function megabytes(bytes) {
    return (bytes / 1000000).toLocaleString("en", { maximumFractionDigits: 1 }) + " MB";
  }

  // ---- State, storage and rendering ---------------------------------------------------------------

  var state = load();

  function load() {
    try {
      var saved = window.localStorage.getItem(STORAGE_KEY);
      if (saved) {
        var result = toCanvas(JSON.parse(saved));
        if (!result.problems.length) return result.canvas;
      }
    } catch (error) { /* storage blocked or damaged: start empty */ }
    return emptyCanvas();
  }

  function save() {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      say("This browser does not let the page keep your canvas; save it as a file before you leave.");
    }
    renderPrint();
  }

  function say(message) {
    statusLine.textContent = message;
  }

  function warn(message) {
    alertBox.textContent = message;
  }

  // Text areas grow with their text, so a long item is read whole (CSSOM styles are allowed by the CSP).
  function fit(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = textarea.scrollHeight + 2 + "px";
  }

  function itemId(key, index) {
    return "editor-item-" + key + "-" + index;
  }

  function button(action, text, hidden) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "editor__item-button";
    element.setAttribute("data-action", action);
    element.appendChild(document.createTextNode(text));
    var extra = document.createElement("span");
    extra.className = "visually-hidden";
    extra.textContent = " " + hidden;
    element.appendChild(extra);
    return element;
  }

  function renderBlock(block) {
    var list = block.section.querySelector(".editor__items");
    var items = state.blocks[block.key];
    list.textContent = "";
    items.forEach(function (item, index) {
      var where = block.label + " item " + (index + 1);
      var li = document.createElement("li");
      li.className = "editor__item";
      li.setAttribute("data-index", String(index));
      var label = document.createElement("label");
      label.className = "visually-hidden";
      label.htmlFor = itemId(block.key, index);
      label.textContent = where;
      var text = document.createElement("textarea");
      text.id = itemId(block.key, index);
      text.className = "editor__text";
      text.rows = 2;
      text.value = item;
      var actions = document.createElement("div");
      actions.className = "editor__item-actions";
      var up = button("up", "Up", "(move " + where + " up)");
      var down = button("down", "Down", "(move " + where + " down)");
      up.disabled = index === 0;
      down.disabled = index === items.length - 1;
      actions.appendChild(up);
      actions.appendChild(down);
      actions.appendChild(button("remove", "Remove", where));
      li.appendChild(label);
      li.appendChild(text);
      li.appendChild(actions);
      list.appendChild(li);
      fit(text);
    });
    block.section.querySelector(".editor__add").disabled = items.length >= MAX_ITEMS;
  }

  function renderPrint() {
    document.getElementById("editor-print-name").textContent = (state.name || "My canvas") + " Business Model Canvas";
    var option = industrySelect.querySelector('option[value="' + state.industry + '"]');
    document.getElementById("editor-print-industry").textContent = state.industry && option ? "Industry: " + option.textContent : "";
    BLOCK_KEYS.forEach(function (key) {
      var list = root.querySelector('[data-print-key="' + key + '"]');
      list.textContent = "";
      state.blocks[key].map(clean).filter(Boolean).forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item;
        list.appendChild(li);
      });
    });
  }

  function render() {
    nameInput.value = state.name;
    kindSelect.value = KINDS.indexOf(state.kind) === -1 ? "company" : state.kind;
    industrySelect.value = state.industry;
    summaryInput.value = state.summary;
    fit(summaryInput);
    BLOCKS.forEach(renderBlock);
    renderPrint();
  }

  function replaceWith(canvas) {
    state = canvas;
    save();
    render();
  }

  function focusIn(block, index, action) {
    var item = block.section.querySelector('.editor__item[data-index="' + index + '"]');
    var target = item && (action ? item.querySelector('[data-action="' + action + '"]') : item.querySelector("textarea"));
    if (target && target.disabled) target = item.querySelector("textarea");
    (target || block.section.querySelector(".editor__add")).focus();
  }

  // ---- Events ---------------------------------------------------------------------------------

  nameInput.addEventListener("input", function () { state.name = nameInput.value; save(); });
  industrySelect.addEventListener("change", function () { state.industry = industrySelect.value; save(); });
  kindSelect.addEventListener("change", function () { state.kind = kindSelect.value; save(); });
  summaryInput.addEventListener("input", function () { state.summary = summaryInput.value; fit(summaryInput); save(); });
  // Clean the free text once the visitor leaves a field, so what is kept is what will be saved.
  root.addEventListener("change", function (event) {
    var target = event.target;
    if (target === nameInput || target === summaryInput) {
      target.value = clean(target.value);
      state[target === nameInput ? "name" : "summary"] = target.value;
      save();
    }
  });

  BLOCKS.forEach(function (block) {
    block.section.addEventListener("input", function (event) {
      var item = event.target.closest(".editor__item");
      if (!item) return;
      state.blocks[block.key][Number(item.getAttribute("data-index"))] = event.target.value;
      fit(event.target);
      save();
    });
    block.section.addEventListener("keydown", function (event) {
      // Enter in an item adds the next one (Shift+Enter too: items are one line each).
      if (event.key !== "Enter" || !event.target.classList.contains("editor__text")) return;
      event.preventDefault();
      block.section.querySelector(".editor__add").click();
    });
    block.section.addEventListener("click", function (event) {
      var control = event.target.closest("button[data-action]");
      if (!control || control.disabled) return;
      var items = state.blocks[block.key];
      var action = control.getAttribute("data-action");
      var item = control.closest(".editor__item");
      var index = item ? Number(item.getAttribute("data-index")) : -1;
      if (action === "add") {
        if (items.length >= MAX_ITEMS) return;
        items.push("");
        save();
        renderBlock(block);
        focusIn(block, items.length - 1);
        say("Item added to " + block.label + ".");
      } else if (action === "remove") {
        items.splice(index, 1);
        save();
        renderBlock(block);
        focusIn(block, Math.min(index, items.length - 1));
        say("Item removed from " + block.label + ".");
      } else if (action === "up" || action === "down") {
        var other = action === "up" ? index - 1 : index + 1;
        if (other < 0 || other >= items.length) return;
        var moved = items[index];
        items[index] = items[other];
        items[other] = moved;
        save();
        renderBlock(block);
        focusIn(block, other, action);
        say("Moved to position " + (other + 1) + " of " + items.length + " in " + block.label + ".");
      }
    });
  });

  function fileName(extension) {
    var base = clean(state.name).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return (base || "my-canvas") + "." + extension;
  }

  function download(text, type, extension) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName(extension);
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    var missing = missingForGallery(state);
    say("Saved " + link.download + "." + (missing.length
      ? " Before it can join the gallery it needs " + missing.join(", ") + "."
      : " It is ready to send to the gallery."));
  }

  document.getElementById("editor-export-yaml").addEventListener("click", function () {
    if (!window.jsyaml) return say("The YAML writer did not load; reload the page, or save as JSON.");
    download(toYaml(state), "application/yaml", "yaml");
  });
  document.getElementById("editor-export-json").addEventListener("click", function () {
    download(toJson(state), "application/json", "json");
  });
  document.getElementById("editor-print").addEventListener("click", function () {
    renderPrint();
    window.print();
  });
  document.getElementById("editor-clear").addEventListener("click", function () {
    var previous = state;
    if (isEmpty(previous)) return say("The canvas is already empty.");
    replaceWith(emptyCanvas());
    offerChoice("You started an empty canvas.", "Bring back the previous canvas", "Keep the empty one", function () {
      replaceWith(previous);
      say("The previous canvas is back.");
    });
  });

  var importInput = document.getElementById("editor-import");
  importInput.addEventListener("change", function () {
    var file = importInput.files && importInput.files[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      warn("“" + file.name + "” is not a canvas the editor can open: it is " + megabytes(file.size) +
        ", more than the " + megabytes(MAX_FILE_BYTES) + " the editor reads, and a canvas file is a few kilobytes" +
        ". Your canvas has not changed.");
      importInput.value = "";
      return;
    }
    file.text().then(function (text) {
      var result;
      try {
        result = toCanvas(parseFile(file.name, text));
      } catch (error) {
        result = { problems: [error.refusal ? error.message :
          "it cannot be read as YAML or JSON (" + String(error.message || error).split("\n")[0] + ")"] };
      }
      if (result.problems.length) {
        warn("“" + file.name + "” is not a canvas the editor can open: " + result.problems.join("; ") +
          ". Your canvas has not changed.");
        return;
      }
      warn("");
      replaceWith(result.canvas);
      say("Opened “" + file.name + "”." + (result.notes.length ? " Note: " + result.notes.join("; ") + "." : ""));
    }).finally(function () {
      importInput.value = "";  // choosing the same file again fires change again
    });
  });

  // ---- Start from a gallery canvas: /editor/?from=<slug> ----------------------------------------

  var onOffer = null;
  function offerChoice(text, yes, no, accept) {
    document.getElementById("editor-offer-text").textContent = text;
    document.getElementById("editor-offer-replace").textContent = yes;
    document.getElementById("editor-offer-keep").textContent = no;
    onOffer = accept;
    offer.hidden = false;
  }
  function closeOffer() {
    offer.hidden = true;
    onOffer = null;
    nameInput.focus();
  }
  document.getElementById("editor-offer-replace").addEventListener("click", function () {
    if (onOffer) onOffer();
    closeOffer();
  });
  document.getElementById("editor-offer-keep").addEventListener("click", closeOffer);

  function forgetFrom() {
    var url = new URL(window.location.href);
    url.searchParams.delete("from");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  function startFrom(slug) {
    if (!SLUG.test(slug)) {
      warn("There is no gallery canvas called “" + slug + "”.");
      return forgetFrom();
    }
    var address = root.getAttribute("data-canvas-json").replace("{slug}", slug);
    fetch(address, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("no gallery canvas called “" + slug + "”");
      return response.json();
    }).then(function (seed) {
      var result = toCanvas(seed);
      if (result.problems.length) throw new Error("the gallery canvas “" + slug + "” could not be read");
      var name = result.canvas.name || slug;
      var use = function () {
        replaceWith(result.canvas);
        say("Started from the " + name + " canvas" + (result.canvas.kind === "business-type" ?
          ", a business type: name your own business and set Kind of canvas to a company" : "") +
          ". Change anything; your canvas is kept in this browser.");
      };
      if (isEmpty(state)) use();
      else offerChoice("You have a canvas in progress. Replace it with a copy of the " + name + " canvas?",
        "Replace my canvas", "Keep my canvas", use);
    }).catch(function (error) {
      warn("Could not start from that canvas: " + (error.message || error) + ". Your canvas has not changed.");
    }).finally(forgetFrom);
  }

  render();
  var from = new URLSearchParams(window.location.search).get("from");
  if (from) startFrom(from);
  root.setAttribute("data-ready", "true");  // for tests and scripts: the editor is wired up
})();
