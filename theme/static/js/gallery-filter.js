// The gallery filter: narrows the cards by industry, by business-model pattern and by words as you type,
// shows how many are left, and keeps the filter in the URL (?industry=…&pattern=…&q=…) so a filtered view
// can be shared.
// Without JavaScript the form is hidden by noscript.css and every card stays listed.
(function () {
  "use strict";

  var form = document.getElementById("gallery-filter");
  if (!form) return;
  var input = document.getElementById("filter-q");
  var industry = document.getElementById("filter-industry");
  var pattern = document.getElementById("filter-pattern"); // absent while no canvas names a pattern
  var count = document.getElementById("filter-count");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".gallery-group"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".gallery-group .card"));

  // Case, accents and punctuation do not matter: "nestle" finds "Nestlé".
  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  var texts = cards.map(function (card) { return normalise(card.textContent); });

  // The search page, with the same words and industry, over every canvas of the gallery.
  function searchLink(words, sector, kind) {
    var params = new URLSearchParams();
    if (words) params.set("q", words);
    if (sector) params.set("industry", sector);
    if (kind) params.set("pattern", kind);
    var link = document.createElement("a");
    link.href = form.dataset.search + "?" + params.toString();
    link.textContent = "Search all " + form.dataset.total + " canvases";
    return link;
  }

  function apply() {
    var words = normalise(input.value).split(" ").filter(Boolean);
    var sector = industry.value;
    var kind = pattern ? pattern.value : "";
    var shown = 0;
    cards.forEach(function (card, index) {
      var visible = (!sector || card.dataset.industry === sector) &&
        (!kind || (card.dataset.patterns || "").split(" ").indexOf(kind) !== -1) &&
        words.every(function (word) { return texts[index].indexOf(word) !== -1; });
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".card:not([hidden])");
    });
    if (form.dataset.search) { // the gallery lists the first canvases of each industry only
      count.textContent = (shown === cards.length ? "Showing all " : "Showing " + shown + " of the ") +
        cards.length + " canvases listed here. ";
      if (words.length || sector || kind) count.appendChild(searchLink(input.value.trim(), sector, kind));
    } else {
      count.textContent = shown === cards.length ? "Showing all " + cards.length + " canvases." :
        "Showing " + shown + " of " + cards.length + " canvases.";
    }

    var params = new URLSearchParams(location.search);
    params.delete("industry");
    params.delete("q");
    params.delete("pattern");
    if (sector) params.set("industry", sector);
    if (kind) params.set("pattern", kind);
    if (input.value.trim()) params.set("q", input.value.trim());
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  industry.value = params.get("industry") || "";
  if (industry.selectedIndex < 0) industry.value = ""; // an industry that no longer exists
  if (pattern) {
    pattern.value = params.get("pattern") || "";
    if (pattern.selectedIndex < 0) pattern.value = "";
    pattern.addEventListener("change", apply);
  }
  input.addEventListener("input", apply);
  industry.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();
