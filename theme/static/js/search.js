// The search page: runs Pagefind's JavaScript API (the index `invoke build` writes into pagefind/)
// and shows each result's name, industry and a snippet. The URL keeps the query
// (?q=…&industry=…&pattern=…&kind=…).
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var industry = document.getElementById("search-industry");
  var pattern = document.getElementById("search-pattern"); // absent while no canvas names a pattern
  var kind = document.getElementById("search-kind");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var latest = 0;

  // Pagefind's excerpts are text with <mark> around the matched words; keep exactly that and nothing else.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var fragment = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (data.meta && data.meta.industry) {
      var sector = document.createElement("p");
      sector.className = "search-result__industry";
      sector.textContent = data.meta.industry;
      item.appendChild(sector);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(excerpt);
    return item;
  }

  function keepInUrl(query, sector, usesPattern, sort) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (sector) params.set("industry", sector);
    if (usesPattern) params.set("pattern", usesPattern);
    if (sort) params.set("kind", sort);
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  async function run() {
    var query = input.value.trim();
    var sector = industry.value;
    var usesPattern = pattern ? pattern.value : "";
    var sort = kind.value;  // company or business type
    var ticket = ++latest;
    keepInUrl(query, sector, usesPattern, sort);
    if (!query && !sector && !usesPattern && !sort) {
      list.replaceChildren();
      status.textContent = "Type a word to search every canvas.";
      return;
    }
    var filters = {};
    if (sector) filters.industry = sector;
    if (usesPattern) filters.pattern = usesPattern;
    if (sort) filters.kind = sort;
    var options = { filters: filters };
    var search = await pagefind.search(query || null, options);
    if (ticket !== latest) return; // a newer query is already on its way
    var shown = search.results.slice(0, 50);
    var pages = await Promise.all(shown.map(function (result) { return result.data(); }));
    if (ticket !== latest) return;
    list.replaceChildren.apply(list, pages.map(resultItem));
    var total = search.results.length;
    status.textContent = total === 0 ? "No canvas matches." :
      (total === 1 ? "1 canvas matches." : total + " canvases match.") +
      (total > shown.length ? " Showing the first " + shown.length + "." : "");
  }

  async function start() {
    try {
      pagefind = await import(form.dataset.bundle);
      await pagefind.options({ baseUrl: form.dataset.siteurl });
      // A large gallery's index is built in parts; the others are merged into the first one.
      var more = (form.dataset.moreBundles || "").split(" ").filter(Boolean);
      for (var i = 0; i < more.length; i++) await pagefind.mergeIndex(more[i]);
      pagefind.init();
    } catch (error) {
      status.textContent = "The search index could not be loaded; browse the gallery instead.";
      return;
    }
    var params = new URLSearchParams(location.search);
    // Words typed while the index was loading are kept; the address fills an empty box only.
    if (!input.value) input.value = params.get("q") || "";
    if (params.get("industry")) industry.value = params.get("industry");
    if (pattern && params.get("pattern")) pattern.value = params.get("pattern");
    if (pattern) pattern.addEventListener("change", run);
    if (params.get("kind")) kind.value = params.get("kind");
    if (kind.selectedIndex < 0) kind.value = "";
    input.addEventListener("input", run);
    industry.addEventListener("change", run);
    kind.addEventListener("change", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  start();
})();
