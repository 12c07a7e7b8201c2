//! The generated site's `config.toml`: a national directory of partnerships.

use crate::frontmatter::quote;
use crate::shape::Site;

/// The site's address; `.example` is reserved, so nothing generated points at a real site.
pub const BASE_URL: &str = "https://partnerships.example";

/// The text of `config.toml`.
pub fn config_toml(site: &Site) -> String {
    let email = "directory@partnerships.example";
    let address: Vec<String> = [
        "Partnerships Directory",
        "1 Civic Square",
        "Westminster",
        "SW1A 2AA",
    ]
    .iter()
    .map(|line| quote(line))
    .collect();
    format!(
        "title = \"Local Partnerships Directory\"
base_url = \"{BASE_URL}\"
language = \"en-GB\"
description = \"A directory of {count} Local Strategic Partnerships and bodies like them: who is in each, what it is doing and when it meets.\"

[partnership]
name = \"Local Partnerships Directory\"
area = \"England and Wales\"
kind = \"Directory of Local Strategic Partnerships\"

[contact]
address = [{address}]
phone = \"01632 960000\"
email = \"{email}\"

[review]
period_months = 12

[accessibility]
status = \"full\"
last_tested = 2026-11-01
contact = \"{email}\"

[archive]
organisation = \"The National Archives\"
",
        count = site.partnerships.len(),
        address = address.join(", "),
    )
}
