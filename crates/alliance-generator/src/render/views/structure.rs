//! Views of the partnership's structure and of member directories.

use serde::Serialize;

use super::{Balance, GroupLink, OrganisationView, Views};
use crate::load::site::{PageId, Summary};
use crate::model::{Entity, Sector};
use crate::render::charts::{self, Node};

/// A branch of the structure's text equivalent.
#[derive(Serialize)]
pub(crate) struct TreeNode<'a> {
    /// The group.
    pub(crate) group: GroupLink<'a>,
    /// How many organisations sit on it (vacant seats are not counted).
    pub(crate) members: usize,
    /// How many of its seats stand vacant.
    pub(crate) vacant: usize,
    /// Groups reporting to it.
    pub(crate) children: Vec<TreeNode<'a>>,
}

/// A group in the structure's outline: `<li>` opens a nested `<ul>` when
/// `has_children`; after a leaf, `close` levels of `</ul></li>` end.
#[derive(Serialize)]
pub(crate) struct OutlineRow<'a> {
    /// The group.
    pub(crate) group: GroupLink<'a>,
    /// How many organisations sit on it (vacant seats are not counted).
    pub(crate) members: usize,
    /// How many of its seats stand vacant.
    pub(crate) vacant: usize,
    /// 0 for the top of the structure.
    pub(crate) depth: usize,
    /// Whether groups report to it.
    pub(crate) has_children: bool,
    /// How many nested lists end after this row.
    pub(crate) close: usize,
}

/// Flattens trees into outline rows.
fn outline<'a>(nodes: &[TreeNode<'a>], depth: usize, rows: &mut Vec<OutlineRow<'a>>) {
    for node in nodes {
        rows.push(OutlineRow {
            group: node.group,
            members: node.members,
            vacant: node.vacant,
            depth,
            has_children: !node.children.is_empty(),
            close: 0,
        });
        outline(&node.children, depth + 1, rows);
    }
    // The last leaf under this list closes it (and, through it, its parent's item).
    if depth > 0
        && !nodes.is_empty()
        && let Some(last) = rows.last_mut()
    {
        last.close += 1;
    }
}

/// How many organisations fill a group's seats.
fn filled(group: &crate::model::Group) -> usize {
    group.organisations().len()
}

/// A group's sector balance on the structure page.
#[derive(Serialize)]
pub(crate) struct GroupBalance<'a> {
    /// The group.
    pub(crate) group: GroupLink<'a>,
    /// Its balance.
    pub(crate) balance: Balance<'a>,
}

/// The whole partnership's structure (`page.structure`, `get_structure()`).
#[derive(Serialize)]
pub(crate) struct StructureView<'a> {
    /// How many groups.
    pub(crate) count: usize,
    /// The diagram, an accessible inline SVG.
    pub(crate) diagram: String,
    /// The same as a nested list: the diagram's text equivalent.
    pub(crate) tree: Vec<TreeNode<'a>>,
    /// The same tree in reading order, for templates without recursion.
    pub(crate) outline: Vec<OutlineRow<'a>>,
    /// Each group's sector balance.
    pub(crate) balance: Vec<GroupBalance<'a>>,
    /// On a structure above several partnerships of a directory, those
    /// partnerships, listed instead of drawing all their groups (the
    /// diagram, outline and balance are then empty).
    pub(crate) partnerships: Vec<PartnershipEntry<'a>>,
}

/// A partnership on a structure page above several (`structure.partnerships`).
#[derive(Serialize)]
pub(crate) struct PartnershipEntry<'a> {
    /// The partnership's section.
    pub(crate) partnership: Summary<'a>,
    /// How many groups it has.
    pub(crate) groups: usize,
    /// Its own structure page, if it has one.
    pub(crate) structure: Option<Summary<'a>>,
}

/// A section's member organisations by sector (`page.directory`).
#[derive(Serialize)]
pub(crate) struct DirectoryView<'a> {
    /// How many organisations.
    pub(crate) count: usize,
    /// Sectors with members, in directory order.
    pub(crate) sectors: Vec<DirectorySector<'a>>,
}

/// One sector of the directory.
#[derive(Serialize)]
pub(crate) struct DirectorySector<'a> {
    /// The sector.
    pub(crate) sector: Sector,
    /// Its label.
    pub(crate) label: &'a str,
    /// How many organisations.
    pub(crate) count: usize,
    /// The organisations, by name.
    pub(crate) organisations: Vec<OrganisationView<'a>>,
}
impl<'a> Views<'a> {
    /// The structure a structure page shows: the groups under the nearest
    /// section above it (or itself) that holds any group.
    pub(crate) fn structure_for(&self, page: PageId) -> StructureView<'a> {
        let under = &self.model.groups_under;
        let scope = std::iter::once(page)
            .chain(self.site.ancestors(page).into_iter().rev())
            .find(|p| under.contains_key(p))
            .unwrap_or(self.site.home);
        self.structure(scope)
    }

    /// The structure of the groups whose pages are under the section `scope`
    /// (the home page for the whole site): diagram, nested list and balance.
    pub(crate) fn structure(&self, scope: PageId) -> StructureView<'a> {
        let model = &self.model;
        let groups: &[usize] = model.groups_under.get(&scope).map_or(&[], Vec::as_slice);
        let partnerships = self.partnerships_under(scope);
        if partnerships.len() > 1 {
            return StructureView {
                count: groups.len(),
                diagram: String::new(),
                tree: Vec::new(),
                outline: Vec::new(),
                balance: Vec::new(),
                partnerships,
            };
        }
        let in_scope: std::collections::HashSet<usize> = groups.iter().copied().collect();
        let mut top: Vec<usize> = groups
            .iter()
            .copied()
            .filter(|&g| {
                model.groups[g]
                    .reports_to
                    .is_none_or(|p| !in_scope.contains(&p))
            })
            .collect();
        top.sort_by(|&a, &b| crate::model::group_order(self.site, &model.groups, a, b));
        let count = groups.len();
        fn node(views: &Views<'_>, g: usize) -> Node {
            let group = &views.model.groups[g];
            Node {
                name: views.site.pages[group.page].front.title.clone(),
                note: views.words.get(group.kind.word_key()).to_owned(),
                children: views.model.subgroups[g]
                    .iter()
                    .map(|&c| node(views, c))
                    .collect(),
            }
        }
        fn tree<'a>(views: &Views<'a>, g: usize) -> TreeNode<'a> {
            TreeNode {
                group: views.group_link(g),
                members: filled(&views.model.groups[g]),
                vacant: views.model.groups[g]
                    .members
                    .iter()
                    .filter(|m| m.vacant)
                    .count(),
                children: views.model.subgroups[g]
                    .iter()
                    .map(|&c| tree(views, c))
                    .collect(),
            }
        }
        let roots: Vec<Node> = top.iter().map(|&g| node(self, g)).collect();
        let name = if scope == self.site.home {
            &self.site.config.partnership.name
        } else {
            &self.site.pages[scope].front.title
        };
        let diagram = if count == 0 {
            String::new()
        } else {
            charts::structure_diagram(
                "structure-diagram",
                &roots,
                &self.words.fill("chart_structure_title", &[("name", name)]),
                &self.words.fill(
                    "chart_structure_description",
                    &[("count", &count.to_string())],
                ),
            )
        };
        let mut ordered = Vec::new();
        fn walk(model: &crate::model::Model, g: usize, out: &mut Vec<usize>) {
            out.push(g);
            for &c in &model.subgroups[g] {
                walk(model, c, out);
            }
        }
        for &g in &top {
            walk(model, g, &mut ordered);
        }
        let tree: Vec<TreeNode<'a>> = top.iter().map(|&g| tree(self, g)).collect();
        let mut rows = Vec::new();
        outline(&tree, 0, &mut rows);
        StructureView {
            count,
            diagram,
            tree,
            outline: rows,
            balance: ordered
                .into_iter()
                .map(|g| GroupBalance {
                    group: self.group_link(g),
                    balance: self.balance(
                        g,
                        &format!("balance-{}", self.site.pages[model.groups[g].page].id),
                    ),
                })
                .collect(),
            partnerships: Vec::new(),
        }
    }

    /// The partnerships of the site at or under the section `scope`, each
    /// with its count of groups and its first structure page.
    fn partnerships_under(&self, scope: PageId) -> Vec<PartnershipEntry<'a>> {
        let site = self.site;
        let within = |section: PageId, page: PageId| {
            page == section || site.ancestors(page).contains(&section)
        };
        let structures: Vec<PageId> = (0..self.model.entities.len())
            .filter(|&p| matches!(self.model.entities[p], Entity::Structure))
            .collect();
        self.model
            .partnerships
            .iter()
            .filter(|&&p| within(scope, p))
            .map(|&p| PartnershipEntry {
                partnership: site.summary(p),
                groups: self.model.groups_under.get(&p).map_or(0, Vec::len),
                structure: structures
                    .iter()
                    .find(|&&s| within(p, s))
                    .map(|&s| site.summary(s)),
            })
            .collect()
    }

    /// The organisations among `pages`, by sector then name.
    pub(crate) fn directory(&self, pages: &[PageId]) -> Option<DirectoryView<'a>> {
        let mut orgs: Vec<usize> = pages
            .iter()
            .filter_map(|&p| match self.model.entities.get(p) {
                Some(Entity::Organisation(o)) => Some(*o),
                _ => None,
            })
            .collect();
        if orgs.is_empty() {
            return None;
        }
        orgs.sort_by(|&a, &b| {
            let title = |o: usize| {
                &self.site.pages[self.model.organisations[o].page]
                    .front
                    .title
            };
            title(a).to_lowercase().cmp(&title(b).to_lowercase())
        });
        let sectors = Sector::all()
            .filter_map(|sector| {
                let organisations: Vec<OrganisationView<'a>> = orgs
                    .iter()
                    .filter(|&&o| self.model.organisations[o].sector == sector)
                    .map(|&o| self.organisation(o))
                    .collect();
                (!organisations.is_empty()).then(|| DirectorySector {
                    sector,
                    label: self.words.get(sector.word_key()),
                    count: organisations.len(),
                    organisations,
                })
            })
            .collect();
        Some(DirectoryView {
            count: orgs.len(),
            sectors,
        })
    }
}
