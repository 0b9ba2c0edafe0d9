/// The report's inline style sheet and script, constant text.
///
/// Fonts: a generic stack only (nothing is downloaded): the system's UI font,
/// then fonts that carry Thai on common systems, then `sans-serif`.
/// The script only sorts tables marked `sortable` when a heading is clicked;
/// the page reads the same without it. When it has run it sets
/// `data-script="ready"` on `<html>`, which a headless browser's DOM dump shows.
enum ReportStyle {
    static let css = """

        :root { --ink: #1d2733; --muted: #5b6672; --line: #d5dbe1; --used: #2f6f9f; --whole: #dbe6ef;
          --forward: #e0a43a; --minimum: #b3261e; }
        body { font-family: system-ui, "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI", Tahoma, "Sukhumvit Set",
          Thonburi, "TH Sarabun New", Garuda, Loma, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px;
          padding: 1.5rem; line-height: 1.55; }
        h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        p.note { color: var(--muted); font-size: .92rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 1rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
        svg.chart { width: 100%; height: auto; display: block; margin: .4rem 0 1rem; }
        svg.chart text { font-family: inherit; font-size: 13px; fill: var(--ink); }
        svg.chart text.label { text-anchor: end; }
        svg.chart rect.whole { fill: var(--whole); }
        svg.chart rect.value { fill: var(--used); }
        svg.chart rect.forwarded { fill: var(--forward); }
        svg.chart line.minimum { stroke: var(--minimum); stroke-width: 3; }
        svg.chart line.marker { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 4 3; }
        .legend span { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em; vertical-align: -.1em; }
        .legend .used { background: var(--used); } .legend .whole { background: var(--whole); }
        .legend .forwarded { background: var(--forward); } .legend .minimum { background: var(--minimum); width: .25em; }
        .legend .marker { border-left: 2px dashed var(--ink); width: 0; }
        div.scroll { overflow-x: auto; }
        table.runs { font-size: .85rem; }
        table.runs th, table.runs td { padding: .25rem .4rem; }
        table.runs th.number { white-space: normal; }
        table.variations { font-size: .9rem; }
        td.changes code { font-size: .85rem; overflow-wrap: anywhere; }
        tr.base td { background: #f7f9fb; font-weight: 600; }
        table.changes td:first-child { white-space: nowrap; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f2f5f8; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.sortable th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        table.sortable th[aria-sort=ascending] button::after { content: " ▲"; }
        table.sortable th[aria-sort=descending] button::after { content: " ▼"; }
        td.explanation { min-width: 22rem; }
        @media print { nav { display: none; } h2 { break-after: avoid; } svg.chart, tr { break-inside: avoid; } }

        """

    static let script = """

        (function () {
          "use strict";
          function key(row, column, numeric) {
            var cell = row.cells[column];
            var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
            return numeric ? parseFloat(text) : text;
          }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (head, column) {
              var button = head.querySelector("button");
              if (!button) { return; }
              button.addEventListener("click", function () {
                var numeric = head.getAttribute("data-type") === "number";
                var ascending = head.getAttribute("aria-sort") !== "ascending";
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a, column, numeric), y = key(b, column, numeric);
                  var order = numeric ? x - y : String(x).localeCompare(String(y), "th");
                  if (order === 0) { order = a.getAttribute("data-order") - b.getAttribute("data-order"); return order; }
                  return ascending ? order : -order;
                });
                Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
                head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.documentElement.setAttribute("data-script", "ready");
        }());

        """
}
