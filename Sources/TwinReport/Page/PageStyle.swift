/// The page's only style sheet, inline so the file is self-contained: system fonts, a
/// readable column, figures two to a row on wide screens, verdict colours that match
/// the charts' palette, and print rules (sections do not break across pages).
enum PageStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
           margin: 0; background: #f6f7f9; line-height: 1.4; }
    header, section { max-width: 1180px; margin: 0 auto; padding: 16px 28px; }
    header { background: #fff; border-bottom: 1px solid #ddd; max-width: none; }
    header .inner { max-width: 1180px; margin: 0 auto; }
    h1 { font-size: 24px; margin: 4px 0; }
    h2 { font-size: 19px; margin: 22px 0 8px; border-bottom: 2px solid #4e79a7; padding-bottom: 4px; }
    h3 { font-size: 15px; margin: 16px 0 6px; }
    .sub { color: #666; margin: 2px 0; font-size: 13px; }
    p { font-size: 14px; }
    .note { color: #666; font-size: 12.5px; }
    .warn { color: #9a6700; font-size: 12.5px; }
    .figures { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
    @media (max-width: 960px) { .figures { grid-template-columns: 1fr; } }
    figure { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; margin: 0; padding: 10px 12px; }
    figure.wide { grid-column: 1 / -1; }
    figcaption { font-size: 12.5px; color: #555; margin-top: 4px; }
    svg.plot { width: 100%; height: auto; display: block; font-family: inherit; }
    table { border-collapse: collapse; background: #fff; margin: 8px 0 14px; font-size: 13px; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #f0f2f5; font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 600;
             background: #e0e0e0; color: #333; white-space: nowrap; }
    .v-met, .v-detected, .v-protected, .v-rejected, .v-pass, .v-ok, .v-recovered { background: #2e9e44; color: #fff; }
    .v-not-met, .v-undetected, .v-exposed, .v-detected-late, .v-accepted, .v-fail, .v-too-slow, .v-not-recovered {
      background: #d62728; color: #fff; }
    .v-at-risk { background: #e8a317; color: #222; }
    .v-not-evaluated, .v-not-applicable { background: #bdbdbd; color: #222; }
    .v-inconclusive { background: #f0b400; color: #222; }
    ul.errors { color: #b3261e; font-weight: 600; }
    .breaks { color: #b71c1c; }
    .ci { color: #666; font-size: 12px; white-space: nowrap; }
    .value { white-space: nowrap; }
    .detail { color: #666; font-size: 12px; }
    .counts span { margin-right: 12px; }
    dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; margin: 8px 0; }
    dl.settings dt { color: #666; }
    dl.settings dd { margin: 0; }
    @media print { section { break-inside: avoid; } body { background: #fff; } }
    """
}
