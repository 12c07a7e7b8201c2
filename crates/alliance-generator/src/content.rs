//! The content as the later stages see it: the values of the load, model and
//! Markdown stages, put together once they are all made.

use jiff::civil::Date;

use crate::load::site::{PageId, Site};
use crate::markdown::Rendered;
use crate::model::Model;

/// Every page's rendered Markdown body, by [`PageId`].
pub(crate) type Bodies = Vec<Rendered>;

/// A loaded site with its partnership model and rendered bodies: what the
/// check and render stages read. Nothing in it is a placeholder.
#[derive(Debug, Clone)]
pub struct Content {
    /// The pages, their tree and the site's settings (the load stage).
    pub site: Site,
    /// The partnership: organisations, groups, meetings, documents, strategy (the model stage).
    pub(crate) model: Model,
    /// Each page's rendered body (the Markdown stage).
    pub bodies: Bodies,
    /// The day the site is built for: meetings before it are past.
    pub(crate) today: Date,
    /// The site in each further language of `[languages]` (none in the
    /// content of a translation): the same pages, ids and model, with the
    /// translations' words and addresses.
    pub(crate) translations: Vec<Content>,
}

impl Content {
    /// A page's rendered body.
    pub fn body(&self, id: PageId) -> &Rendered {
        &self.bodies[id]
    }
}
