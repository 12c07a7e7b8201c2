//! The words of generated sites, drawn from real partnership pages and a real
//! Sustainable Community Strategy (`shared/seeds/`). Data only: over 600
//! lines because it is word lists, not logic.
//!
//! Text with `{slot}`s is filled by [`crate::prose`]: `{area}`, `{county}`,
//! `{the_short}` ("the Alliance"), `{town}`, `{org}`, `{group}`, `{executive}`
//! (the executive group's name), `{theme}`,
//! `{year}`, `{n}`, `{thousands}` and `{pct}`.

/// First parts of place names.
pub const PLACE_STEMS: &[&str] = &[
    "Ash", "Brook", "Thorn", "Kings", "Elm", "Oak", "Wil", "Mar", "Hollin", "Stan", "Whit", "Brad",
    "Chal", "Fern", "Hart", "Lang", "Mill", "Red", "Rush", "Sand", "Sel", "Stone", "Sut", "Wal",
    "Wood", "Brent", "Crans", "Dun", "Ever", "Gold", "Hather", "Kel", "Lox", "Mel", "Pen", "Ray",
    "Shel", "Tam", "Wy", "Bram",
];

/// Last parts of place names.
pub const PLACE_ENDS: &[&str] = &[
    "bury", "field", "ford", "ley", "ton", "wick", "ham", "worth", "stead", "borough", "dale",
    "mere", "well", "combe", "by", "thorpe", "minster", "hurst", "gate", "bridge",
];

/// Words that tell two areas of the same name apart.
pub const PLACE_QUALIFIERS: &[&str] = &["North", "South", "East", "West", "Mid", "Upper", "Lower"];

/// Counties, all fictional.
pub const COUNTIES: &[&str] = &[
    "Barsetshire",
    "Loamshire",
    "Wessex",
    "Glebeshire",
    "Mallowshire",
    "Downshire",
    "Fenshire",
    "Marlshire",
    "Vaneshire",
    "Heathshire",
    "Brackenshire",
    "Lindshire",
];

/// Partnership names (`{area}` filled) with the kind of body each is.
pub const PARTNERSHIP_KINDS: &[(&str, &str, &str)] = &[
    ("{area} Alliance", "Alliance", "Local Strategic Partnership"),
    (
        "{area} Strategic Partnership",
        "Partnership",
        "Local Strategic Partnership",
    ),
    (
        "{area} Together",
        "Partnership",
        "Local Strategic Partnership",
    ),
    (
        "{area} Community Partnership",
        "Partnership",
        "Local Strategic Partnership",
    ),
    (
        "{area} Community Safety Partnership",
        "Partnership",
        "Community Safety Partnership",
    ),
    (
        "{area} Health and Wellbeing Partnership",
        "Partnership",
        "Health and Wellbeing Partnership",
    ),
    (
        "{area} Public Services Board",
        "Board",
        "Public Services Board",
    ),
    (
        "{area} Community Planning Partnership",
        "Partnership",
        "Community Planning Partnership",
    ),
];

/// Names of the executive group, then of the management group.
pub const TOP_GROUPS: [&[&str]; 2] = [
    &["Executive Group", "Partnership Board", "Strategic Board"],
    &["Management Group", "Delivery Group", "Officers Group"],
];

/// Themed partnerships, each reporting to the executive.
pub const THEMED_GROUPS: &[&str] = &[
    "Community Safety Partnership",
    "Health and Wellbeing Partnership",
    "Community Inclusion Partnership",
    "Economic Development Partnership",
    "Strategic Housing Forum",
    "Cultural Consortium",
    "Children and Young People's Partnership",
    "Environment and Climate Partnership",
    "Sports and Physical Activity Alliance",
    "Interfaith Forum",
    "Older People's Partnership",
    "Skills and Employment Partnership",
];

/// Task-and-finish groups.
pub const TASK_GROUPS: &[&str] = &[
    "Childhood Obesity Task and Finish Group",
    "Town Centre Renewal Task and Finish Group",
    "Homelessness Prevention Task and Finish Group",
    "Digital Inclusion Task and Finish Group",
    "Night-time Economy Task and Finish Group",
    "Affordable Warmth Task and Finish Group",
    "Volunteering Task and Finish Group",
    "Social Isolation Task and Finish Group",
    "Domestic Abuse Task and Finish Group",
    "Transport and Access Task and Finish Group",
];

/// Local partnerships, one per town.
pub const LOCAL_GROUPS: &[&str] = &[
    "{town} Neighbourhood Partnership",
    "{town} Local Partnership",
    "{town} Community Forum",
];

/// Organisation names by sector. `{town}` names multiply with the area's towns.
pub const ORGANISATIONS: &[(&str, &[&str])] = &[
    (
        "public",
        &[
            "{area} Borough Council",
            "{county} County Council",
            "{town} Town Council",
            "{town} Parish Council",
            "Jobcentre Plus {area}",
            "{area} Probation Service",
        ],
    ),
    (
        "police",
        &[
            "{county} Constabulary",
            "Office of the {county} Police and Crime Commissioner",
            "{town} Safer Neighbourhood Team",
        ],
    ),
    (
        "fire",
        &["{county} Fire and Rescue Service", "{town} Fire Station"],
    ),
    (
        "health",
        &[
            "{area} Primary Care Network",
            "{county} Community Health NHS Trust",
            "Public Health {county}",
            "{county} Integrated Care Board",
            "{town} Health Centre",
            "Healthwatch {area}",
        ],
    ),
    (
        "education",
        &[
            "University of {county}",
            "{area} College",
            "{town} Academy",
            "{town} High School",
            "{county} Adult Learning",
        ],
    ),
    (
        "housing",
        &[
            "{area} Community Housing Trust",
            "{town} Housing Association",
            "{county} Homes",
            "{area} Homeless Action",
        ],
    ),
    (
        "business",
        &[
            "{area} Chamber of Commerce",
            "{town} Business Improvement District",
            "Federation of Small Businesses, {county} branch",
            "{area} Enterprise Agency",
            "{town} Traders' Association",
        ],
    ),
    (
        "voluntary",
        &[
            "Community and Voluntary Services {area}",
            "Citizens Advice {area}",
            "{area} Volunteer Centre",
            "Age UK {area}",
            "{area} Carers' Network",
            "{town} Youth Trust",
            "Mind in {area}",
            "Home-Start {town}",
            "{town} Food Bank",
            "Families, Carers and Friends of {area}",
        ],
    ),
    (
        "faith",
        &[
            "{area} Interfaith Group",
            "Churches Together in {town}",
            "{town} Mosque and Community Centre",
            "Diocese of {county}, {area} Deanery",
        ],
    ),
    (
        "other",
        &[
            "{area} Museum Trust",
            "{town} Allotment Society",
            "{town} Café Society",
            "{area} Arts Partnership",
        ],
    ),
];

/// Forenames of representatives.
pub const FORENAMES: &[&str] = &[
    "John",
    "Sarah",
    "Amina",
    "David",
    "Priya",
    "Michael",
    "Helen",
    "Tom",
    "Grace",
    "Rajesh",
    "Claire",
    "Peter",
    "Fatima",
    "James",
    "Emma",
    "Owen",
    "Siân",
    "Mark",
    "Ruth",
    "Daniel",
    "Joanne",
    "Imran",
    "Catherine",
    "Alan",
    "Bethan",
    "Chris",
    "Nadia",
    "Gareth",
    "Louise",
    "Kwame",
];

/// Surnames of representatives.
pub const SURNAMES: &[&str] = &[
    "Dean", "Patel", "Smith", "Jones", "Williams", "Brown", "Taylor", "Khan", "Evans", "Thomas",
    "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Clarke", "Jackson", "Ahmed",
    "Begum", "Lewis", "Morgan", "Okafor", "Campbell", "Murphy", "Shaw", "Turner", "O'Neill",
    "Bennett",
];

/// Titles that go before a representative's name, by sector.
pub const HONORIFICS: &[(&str, &[&str])] = &[
    ("public", &["Councillor ", "Councillor ", ""]),
    (
        "police",
        &["Chief Inspector ", "Superintendent ", "Inspector "],
    ),
    ("fire", &["Group Commander ", "Station Commander "]),
    ("health", &["Dr ", ""]),
    ("education", &["", "", "Dr ", "Professor "]),
    ("faith", &["Reverend ", ""]),
];

/// Roles of a group's members other than its chair.
pub const ROLES: &[&str] = &[
    "Member",
    "Member",
    "Member",
    "Statutory member",
    "Invited participant",
    "Co-opted member",
    "Advisory (non-voting)",
    "Support officer",
    "Vice-chair",
];

/// Themes of partnership work, as noun phrases.
pub const THEMES: &[&str] = &[
    "community safety",
    "public health",
    "social inclusion",
    "affordable housing",
    "the local economy",
    "skills and employment",
    "childhood obesity",
    "anti-social behaviour",
    "domestic abuse",
    "loneliness and social isolation",
    "green spaces",
    "town centre renewal",
    "digital inclusion",
    "volunteering",
    "road safety",
    "fuel poverty",
    "mental health and wellbeing",
    "youth services",
    "community cohesion",
    "transport and access",
];

/// Whole sentences, in the seeds' voice.
pub const SENTENCES: &[&str] = &[
    "Many of the issues we face today, such as {theme} and {theme}, can only be tackled effectively if public, private and voluntary sector organisations work together.",
    "{the_short} co-ordinates key local partners to improve local services and involve many more local people in decisions affecting their everyday lives.",
    "Making a difference is our primary aim.",
    "Like much of {county}, {area} is relatively prosperous, with safe and strong communities, but not everyone has an equal share in that happy situation.",
    "There are ways we can work together to reduce the degree of inequality, focusing on the most vulnerable people.",
    "Partners recognise that joint projects and co-operation will give better results, reduce duplication and be more efficient.",
    "By working together, {the_short} is confident that it can deliver improvements for all, while costing less than partners would spend if they acted separately.",
    "While the focus remains on local priorities, {the_short} works with {county}-wide partnerships to make the most of resources, expertise and opportunities.",
    "{the_short} is not trying to do everything on a very long wish-list; instead it has agreed a key list of things that matter to local people.",
    "Rather than devising new arrangements, {the_short} works through a wide family of partnerships, each of which leads on its own specialities.",
    "In {year} there were {thousands} jobs in the borough, and about {pct}% of working residents travel to work outside it.",
    "The population of {area}, based on the latest mid-year estimate from the Office for National Statistics, is about {thousands}.",
    "{org} is represented on the {group} and plays a full part in its work.",
    "The {group} meets several times a year and publishes its agendas, papers and minutes on this site.",
    "Membership reflects local circumstances, with a suitable balance of representatives from each sector, including those traditionally under-represented.",
    "Local people are encouraged to get involved through public meetings, consultations and the voluntary sector groups they already belong to.",
    "Men and women living in the most deprived parts of {area} can expect to live several years less than people in the least deprived parts.",
    "The health profile suggests that priorities should include promoting healthy weight and physical activity, reducing the uptake of smoking and meeting the needs of an increasing older population.",
    "About one in six pupils in year 6 are classed as obese, which is in line with the national average.",
    "Of the {thousands} households in the borough, about {pct}% rent their homes from the council or a housing association.",
    "Homes rented from private landlords number about {thousands}, and many of these are houses in multiple occupation, let as single rooms.",
    "The average price of a home in {area} is beyond the reach of many local residents.",
    "We want the local economy to remain competitive, sustainable and resilient, with high levels of inward investment and a greater proportion of high value and skilled jobs.",
    "Crime in {area} remains low by national standards, but burglary in homes, anti-social behaviour and domestic abuse still cause real harm.",
    "{the_short} will make better use of existing resources by avoiding wasteful duplication and filling gaps in services.",
    "Partners will develop non-bureaucratic ways of working and tackle cross-cutting issues more effectively.",
    "People may be living in troubled circumstances almost anywhere in {area}, so help must be easy to reach wherever they live.",
    "{town} has a strong tradition of volunteering, and many small groups give their time to support neighbours in need.",
    "{the_short} prepares and implements the Sustainable Community Strategy, which sets out the vision and priorities agreed by all partners.",
    "Progress is reported each year to the {executive} and published in the annual report.",
    "Work towards the vision is guided by the strategy and by the plans of each partner working in {area}.",
    "The {group} brings together representatives from {org} and {org} to agree what most needs doing.",
    "Several partners have a legal duty to do things that affect local people's well-being, and several more have the people, the enthusiasm and the resources to get involved too.",
    "Social and economic changes affect us all, so it is more important than ever to work in ways that are good value and will stand up to difficult times.",
    "The university and the college are very much part of the local community, and many students stay living locally when their course ends.",
    "Most residents of {area} are within easy reach of green spaces and well established leisure facilities.",
    "Lack of joint working at local level has been one of the key reasons for slow progress in delivering regeneration and better public services.",
    "A combination of organisations and the community, working co-operatively, has a far greater chance of success.",
    "Refocusing our priorities over the next three to five years will help us work towards the outcomes set out in the strategy.",
    "Since {year}, partners have secured more than {n} thousand pounds of external funding for work on {theme}.",
    "A survey of {n} residents in {town} found that {pct}% were satisfied with their area as a place to live.",
    "The borough includes several towns and many villages, and the needs of rural areas are not always the same as those of the towns.",
];

/// Openers of composed sentences.
pub const OPENERS: &[&str] = &[
    "By working together, ",
    "Over the next three years, ",
    "In {area}, ",
    "Through the Local Area Agreement, ",
    "With the support of {org}, ",
    "Since {year}, ",
    "Across {county}, ",
    "In partnership with the voluntary sector, ",
    "In {town}, ",
];

/// Subjects of composed sentences, and whether each is plural.
pub const SUBJECTS: &[(&str, bool)] = &[
    ("{the_short}", false),
    ("partners", true),
    ("the {group}", false),
    ("{org}", false),
    ("the {executive}", false),
    ("local organisations", true),
    ("the voluntary and community sector", false),
    ("public services in {area}", true),
];

/// Verbs of composed sentences: singular and plural forms.
pub const VERBS: &[(&str, &str)] = &[
    ("is committed to", "are committed to"),
    ("has agreed to focus on", "have agreed to focus on"),
    ("will continue to work on", "will continue to work on"),
    ("remains focused on", "remain focused on"),
    ("has made good progress on", "have made good progress on"),
    ("will lead on", "will lead on"),
    ("shares responsibility for", "share responsibility for"),
];

/// Objects of composed sentences.
pub const OBJECTS: &[&str] = &[
    "improving the quality of life for everyone",
    "reducing health inequalities",
    "keeping people safe and feeling safe",
    "tackling anti-social behaviour",
    "promoting healthy weight and physical activity",
    "reducing the uptake of smoking",
    "meeting the needs of an increasing older population",
    "protecting vulnerable people",
    "building a cohesive community",
    "increasing the supply of affordable homes",
    "supporting small and medium size enterprises",
    "attracting inward investment",
    "raising skills and aspirations",
    "reducing burglary in homes",
    "supporting carers",
    "reducing social isolation",
    "improving access to services",
    "protecting green spaces",
    "reducing domestic abuse",
    "helping young people into education, employment or training",
];

/// Endings of composed sentences (after the object).
pub const PURPOSES: &[&str] = &[
    " so that services reach the people who most need help",
    " to reduce duplication and fill gaps in services",
    " in line with the Sustainable Community Strategy",
    " alongside the plans of each partner organisation",
    " with the involvement of local people",
    " while making the most of existing resources",
    " across {area} and beyond",
    " in every neighbourhood, not just the most deprived",
];

/// Items for a group's `priorities` and for bullet lists.
pub const PRIORITIES: &[&str] = &[
    "Keep down crime, especially burglary in homes",
    "Reduce anti-social behaviour and the fear of crime",
    "Promote healthy weight and physical activity",
    "Reduce the uptake of smoking",
    "Meet the needs of an increasing older population",
    "Support vulnerable people and their carers",
    "Increase the supply of affordable homes",
    "Help young people into education, employment or training",
    "Improve access to services in rural areas",
    "Reduce domestic abuse and support those affected",
    "Attract inward investment and skilled jobs",
    "Protect and improve green spaces",
    "Reduce social isolation among older people",
    "Tackle childhood obesity",
];

/// Items for a group's `achievements`.
pub const ACHIEVEMENTS: &[&str] = &[
    "Opened a new community hub in {town}",
    "Secured external funding of {n} thousand pounds for work on {theme}",
    "Trained {n} volunteers as community champions",
    "Reduced burglary in homes by {pct}% over two years",
    "Launched the {town} food bank with local churches",
    "Published a joint needs assessment with partners",
    "Consulted {n} residents on local priorities",
    "Helped {n} young people into apprenticeships",
    "Held a partnership conference attended by {n} people",
    "Agreed a shared approach to {theme} with {org}",
];

/// Items for a group's `approach` ("we will do this by"), from the Alliance's principles.
pub const APPROACH: &[&str] = &[
    "Improve and enhance co-ordination of services local communities receive",
    "Make better use of existing resources by avoiding wasteful duplication and filling gaps in services",
    "Develop non-bureaucratic ways of working",
    "Tackle cross-cutting issues more effectively",
    "Integrate action focused on priorities agreed with partners",
    "Find new ways to involve many more people in the way their services are provided",
    "Share data and intelligence between partners",
    "Agree joint action plans with clear leads and dates",
    "Listen to residents through regular surveys and forums",
];

/// `##` headings for prose sections of any page.
pub const HEADINGS: &[&str] = &[
    "Background",
    "Our role",
    "How we work",
    "Working together",
    "What we have achieved",
    "What we will do next",
    "Who is involved",
    "Making a difference",
    "Key facts",
    "Our approach",
    "Progress so far",
    "Challenges and opportunities",
    "Getting involved",
    "Funding and resources",
    "Listening to local people",
    "Equality and inclusion",
    "Looking ahead",
    "Risks and issues",
    "Links with other plans",
    "Value for money",
];

/// `###` headings under prose sections.
pub const SUBHEADINGS: &[&str] = &[
    "Keeping people safe",
    "Staying fit and well",
    "A thriving community",
    "A cohesive community",
    "Young people",
    "Older people",
    "Town centres",
    "Rural areas",
    "Housing and homelessness",
    "Jobs and skills",
    "Health inequalities",
    "Anti-social behaviour",
    "Parks and open spaces",
    "Volunteers",
    "Digital services",
    "Buses, trains and cycling",
    "Communities getting on well together",
    "Carers",
    "Domestic abuse: getting help",
    "Healthy weight and physical activity",
];

/// Sentences that carry an internal link: `{link}` is the Markdown link.
pub const LINK_SENTENCES: &[&str] = &[
    "For more about this, see {link}.",
    "This work links closely with {link}.",
    "Details are set out in {link}.",
    "Partners also report progress through {link}.",
    "Related information is in {link}.",
    "The background is explained in {link}.",
];

/// Numbered agenda items of a meeting.
pub const AGENDA_ITEMS: &[&str] = &[
    "Performance report: {theme}",
    "Update from the {group}",
    "Sustainable Community Strategy: annual review",
    "Funding bids and external investment",
    "Terms of reference: annual review",
    "Presentation by {org}",
    "Consultation on {theme}",
    "Risk register",
];

/// Titles of meeting papers other than the agenda and minutes.
pub const PAPER_TITLES: &[&str] = &[
    "Performance report",
    "Annual review of terms of reference",
    "Funding update",
    "Strategic assessment",
    "Action plan progress",
    "Budget monitoring report",
];

/// Meeting places.
pub const LOCATIONS: &[&str] = &[
    "Council Chamber, {area} Civic Offices",
    "Committee Room 2, {area} Civic Offices",
    "{town} Community Centre",
    "{town} Library, meeting room",
    "Online (Microsoft Teams)",
    "Hybrid: {town} Community Centre and online",
];

/// Titles of news items.
pub const NEWS_TITLES: &[&str] = &[
    "The {group} agrees new priorities for {year}",
    "Partners launch a campaign on {theme} in {town}",
    "{org} joins the partnership",
    "New chair for the {group}",
    "Annual report for {year} published",
    "Consultation opens on {theme}",
    "{town} community day brings partners together",
    "Funding secured for work on {theme}",
    "Residents' survey {year}: the results",
    "Volunteers recognised at the {area} awards",
];

/// Titles of published documents, and whether each is a Word file.
pub const DOCUMENT_TITLES: &[(&str, bool)] = &[
    ("Annual report {year}", false),
    ("{group}: terms of reference", true),
    ("Action plan for {theme}, {year}", true),
    ("Community safety strategic assessment {year}", false),
    ("Joint strategic needs assessment summary {year}", false),
    ("Consultation response on {theme}", true),
    ("Partnership agreement {year}", false),
    ("Equality impact assessment {year}", true),
];

/// Titles of plain pages (no kind).
pub const PLAIN_TITLES: &[&str] = &[
    "About the partnership",
    "Our principles",
    "Places and people",
    "Foreword by the Chair",
    "Get involved",
    "Funding",
    "Equality and diversity",
    "Consultations",
    "Contact us",
    "Annual review {year}",
    "Neighbourhood profile: {town}",
];

/// Who answers for pages.
pub const OWNERS: &[&str] = &[
    "Partnership support team",
    "Policy and performance team",
    "Community safety team",
    "Communications team",
    "Health and wellbeing team",
];

/// The four aims of a strategy: (short id, title, summary, the themed group that usually leads).
pub const AIMS: &[(&str, &str, &str, &str)] = &[
    (
        "safe",
        "Keeping people safe and feeling safe",
        "To keep people safe and feeling safe, whether at home, at work or out and about.",
        "Community Safety Partnership",
    ),
    (
        "healthy",
        "Staying fit and well",
        "To help people stay fit and well, through promoting a healthy community and providing a clean environment.",
        "Health and Wellbeing Partnership",
    ),
    (
        "thriving",
        "A thriving community",
        "To build a thriving community that gives fair opportunities for everyone and protects vulnerable people.",
        "Community Inclusion Partnership",
    ),
    (
        "cohesive",
        "A cohesive community",
        "To build a cohesive community that is well placed to accommodate and benefit from growth and investment.",
        "Economic Development Partnership",
    ),
];

/// Outcome indicators: (name, unit, lowest baseline, highest baseline, whether higher is better).
pub const INDICATORS: &[(&str, &str, f64, f64, bool)] = &[
    (
        "Recorded burglaries in homes",
        "per 1,000 households",
        4.0,
        12.0,
        false,
    ),
    (
        "Residents who feel safe outside after dark",
        "%",
        55.0,
        80.0,
        true,
    ),
    ("Adults who are physically active", "%", 55.0, 70.0, true),
    ("Year 6 pupils classed as obese", "%", 14.0, 22.0, false),
    ("Adults who smoke", "%", 10.0, 20.0, false),
    (
        "Life expectancy gap between most and least deprived areas",
        "years",
        5.0,
        9.0,
        false,
    ),
    (
        "Working-age residents claiming out-of-work benefits",
        "%",
        3.0,
        9.0,
        false,
    ),
    (
        "Affordable homes completed",
        "homes a year",
        80.0,
        300.0,
        true,
    ),
    (
        "Young people not in education, employment or training",
        "%",
        3.0,
        8.0,
        false,
    ),
    (
        "Residents who agree people from different backgrounds get on well together",
        "%",
        70.0,
        90.0,
        true,
    ),
    (
        "Adults who volunteer at least once a month",
        "%",
        15.0,
        30.0,
        true,
    ),
];

/// Strategy periods.
pub const PERIODS: &[(i64, i64)] = &[(2015, 2020), (2018, 2023), (2020, 2025), (2022, 2027)];

/// Visions of strategies.
pub const VISIONS: &[&str] = &[
    "{the_short} is committed to working together for a safe, healthy and thriving community.",
    "A safe, healthy and thriving {area}, where everyone has a fair chance of a good quality of life.",
    "Working together to improve the quality of life for everyone living, working or visiting in {area}.",
];

/// Sentences about partnerships in general, for the directory's home page.
pub const DIRECTORY_SENTENCES: &[&str] = &[
    "Local Strategic Partnerships are single non-statutory bodies that bring together local public, private, community and voluntary organisations.",
    "They work with the local community to identify and tackle key issues such as crime, unemployment, education, health and housing.",
    "Each partnership prepares and publishes a Sustainable Community Strategy as a result of consultation with the community and partners.",
    "Partnerships co-ordinate services and plans around agreed objectives and develop new ways of working to deliver services.",
    "Membership should reflect local circumstances, with a suitable balance of representatives from each sector, including those traditionally under-represented.",
    "The main objective of a partnership is to set out the vision of an area and to drive the delivery of local services beyond the remit of any one partner.",
    "Partnership working brings more opportunities for joint provision of services, the ability to attract external funding and more influence over the policies of partner agencies.",
    "Some partnerships date back to local initiatives in the early 1990s; others have been set up more recently.",
];
