// parley: small progressive enhancements. Every string from the server is set with textContent, never as HTML.
(function () {
  "use strict";

  function scrollToCitation() {
    var mark = document.getElementById("cite");
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    try { mark.focus({ preventScroll: true }); } catch (e) { /* old browsers */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function citationItem(c) {
    var li = el("li");
    var a = el("a", "citation", c.text || "(citation)");
    a.href = c.href || ("/articles/" + encodeURIComponent(c.article_id || ""));
    li.appendChild(a);
    var where = [c.outlet || c.title || "unknown outlet", c.published].filter(Boolean).join(", ");
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "small muted", "— " + where));
    return li;
  }

  function renderAnswer(box, data) {
    box.textContent = "";
    var wrap = el("div", "answer");
    var cites = Array.isArray(data.citations) ? data.citations : [];
    var parts = Array.isArray(data.parts) ? data.parts : [];
    if (parts.length) {
      var ul = el("ul", "answer-parts");
      parts.forEach(function (p) {
        var li = el("li", "answer-part", p.text || "");
        (p.refs || []).forEach(function (n) {
          var c = cites[n - 1];
          if (!c) return;
          li.appendChild(document.createTextNode(" "));
          var a = el("a", "ref", "[" + n + "]");
          a.href = c.href;
          li.appendChild(a);
        });
        ul.appendChild(li);
      });
      wrap.appendChild(ul);
    } else {
      wrap.appendChild(el("p", "answer-text", data.note || data.text || "The corpus does not say."));
    }
    if (cites.length) {
      var ol = el("ol", "citations");
      cites.forEach(function (c) { ol.appendChild(citationItem(c)); });
      wrap.appendChild(ol);
    }
    box.appendChild(wrap);
  }

  function wireAsk() {
    var form = document.getElementById("ask-form");
    var box = document.getElementById("ask-result");
    if (!form || !box || !window.fetch) return;
    form.addEventListener("submit", function (ev) {
      var q = form.elements.q.value.trim();
      if (!q) { ev.preventDefault(); return; }
      ev.preventDefault();
      box.textContent = "";
      box.appendChild(el("p", "muted", "Thinking…"));
      fetch("/api/ask?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (!res.ok) {
            box.textContent = "";
            var msg = res.body && res.body.error ? res.body.error.message : "The question could not be answered.";
            box.appendChild(el("p", "error-text", msg));
            return;
          }
          renderAnswer(box, res.body);
          if (location.pathname === "/ask" && history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(q));
        })
        .catch(function () {
          box.textContent = "";
          box.appendChild(el("p", "error-text", "The server did not answer."));
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    scrollToCitation();
    wireAsk();
  });
})();
