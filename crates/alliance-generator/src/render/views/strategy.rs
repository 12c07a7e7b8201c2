//! Views of documents and the strategy: priorities, indicators and their charts.

use serde::Serialize;

use crate::render::words::Words;

use super::meetings::attachment;
use super::{AttachmentView, GroupLink, Views};
use crate::date::SiteDate;
use crate::load::site::{PageId, Summary};
use crate::model::Indicator;
use crate::render::charts::{self, Series};

/// A document's page facts (`page.document`).
#[derive(Serialize)]
pub(crate) struct DocumentView<'a> {
    /// The file.
    pub(crate) file: AttachmentView<'a>,
    /// When it was published.
    pub(crate) published: Option<SiteDate>,
}

/// A publication in a section's list: its page, date, and file.
#[derive(Serialize)]
pub(crate) struct PublicationView<'a> {
    /// Its page (the HTML summary).
    pub(crate) link: Summary<'a>,
    /// When it was published.
    pub(crate) published: Option<SiteDate>,
    /// The file: format and size.
    pub(crate) file: AttachmentView<'a>,
}

/// An indicator with its chart.
#[derive(Serialize)]
pub(crate) struct IndicatorView<'a> {
    /// The indicator.
    #[serde(flatten)]
    pub(crate) indicator: &'a Indicator,
    /// Its values as an accessible SVG line chart.
    pub(crate) chart: String,
    /// Its values as shown, all with the series' one precision.
    pub(crate) readings: Vec<ReadingText<'a>>,
    /// Its baseline as shown.
    pub(crate) baseline_text: Option<String>,
    /// Its target as shown.
    pub(crate) target_text: Option<String>,
}

/// A value of an indicator as shown: `{ year, value }`, `value` formatted.
#[derive(Serialize)]
pub(crate) struct ReadingText<'a> {
    /// The year as written.
    pub(crate) year: &'a str,
    /// The value with the series' precision and a true minus sign.
    pub(crate) value: String,
}

/// A strategy priority.
#[derive(Serialize)]
pub(crate) struct PriorityView<'a> {
    /// Its id (an anchor).
    pub(crate) id: &'a str,
    /// Its title.
    pub(crate) title: &'a str,
    /// Its summary.
    pub(crate) summary: Option<&'a str>,
    /// The group leading it.
    pub(crate) lead: Option<GroupLink<'a>>,
    /// Its indicators.
    pub(crate) indicators: Vec<IndicatorView<'a>>,
}

/// The strategy's page facts (`page.strategy`).
#[derive(Serialize)]
pub(crate) struct StrategyView<'a> {
    /// The years it covers.
    pub(crate) period: Option<&'a str>,
    /// The vision.
    pub(crate) vision: Option<&'a str>,
    /// Its priorities.
    pub(crate) priorities: Vec<PriorityView<'a>>,
}
impl<'a> Views<'a> {
    /// A document's page facts.
    pub(crate) fn document(&self, d: usize) -> DocumentView<'a> {
        let document = &self.model.documents[d];
        DocumentView {
            file: attachment(&document.file, self.words),
            published: document.published,
        }
    }

    /// Every document under a section (not the home page), newest first.
    pub(crate) fn section_publications(&self, section: PageId) -> Option<Vec<PublicationView<'a>>> {
        if section == self.site.home {
            return None;
        }
        let documents = self.model.documents_under.get(&section)?;
        Some(
            documents
                .iter()
                .map(|&d| {
                    let document = &self.model.documents[d];
                    PublicationView {
                        link: self.site.summary(document.page),
                        published: document.published,
                        file: attachment(&document.file, self.words),
                    }
                })
                .collect(),
        )
    }

    /// The strategy's page facts, with a chart per indicator.
    pub(crate) fn strategy(&self, s: usize) -> StrategyView<'a> {
        let strategy = &self.model.strategies[s];
        StrategyView {
            period: strategy.period.as_deref(),
            vision: strategy.vision.as_deref(),
            priorities: strategy
                .priorities
                .iter()
                .map(|p| PriorityView {
                    id: &p.id,
                    title: &p.title,
                    summary: p.summary.as_deref(),
                    lead: p.lead.map(|g| self.group_link(g)),
                    indicators: p
                        .indicators
                        .iter()
                        .enumerate()
                        .map(|(i, indicator)| {
                            indicator_view(indicator, &format!("{}-{}", p.id, i + 1), self.words)
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// An indicator's chart and its numbers as shown, every one with the
/// series' precision.
fn indicator_view<'a>(indicator: &'a Indicator, id: &str, words: &Words) -> IndicatorView<'a> {
    let labels: Vec<String> = indicator.values.iter().map(|r| r.year.clone()).collect();
    let values: Vec<f64> = indicator.values.iter().map(|r| r.value).collect();
    let series = Series {
        labels: &labels,
        values: &values,
        baseline: indicator.baseline,
        target: indicator.target,
        reference_names: [words.get("target"), words.get("baseline")],
    };
    let decimals = series.decimals();
    let show = |v: f64| charts::format_fixed(v, decimals);
    let readings: Vec<ReadingText<'a>> = indicator
        .values
        .iter()
        .map(|r| ReadingText {
            year: &r.year,
            value: show(r.value),
        })
        .collect();
    let chart = if indicator.values.is_empty() {
        String::new()
    } else {
        let unit = indicator
            .unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default();
        let mut desc: Vec<String> = readings
            .iter()
            .map(|r| format!("{}: {}", r.year, r.value))
            .collect();
        if let Some(b) = indicator.baseline {
            desc.push(words.fill("chart_baseline", &[("value", &show(b))]));
        }
        if let Some(t) = indicator.target {
            desc.push(words.fill("chart_target", &[("value", &show(t))]));
        }
        let missing: Vec<String> = charts::missing_years(&labels)
            .into_iter()
            .map(|(from, to)| {
                if from == to {
                    from.to_string()
                } else {
                    words.fill(
                        "chart_years",
                        &[("from", &from.to_string()), ("to", &to.to_string())],
                    )
                }
            })
            .collect();
        let gaps = if missing.is_empty() {
            String::new()
        } else {
            words.fill("chart_no_value", &[("years", &missing.join(", "))])
        };
        charts::line_chart(
            &format!("indicator-{id}"),
            &series,
            &format!("{}{unit}", indicator.name),
            &words.fill(
                "chart_values",
                &[("values", &desc.join("; ")), ("gaps", &gaps)],
            ),
        )
    };
    IndicatorView {
        indicator,
        chart,
        readings,
        baseline_text: indicator.baseline.map(show),
        target_text: indicator.target.map(show),
    }
}
