//! End-to-end: the drawings of a site whose groups sit five levels deep
//! (tests/fixtures/deep-groups), with indicators that miss a year, go below
//! zero and have a baseline close to their target. Asserts on the SVG the
//! built pages carry; the geometry of every label is tested in
//! `render::charts`.

mod common;

use common::*;

/// The first inline `<svg>` of a page after `marker`.
fn svg_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let from = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} missing"));
    let start = from + html[from..].find("<svg").unwrap();
    &html[start..start + html[start..].find("</svg>").unwrap() + 6]
}

/// The values of `attr` on every `<tag ...>` of `svg`.
fn numbers(svg: &str, tag: &str, attr: &str) -> Vec<f64> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .map(|t| {
            let at = t
                .find(&format!(" {attr}=\""))
                .or_else(|| t.find(&format!("{attr}=\"")))
                .unwrap();
            let rest = &t[at..];
            let value = rest.split('"').nth(1).unwrap();
            value.parse().unwrap()
        })
        .collect()
}

#[test]
fn five_levels_of_groups_draw_as_a_fluid_diagram_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ok(&fixture("deep-groups"), &out);
    let html = std::fs::read_to_string(out.join("about/structure/index.html")).unwrap();
    let svg = svg_after(&html, "class=\"diagram\"");
    let head = &svg[..svg.find('>').unwrap()];
    assert!(head.contains("viewBox=\"0 0 360 "), "{head}");
    assert!(
        !head.contains(" width=") && !head.contains(" height="),
        "{head}"
    );
    assert!(head.contains("role=\"img\"") && svg.contains("<title") && svg.contains("<desc"));
    // Nine groups, each box inside the drawing's width, the deepest four steps in.
    let xs = numbers(svg, "rect", "x");
    let widths = numbers(svg, "rect", "width");
    assert_eq!(xs.len(), 9);
    assert!(xs.iter().zip(&widths).all(|(x, w)| x + w <= 360.0));
    assert_eq!(xs.iter().cloned().fold(0.0, f64::max), 2.0 + 5.0 * 22.0);
    // Boxes fit their wrapped titles: tall ones for long titles.
    let heights = numbers(svg, "rect", "height");
    assert!(heights.iter().cloned().fold(0.0, f64::max) > heights[0]);
    assert!(
        svg.contains(">Knife Crime Prevention</text>")
            || svg.contains(">Knife Crime Prevention in</text>"),
        "{svg}"
    );
    // Under the Board: weight first (Safer Deepdale has weight 1), then kind
    // (management before themed before local), then title.
    let order = [
        "Safer Deepdale",
        "Partnership Management",
        "Health and",
        "East Deepdale Local",
    ];
    let places: Vec<usize> = order
        .iter()
        .map(|t| {
            svg.find(&format!(">{t}"))
                .unwrap_or_else(|| panic!("{t} in {svg}"))
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    // The text list follows the same order.
    let list = &html[html.find("structure-tree").unwrap()..];
    let list_places: Vec<usize> = order.iter().map(|t| list.find(t).unwrap()).collect();
    assert!(list_places.windows(2).all(|w| w[0] < w[1]));

    let html = std::fs::read_to_string(out.join("strategy/index.html")).unwrap();
    let safe = svg_after(&html, "Residents feeling safe after dark");
    // 2018/19 has no value: its gap is twice a year's step.
    let cx = numbers(safe, "circle", "cx");
    assert_eq!(cx.len(), 4);
    let step = cx[1] - cx[0];
    assert!(
        ((cx[2] - cx[1]) - 2.0 * step).abs() < 1e-6 && ((cx[3] - cx[2]) - step).abs() < 1e-6,
        "{cx:?}"
    );
    assert!(safe.contains("No value for 2018."));
    // One precision: 61 shows as 61.0, the target 77 as 77.0, in the chart and its table.
    assert!(safe.contains(">61.0</text>") && safe.contains(">Target: 77.0</text>"));
    assert!(safe.contains(">Baseline: 74.2</text>"));
    assert!(html.contains("<td class=\"numeric\">61.0</td>"));
    let change = svg_after(&html, "Change in reported incidents");
    // True minus signs, in labels, the description and the table.
    assert!(
        change.contains(">\u{2212}12.00</text>") && change.contains(">Target: \u{2212}5.00</text>")
    );
    assert!(change.contains("2017: \u{2212}3.25"));
    assert!(html.contains("<td class=\"numeric\">\u{2212}4.80</td>"));
    let texts: String = change
        .split("<text")
        .skip(1)
        .map(|t| t.split('>').nth(1).unwrap())
        .collect();
    assert!(!texts.contains('-'), "a hyphen for a minus: {texts}");
}

#[test]
fn every_chart_scrolls_in_a_focusable_region_named_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ok(&fixture("deep-groups"), &out);
    let mut charts = 0;
    for page in [
        "strategy/index.html",
        "about/structure/index.html",
        "groups/board/index.html",
    ] {
        let html = read(&out, page);
        for figure in html.split("<figure class=\"chart-figure\">").skip(1) {
            charts += 1;
            let open = &figure[..figure.find('>').unwrap() + 1];
            assert!(
                open.starts_with("<div class=\"chart-scroll\" role=\"region\" aria-label=\"")
                    && open.ends_with("\" tabindex=\"0\">"),
                "{page}: {open}"
            );
            let name = open.split('"').nth(5).unwrap();
            assert!(name.ends_with(", as a chart"), "{page}: {name}");
            // The region's name is the chart's own title.
            let title = &figure[figure.find("<title").unwrap()..];
            let title = &title[title.find('>').unwrap() + 1..title.find("</title>").unwrap()];
            assert_eq!(name.trim_end_matches(", as a chart"), title, "{page}");
            let body = &figure[..figure.find("</figure>").unwrap()];
            assert!(
                body.trim_end().ends_with("</svg></div>")
                    || body.trim_end().ends_with("</svg>\n</div>"),
                "{page}"
            );
        }
    }
    assert!(charts >= 3, "only {charts} charts");
}
