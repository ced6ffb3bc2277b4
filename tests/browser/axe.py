"""axe-core in the real-browser tests: `serious_violations(page)` runs the vendored axe
(tests/data/axe/, from the npm registry) in the page and returns its critical and serious
findings, each as "rule: target (summary)" so a failing test names what to fix."""

import pathlib

AXE_JS = pathlib.Path(__file__).resolve().parent.parent / "data" / "axe" / "axe.min.js"
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.map(n =>
      n.target.join(" ") + " (" + (n.failureSummary || "").replace(/\\s+/g, " ").slice(0, 160) + ")")}));
}"""


def violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(RUN)


def serious_violations(page) -> list[str]:
    return [
        f"{v['id']} [{v['impact']}]: {node}"
        for v in violations(page)
        if v["impact"] in ("critical", "serious")
        for node in v["nodes"]
    ]
