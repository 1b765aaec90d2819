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
                 abgeschlossen #1e6b34 on #e4f3e8 5.70:1
       focus:    #1b1f24 on #ffdd00 12.30:1
       Bars, borders and focus indicators need at least 3:1 (non-text):
       non-text: bar #1a5fa0 on #e5e9ef 5.41:1, bar border #6b7280 on #ffffff 4.83:1, #6b7280 on #f8f9fb 4.59:1,
                 focus #ffdd00 on #0c3b63 8.56:1, focus outline #1b1f24 on #ffffff 16.56:1, #1b1f24 on #f3f4f6 15.05:1 */
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #f3f4f6; color: #1b1f24;
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

    main { padding: 1.5rem 0 2.5rem; }
    main:focus { outline: none; }
    main h2 { margin: 2rem 0 1rem; font-size: 1.6rem; line-height: 1.25; }
    .note { max-width: 52rem; padding: 0.75rem 1rem; background: #ffffff; border-left: 4px solid #4b5563; color: #1b1f24; }

    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 1rem; margin: 0 0 1rem; }
    .stats > div { background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; padding: 0.9rem 1.1rem; }
    .stats dt { color: #4b5563; font-size: 0.95rem; }
    .stats dd { margin: 0.1rem 0 0; font-size: 2rem; font-weight: 700; line-height: 1.2; }

    .table-scroll { overflow-x: auto; background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; }
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

    .projects { display: grid; gap: 1.25rem; }
    .project { background: #ffffff; border: 1px solid #d4d9e0; border-radius: 0.5rem; padding: 1.25rem 1.5rem;
      scroll-margin-top: 1rem; }
    .project:target { border-color: #0a4f8a; box-shadow: 0 0 0 3px #0a4f8a; }
    .project h3 { margin: 0 0 0.75rem; font-size: 1.3rem; line-height: 1.3; }
    .progress-line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0 0 0.75rem; }
    .progress-line label { font-weight: 700; }
    .progress-line .percent { font-size: 1.15rem; font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
    progress { -webkit-appearance: none; appearance: none; width: min(20rem, 100%); height: 1rem;
      border: 1px solid #6b7280; border-radius: 0.5rem; background: #e5e9ef; color: #1a5fa0; overflow: hidden; }
    progress::-webkit-progress-bar { background: #e5e9ef; border-radius: 0.5rem; }
    progress::-webkit-progress-value { background: #1a5fa0; border-radius: 0.5rem 0 0 0.5rem; }
    progress::-moz-progress-bar { background: #1a5fa0; }
    .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0 0 1rem; }
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

    @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
    @media print {
      body { background: #ffffff; }
      .skip-link, .site-header nav, .back { display: none; }
      .site-header { background: #ffffff; color: #1b1f24; }
      .site-header .publisher, .site-header .lead, .site-header a { color: #1b1f24; }
      .project { break-inside: avoid; }
    }
    """
}
