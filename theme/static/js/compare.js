// The compare page: two canvases side by side, block by block, from their JSON downloads.
// Items both canvases share (ignoring case, accents and punctuation) are highlighted; so are the business-model
// patterns both use, marked "in both" in words as well.
// The URL keeps the pair (?a=<slug>&b=<slug>); the pickers come from the canvas index.
(function () {
  "use strict";

  var form = document.getElementById("compare-form");
  if (!form) return;
  var pickA = document.getElementById("compare-a");
  var pickB = document.getElementById("compare-b");
  var status = document.getElementById("compare-status");
  var result = document.getElementById("compare-result");
  var siteurl = form.dataset.siteurl;
  var index = null;
  var bySlug = {};
  var loaded = {};
  var latest = 0;

  function normalise(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function option(entry) {
    var node = element("option", "", entry.name + " (" + entry.industry_name + ")");
    node.value = entry.slug;
    return node;
  }

  // The second picker offers the first canvas's related canvases first, then every other one.
  function fillPickers(slugA, slugB) {
    pickA.replaceChildren.apply(pickA, index.canvases.map(option));
    pickA.value = slugA;
    var related = (bySlug[slugA] ? bySlug[slugA].related : []).filter(function (slug) { return bySlug[slug]; });
    var relatedGroup = element("optgroup");
    relatedGroup.label = "Related to " + (bySlug[slugA] ? bySlug[slugA].name : "the first canvas");
    related.forEach(function (slug) { relatedGroup.appendChild(option(bySlug[slug])); });
    var othersGroup = element("optgroup");
    othersGroup.label = related.length ? "All other canvases" : "All canvases";
    index.canvases.forEach(function (entry) {
      if (entry.slug !== slugA && related.indexOf(entry.slug) === -1) othersGroup.appendChild(option(entry));
    });
    pickB.replaceChildren();
    if (related.length) pickB.appendChild(relatedGroup);
    pickB.appendChild(othersGroup);
    pickB.value = slugB;
  }

  function loadCanvas(slug) {
    if (!loaded[slug]) {
      loaded[slug] = fetch(siteurl + bySlug[slug].json).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      });
    }
    return loaded[slug];
  }

  function itemList(items, shared) {
    var list = element("ul", "compare__items");
    items.forEach(function (item) {
      var entry = element("li");
      if (shared.has(normalise(item))) {
        entry.className = "is-shared";
        entry.appendChild(element("mark", "", String(item)));
        entry.appendChild(element("span", "visually-hidden", " (in both canvases)"));
      } else {
        entry.textContent = String(item);
      }
      list.appendChild(entry);
    });
    return list;
  }

  function side(entry, items, shared, which) {
    var column = element("div", "compare__side");
    column.dataset.side = which;
    column.appendChild(element("p", "compare__name", entry.name));
    column.appendChild(itemList(items, shared));
    return column;
  }

  // A canvas's patterns under its name: each links to its pattern page; those the other canvas uses too say so.
  function patternList(entry, other) {
    var theirs = (other.patterns || []).map(function (use) { return use.slug; });
    var list = element("ul", "compare__patterns");
    list.setAttribute("aria-label", "Business model patterns of " + entry.name);
    (entry.patterns || []).forEach(function (use) {
      var item = element("li");
      var link = element("a", "chip", use.name);
      link.href = siteurl + use.url;
      item.appendChild(link);
      if (theirs.indexOf(use.slug) !== -1) {
        item.className = "is-shared";
        item.appendChild(element("strong", "compare__in-both", " in both"));
      }
      item.appendChild(element("span", "compare__how", " " + use.how));
      list.appendChild(item);
    });
    return list;
  }

  function draw(entryA, canvasA, entryB, canvasB) {
    var heads = element("div", "compare__heads");
    [entryA, entryB].forEach(function (entry, which) {
      var head = element("div", "compare__head");
      var title = element("h2");
      var link = element("a", "", entry.name);
      link.href = siteurl + entry.url;
      title.appendChild(link);
      head.appendChild(title);
      head.appendChild(element("p", "compare__industry", entry.industry_name));
      if ((entry.patterns || []).length) head.appendChild(patternList(entry, which ? entryA : entryB));
      heads.appendChild(head);
    });
    var nodes = [heads];
    var sharedTotal = 0;
    index.blocks.forEach(function (block) {
      var itemsA = (canvasA.blocks && canvasA.blocks[block.key]) || [];
      var itemsB = (canvasB.blocks && canvasB.blocks[block.key]) || [];
      var inB = new Set(itemsB.map(normalise));
      var shared = new Set(itemsA.map(normalise).filter(function (text) { return inB.has(text); }));
      sharedTotal += shared.size;
      var section = element("section", "compare__block");
      section.dataset.block = block.key.replace(/_/g, "-");
      var heading = element("h3", "bmc__heading compare__heading", block.label);
      if (shared.size) heading.appendChild(element("span", "compare__shared-count", " " + shared.size + " shared"));
      section.appendChild(heading);
      var sides = element("div", "compare__sides");
      sides.appendChild(side(entryA, itemsA, shared, "a"));
      sides.appendChild(side(entryB, itemsB, shared, "b"));
      section.appendChild(sides);
      nodes.push(section);
    });
    result.replaceChildren.apply(result, nodes);
    status.textContent = sharedTotal === 0 ? "The two canvases share no item word for word." :
      (sharedTotal === 1 ? "1 item appears in both canvases, highlighted below." :
        sharedTotal + " items appear in both canvases, highlighted below.");
  }

  async function show(slugA, slugB, keepUrl) {
    var ticket = ++latest;
    fillPickers(slugA, slugB);
    if (!keepUrl) {
      history.replaceState(null, "", location.pathname + "?a=" + encodeURIComponent(slugA) +
        "&b=" + encodeURIComponent(slugB));
    }
    status.textContent = "Loading…";
    try {
      var canvases = await Promise.all([loadCanvas(slugA), loadCanvas(slugB)]);
      if (ticket !== latest) return;
      draw(bySlug[slugA], canvases[0], bySlug[slugB], canvases[1]);
    } catch (error) {
      if (ticket === latest) status.textContent = "A canvas could not be loaded (" + error.message + ").";
    }
  }

  function defaultPartner(slug) {
    var related = bySlug[slug].related.filter(function (other) { return bySlug[other]; });
    if (related.length) return related[0];
    var other = index.canvases.find(function (entry) { return entry.slug !== slug; });
    return other ? other.slug : slug;
  }

  async function start() {
    try {
      var response = await fetch(form.dataset.index);
      if (!response.ok) throw new Error(response.status);
      index = await response.json();
    } catch (error) {
      status.textContent = "The list of canvases could not be loaded.";
      return;
    }
    index.canvases.forEach(function (entry) { bySlug[entry.slug] = entry; });
    if (!index.canvases.length) {
      status.textContent = "There are no canvases to compare yet.";
      return;
    }
    var params = new URLSearchParams(location.search);
    var unknown = [params.get("a"), params.get("b")].filter(function (slug) { return slug && !bySlug[slug]; });
    var slugA = bySlug[params.get("a")] ? params.get("a") : index.canvases[0].slug;
    var slugB = bySlug[params.get("b")] && params.get("b") !== slugA ? params.get("b") : defaultPartner(slugA);
    pickA.addEventListener("change", function () {
      show(pickA.value, pickB.value === pickA.value ? defaultPartner(pickA.value) : pickB.value);
    });
    pickB.addEventListener("change", function () { show(pickA.value, pickB.value); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(pickA.value, pickB.value);
    });
    await show(slugA, slugB, !params.get("a") && !params.get("b"));
    if (unknown.length) {
      status.textContent = "No canvas is called “" + unknown.join("”, “") + "”; showing " +
        bySlug[slugA].name + " and " + bySlug[slugB].name + " instead.";
    }
  }

  start();
})();
