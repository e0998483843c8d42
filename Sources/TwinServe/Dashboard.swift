/// The live dashboard (`GET /twins/{name}`): one self-contained page in the HTML
/// report's style (system fonts, the same state colours, SVG bars), no external fetches.
/// It reads the token from its own URL (`?token=`) and follows the event stream
/// (`/v1/twins/{name}/live`), redrawing the goal table and the event list on every update.
enum Dashboard {
    static func page(twin: String) -> String {
        let escaped = twin.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escaped) — twinc live</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1d2329;max-width:1100px}
        h1{font-size:1.4em;margin:0 0 .2em}.sub{color:#5b6670;margin-bottom:1.2em}
        table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #e3e7eb;vertical-align:top}
        th{font-weight:600;color:#5b6670;font-size:.85em;text-transform:uppercase;letter-spacing:.03em}
        .state{display:inline-block;padding:.1em .5em;border-radius:3px;color:#fff;font-weight:600;font-size:.85em}
        .met{background:#2e7d32}.at-risk{background:#ef6c00}.violated{background:#c62828}.inconclusive{background:#78909c}
        .events li{margin:.2em 0}.events .k{display:inline-block;min-width:7em;color:#5b6670}
        svg text{font-size:11px;fill:#1d2329}.note{color:#5b6670;font-size:.9em}
        </style></head><body>
        <h1>\(escaped)</h1><div class="sub">live twin · <span id="status">connecting…</span> · <span id="observations">0</span> observations · <span id="clock">—</span></div>
        <table id="goals"><thead><tr><th>goal</th><th>target</th><th>state</th><th>value</th><th></th><th>forecast</th></tr></thead><tbody></tbody></table>
        <h2 style="font-size:1.1em">events</h2><ul class="events" id="events"></ul>
        <script>
        const twin = \(jsonString(twin));
        const token = new URLSearchParams(location.search).get("token") || "";
        const goalsBody = document.querySelector("#goals tbody"), eventsList = document.getElementById("events");
        function text(v){return v===undefined||v===null?"—":String(v)}
        function bar(goal){
          if(goal.value===undefined||goal.lower===undefined||goal.upper===undefined)return "";
          const lo=Math.min(goal.lower,goal.value), hi=Math.max(goal.upper,goal.value);
          const span=(hi-lo)||Math.abs(hi)||1, x=v=>8+140*(v-lo+span*0.1)/(span*1.2);
          return `<svg width="160" height="16" role="img" aria-label="interval"><line x1="${x(goal.lower)}" x2="${x(goal.upper)}" y1="8" y2="8" stroke="#5b6670" stroke-width="2"/><circle cx="${x(goal.value)}" cy="8" r="4" class="${goal.state}" fill="currentColor"/></svg>`;
        }
        function render(update){
          const a=update.assurance||{goals:[]};
          document.getElementById("clock").textContent=text(a.time);
          document.getElementById("observations").textContent=text(update.observations);
          goalsBody.innerHTML="";
          for(const g of a.goals){
            const tr=document.createElement("tr"); tr.dataset.goal=g.goal; tr.dataset.state=g.state;
            tr.innerHTML=`<td>${g.goal}</td><td>${g.target}</td><td><span class="state ${g.state}">${g.state}</span></td><td>${text(g.text)}${g.limitingDevice?` <span class="note">(${g.limitingDevice})</span>`:""}</td><td>${bar(g)}</td><td class="note">${g.forecast?g.forecast.text:text(g.note)}</td>`;
            goalsBody.appendChild(tr);
          }
          for(const e of (update.events||[])){
            const li=document.createElement("li"); li.innerHTML=`<span class="k">${e.kind}</span>${e.time} — ${e.message}`;
            eventsList.insertBefore(li, eventsList.firstChild);
            while(eventsList.children.length>50)eventsList.removeChild(eventsList.lastChild);
          }
        }
        const source=new EventSource(`/v1/twins/${encodeURIComponent(twin)}/live?token=${encodeURIComponent(token)}`);
        source.addEventListener("update", m=>{document.getElementById("status").textContent="live"; render(JSON.parse(m.data));});
        source.onerror=()=>{document.getElementById("status").textContent="reconnecting…"};
        </script></body></html>
        """
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003c"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
