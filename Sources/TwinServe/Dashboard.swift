/// The live dashboard (`GET /twins/{name}`): one self-contained page in the HTML
/// report's style (system fonts, the same state colours, SVG bars), no external fetches.
/// It reads the token from its own URL (`?token=`), lists the events so far
/// (`/v1/twins/{name}/events`), then follows the event stream (`/v1/twins/{name}/live`),
/// redrawing the goal table and adding to the event list on every update. Each goal's
/// interval is drawn against its bound (the dashed tick), the dot in the state's colour;
/// text from the server goes in as text, never as markup.
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
        .events{list-style:none;padding:0;margin:0}.events li{margin:.2em 0;padding-left:15em;text-indent:-15em}
        .events .t{display:inline-block;min-width:5.5em;text-indent:0;color:#5b6670;font-variant-numeric:tabular-nums}
        .events .k{display:inline-block;min-width:9.5em;text-indent:0;color:#5b6670}
        svg text{font-size:10px;fill:#5b6670}.note{color:#5b6670;font-size:.9em}
        svg .met{fill:#2e7d32}svg .at-risk{fill:#ef6c00}svg .violated{fill:#c62828}svg .inconclusive{fill:#78909c}
        </style></head><body>
        <h1>\(escaped)</h1><div class="sub">live twin · <span id="status">connecting…</span> · <span id="observations">0</span> observations · <span id="clock">—</span></div>
        <table id="goals"><thead><tr><th>goal</th><th>target</th><th>state</th><th>value</th><th></th><th>forecast</th></tr></thead><tbody></tbody></table>
        <h2 style="font-size:1.1em">events</h2><ul class="events" id="events"></ul>
        <script>
        const twin = \(jsonString(twin));
        const token = new URLSearchParams(location.search).get("token") || "";
        const goalsBody = document.querySelector("#goals tbody"), eventsList = document.getElementById("events");
        function text(v){return v===undefined||v===null?"—":String(v)}
        function cell(content, cls){const td=document.createElement("td"); if(cls)td.className=cls; td.textContent=content; return td}
        function bar(goal){
          if(goal.value===undefined||goal.lower===undefined||goal.upper===undefined)return "";
          const points=[goal.lower,goal.upper,goal.value].concat(goal.bound===undefined?[]:[goal.bound]);
          const lo=Math.min(...points), hi=Math.max(...points);
          const span=(hi-lo)||Math.abs(hi)||1, x=v=>8+144*(v-lo+span*0.1)/(span*1.2);
          const tick=goal.bound===undefined?"":`<line x1="${x(goal.bound)}" x2="${x(goal.bound)}" y1="2" y2="16" stroke="#1d2329" stroke-dasharray="2,2"><title>goal bound</title></line>`;
          return `<svg width="160" height="18" role="img" aria-label="interval against the goal"><line x1="${x(goal.lower)}" x2="${x(goal.upper)}" y1="9" y2="9" stroke="#5b6670" stroke-width="2"/>${tick}<circle cx="${x(goal.value)}" cy="9" r="4" class="${goal.state}"/></svg>`;
        }
        function render(update){
          const a=update.assurance||{goals:[]};
          document.getElementById("clock").textContent=text(a.time);
          document.getElementById("observations").textContent=text(update.observations);
          goalsBody.innerHTML="";
          for(const g of a.goals){
            const tr=document.createElement("tr"); tr.dataset.goal=g.goal; tr.dataset.state=g.state;
            tr.appendChild(cell(g.goal)); tr.appendChild(cell(g.target));
            const state=document.createElement("td"), badge=document.createElement("span");
            badge.className="state "+g.state; badge.textContent=g.state; state.appendChild(badge); tr.appendChild(state);
            const value=cell(text(g.text));
            if(g.limitingDevice){const d=document.createElement("span"); d.className="note"; d.textContent=` (${g.limitingDevice})`; value.appendChild(d)}
            tr.appendChild(value);
            const plot=document.createElement("td"); plot.innerHTML=bar(g); tr.appendChild(plot);
            tr.appendChild(cell(g.forecast?g.forecast.text:text(g.note),"note"));
            goalsBody.appendChild(tr);
          }
          addEvents(update.events||[]);
        }
        const seen=new Set();
        function addEvents(events){
          for(const e of events){
            const key=[e.time,e.kind,e.subject,e.message].join("|"); if(seen.has(key))continue; seen.add(key);
            const li=document.createElement("li"), t=document.createElement("span"), k=document.createElement("span");
            t.className="t"; t.textContent=(e.time||"").slice(11,19); t.title=e.time||"";
            k.className="k"; k.textContent=e.kind; li.append(t, k, document.createTextNode(e.message));
            // Newest first by the event's own time: an event can reach the page after a later
            // one (a recommendation listed once it is acted on), and must not jump the list.
            li.dataset.time=e.time||"";
            let before=eventsList.firstChild;
            while(before&&before.dataset.time>li.dataset.time)before=before.nextSibling;
            eventsList.insertBefore(li, before);
            while(eventsList.children.length>50)eventsList.removeChild(eventsList.lastChild);
          }
        }
        const query=`token=${encodeURIComponent(token)}`, base=`/v1/twins/${encodeURIComponent(twin)}`;
        fetch(`${base}/events?${query}`).then(r=>r.ok?r.json():{events:[]}).then(j=>addEvents((j.events||[]).slice(-50))).catch(()=>{}).finally(()=>{
          const source=new EventSource(`${base}/live?${query}`);
          source.addEventListener("update", m=>{document.getElementById("status").textContent="live"; render(JSON.parse(m.data));});
          source.onerror=()=>{document.getElementById("status").textContent="reconnecting…"};
        });
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
