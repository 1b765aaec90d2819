/// The landing page's style sheet, inlined into the page (no external assets, no script).
///
/// Its first comment, published with the page, states the contrast of every pair of colours it uses
/// (the conformance suite recomputes each ratio). The status is always written as a word (colour and
/// symbol only repeat it), and the progress always as a number next to its bar.
enum LandingPageStyle {
    static let css = """
    /* Contrast, WCAG 2 relative luminance. Text needs at least 4.5:1 (AA).
       text:     #1b1f24 on #ffffff 16.56:1, #1b1f24 on #f3f4f6 15.05:1, #1b1f24 on #eef2f7 14.73:1,
                 #1b1f24 on #f8f9fb 15.72:1 (body text on white, page, table head, table stripe)
       muted:    #4b5563 on #ffffff 7.56:1, #4b5563 on #f3f4f6 6.87:1
       links:    #0a4f8a on #ffffff 8.41:1, #0a4f8a on #f3f4f6 7.64:1, #0a4f8a on #f8f9fb 7.98:1;
                 hovered #06365f on #ffffff 12.35:1, #06365f on #f8f9fb 11.72:1
       header:   #ffffff on #0c3b63 11.53:1, #dbe7f3 on #0c3b63 9.19:1
       status:   geplant #8a4b00 on #fdf0dc 6.05:1, in Umsetzung #0a4f8a on #e3eefa 7.16:1,
                 abgeschlossen #1e6b34 on #e4f3e8 5.70:1, verzögert #9b1c1c on #fdecec 7.14:1
       delayed:  #9b1c1c on #ffffff 8.15:1, #9b1c1c on #fdecec 7.14:1 (the delayed notes)
       timeline: #4b5563 on #ffffff 7.56:1 (the facts beside each bar and the years of the axis)
       focus:    #1b1f24 on #ffdd00 12.30:1 (every focused link, the header's too)
       Bars, borders and focus indicators need at least 3:1 (non-text):
       non-text: bar #1a5fa0 on #e5e9ef 5.41:1, bar border #6b7280 on #ffffff 4.83:1, #6b7280 on #f8f9fb 4.59:1,
                 focus #ffdd00 on #0c3b63 8.56:1, focus outline #1b1f24 on #ffffff 16.56:1, #1b1f24 on #f3f4f6 15.05:1,
                 timeline: bar outline #1b1f24 on #ffffff 16.56:1, progress #1a5fa0 on #ffffff 6.59:1,
                 stand line #1b1f24 on #ffffff 16.56:1, dashed delay #9b1c1c on #ffffff 8.15:1,
                 year lines #8a929c on #ffffff 3.15:1, axis line #6b7280 on #ffffff 4.83:1
       Shapes never carry meaning by colour alone: the bar is outlined, the delay dashed and named in words. */
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #f3f4f6; color: #1b1f24; overflow-wrap: break-word;
      font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 1rem; line-height: 1.55; }
    a { color: #0a4f8a; }
    a:hover { color: #06365f; }
    a:focus-visible, summary:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px;
      background: #ffdd00; color: #1b1f24; box-shadow: 0 0 0 2px #ffdd00; text-decoration: none; }
    .skip-link { position: absolute; left: 0.5rem; top: -4rem; z-index: 10; padding: 0.5rem 1rem;
      background: #ffdd00; color: #1b1f24; font-weight: 700; border: 3px solid #1b1f24; }
    .skip-link:focus, .skip-link:focus-visible { top: 0.5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
    .wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }

    .site-header { background: #0c3b63; color: #ffffff; padding: 2rem 0 1.5rem; }
    .site-header .publisher { margin: 0 0 0.5rem; color: #dbe7f3; font-size: 0.95rem; letter-spacing: 0.02em; }
    .site-header h1 { margin: 0 0 0.75rem; font-size: clamp(1.6rem, 3.5vw, 2.4rem); line-height: 1.2; }
    .site-header .lead { max-width: 48rem; margin: 0 0 0.75rem; color: #ffffff; font-size: 1.05rem; }
    .site-header a { color: #ffffff; }
    .site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 1.25rem 0 0; padding: 0; list-style: none; }
    .site-header nav a { font-weight: 700; }
    .site-header a:focus-visible { color: #1b1f24; background: #ffdd00; }

    main { padding: 1.5rem 0 2.5rem; }
    main:focus { outline: none; }
    main h2 { margin: 2rem 0 1rem; font-size: 1.6rem; line-height: 1.25; }
    .note { max-width: 52rem; padding: 0.75rem 1rem; background: #ffffff; border-left: 4px solid #4b5563; color: #1b1f24; }

    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr)); gap: 1rem; margin: 0 0 1rem; }
    .stats > div { background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; padding: 0.9rem 1.1rem; }
    .stats dt { color: #4b5563; font-size: 0.95rem; }
    .stats dd { margin: 0.1rem 0 0; font-size: 2rem; font-weight: 700; line-height: 1.2; }

    .table-scroll { position: relative; overflow-x: auto; background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
    caption { padding: 0.75rem 1rem; text-align: left; font-weight: 700; color: #1b1f24; }
    th, td { padding: 0.5rem 1rem; text-align: left; vertical-align: top; border-top: 1px solid #d4d9e0; }
    thead th { background: #eef2f7; white-space: nowrap; }
    tbody th { font-weight: 400; }
    tbody tr:nth-child(even) { background: #f8f9fb; }
    td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .nowrap { white-space: nowrap; }
    .minibar { display: inline-block; width: 4rem; height: 0.5rem; margin-left: 0.5rem; vertical-align: middle;
      background: #e5e9ef; border: 1px solid #6b7280; border-radius: 0.25rem; overflow: hidden; }
    .minibar > span { display: block; height: 100%; background: #1a5fa0; }

    .status { display: inline-block; padding: 0.05rem 0.6rem; border-radius: 1rem; border: 1px solid currentColor;
      font-size: 0.9rem; font-weight: 700; white-space: nowrap; }
    .status-geplant { color: #8a4b00; background: #fdf0dc; }
    .status-in_umsetzung { color: #0a4f8a; background: #e3eefa; }
    .status-abgeschlossen { color: #1e6b34; background: #e4f3e8; }
    .status-verzoegert { color: #9b1c1c; background: #fdecec; }
    .delayed { color: #9b1c1c; font-weight: 700; }
    p.delayed { margin: 0 0 0.75rem; padding: 0.4rem 0.75rem; background: #fdecec; border-left: 4px solid #9b1c1c; }

    .timeline { background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; padding: 0.75rem 1rem; }
    .timeline-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
    .timeline-legend li { display: flex; align-items: center; gap: 0.4rem; }
    .timeline-axis, .timeline-row { display: grid; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr); gap: 0 1rem; }
    .timeline-axis { padding-bottom: 0.2rem; border-bottom: 1px solid #6b7280; color: #4b5563; font-size: 0.8rem; }
    .timeline-years { display: grid; }
    .timeline-years span { padding-left: 0.2rem; border-left: 1px solid #8a929c; white-space: nowrap; }
    .timeline-rows { margin: 0; padding: 0; list-style: none; }
    .timeline-row { padding: 0.4rem 0; border-bottom: 1px solid #d4d9e0; }
    .timeline-row a { grid-column: 1; grid-row: 1 / span 2; }
    .timeline-row svg { grid-column: 2; display: block; width: 100%; height: 1.5rem; overflow: visible; }
    .timeline-row p { grid-column: 2; margin: 0.1rem 0 0; color: #4b5563; font-size: 0.85rem; }
    .timeline-span { fill: #ffffff; stroke: #1b1f24; stroke-width: 1.5px; }
    .timeline-done { fill: #1a5fa0; }
    .timeline-late { stroke: #9b1c1c; stroke-width: 3px; stroke-dasharray: 5 3; }
    .timeline-now { stroke: #1b1f24; stroke-width: 2px; }

    .projects { display: grid; gap: 1.25rem; }
    .project { background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; padding: 1.25rem 1.5rem;
      scroll-margin-top: 1rem; }
    .project:target { border-color: #0a4f8a; box-shadow: 0 0 0 3px #0a4f8a; }
    .project h3 { margin: 0 0 0.75rem; font-size: 1.3rem; line-height: 1.3; }
    .progress-line { position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0 0 0.75rem; }
    .progress-line label { font-weight: 700; }
    .progress-line .percent { font-size: 1.15rem; font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
    progress { -webkit-appearance: none; appearance: none; width: min(20rem, 100%); height: 1rem;
      border: 1px solid #6b7280; border-radius: 0.5rem; background: #e5e9ef; color: #1a5fa0; overflow: hidden; }
    progress::-webkit-progress-bar { background: #e5e9ef; border-radius: 0.5rem; }
    progress::-webkit-progress-value { background: #1a5fa0; border-radius: 0.5rem 0 0 0.5rem; }
    progress::-moz-progress-bar { background: #1a5fa0; }
    .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); gap: 0.5rem 1.5rem; margin: 0 0 1rem; }
    .facts dt { color: #4b5563; font-size: 0.9rem; }
    .facts dd { margin: 0; }
    .texts { display: grid; grid-template-columns: 1fr; gap: 0 2rem; border-top: 1px solid #d4d9e0; }
    @media (min-width: 48rem) { .texts { grid-template-columns: 1fr 1fr; } }
    .texts h4 { margin: 0.9rem 0 0.25rem; font-size: 1.05rem; }
    .texts p { margin: 0 0 0.6rem; }
    .back { margin: 0.5rem 0 0; font-size: 0.9rem; }

    .licence { max-width: 52rem; }
    .site-footer { background: #ffffff; border-top: 1px solid #d4d9e0; padding: 1.5rem 0 2rem; font-size: 0.95rem; }
    .site-footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    .site-footer dt { color: #4b5563; }
    .site-footer dd { margin: 0; }

    /* Narrow windows (phones, 320 px reflow): tables become one block per row, the timeline one column. */
    @media (max-width: 40rem) {
      .wrap { padding: 0 0.75rem; }
      .project { padding: 1rem; }
      .stack, .stack caption, .stack tbody, .stack tr, .stack tbody th, .stack td { display: block; }
      .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      .stack caption { padding: 0.75rem; }
      .stack tbody tr { padding: 0.5rem 0.75rem; border-top: 1px solid #d4d9e0; }
      .stack tbody th, .stack td { padding: 0; border: 0; text-align: left; }
      .stack td { display: inline-block; margin: 0.15rem 1rem 0 0; }
      .timeline { padding: 0.5rem 0.75rem; }
      .timeline-axis, .timeline-row { grid-template-columns: minmax(0, 1fr); }
      .timeline-axis > span { display: none; }
      .timeline-row a, .timeline-row svg, .timeline-row p { grid-column: 1; grid-row: auto; }
      .timeline-years .minor { visibility: hidden; }
      .site-footer dl { grid-template-columns: minmax(0, 1fr); }
      .site-footer dd { margin-bottom: 0.5rem; }
    }

    @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
    @media print {
      body { background: #ffffff; }
      .skip-link, .site-header nav, .back { display: none; }
      .site-header { background: #ffffff; color: #1b1f24; }
      .site-header .publisher, .site-header .lead, .site-header a { color: #1b1f24; }
      .project, .timeline-row { break-inside: avoid; }
      p.delayed { border: 2px solid #9b1c1c; }
    }
    """
}
