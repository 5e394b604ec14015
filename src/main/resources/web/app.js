// solieu web: small niceties only; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box, as on many search sites.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q) {
      e.preventDefault();
      q.focus();
      q.select();
    }
  });
  // A link to one figure (#f-ID, #mark) scrolls it to the middle of the screen and makes it blink.
  function showTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    el.scrollIntoView({ block: el.tagName === "MARK" ? "center" : "start" });
    if (el.tagName !== "MARK") return;
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("DOMContentLoaded", showTarget);
})();
