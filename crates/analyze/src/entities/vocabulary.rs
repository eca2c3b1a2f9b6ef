//! The entity stage's word lists: name particles, organisation and place suffixes, calendar
//! words, unisex first names, subordinators and the words joining the parts of a role.

/// Name particles that may stand inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
pub(super) const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "bin", "ibn", "al", "el", "la", "le",
    "ter", "zu", "y",
];

/// Last words that make an unknown capitalised block an organisation.
pub(super) const ORG_SUFFIXES: &[&str] = &[
    "Department",
    "Ministry",
    "Council",
    "Commission",
    "Committee",
    "Agency",
    "Party",
    "Union",
    "Bank",
    "Fund",
    "Institute",
    "University",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Group",
    "Association",
    "Foundation",
    "Conference",
    "Forum",
    "Network",
    "News",
    "Times",
    "Post",
    "Journal",
    "Airlines",
    "Company",
    "Court",
    "Authority",
    "Office",
    "Service",
    "Organisation",
    "Organization",
    "Federation",
    "Alliance",
    "Movement",
    "Front",
    "Army",
    "Police",
    "Board",
    "Airlines",
    "Airways",
    "Motors",
    "Holdings",
    "Telecom",
    "Railways",
    "Petroleum",
    "Industries",
    "Bancorp",
];

/// Last words that make a capitalised block a place, even after a first name ("Rodney Parade").
pub(super) const PLACE_SUFFIXES: &[&str] = &[
    "Centre",
    "Center",
    "Stadium",
    "Park",
    "Parade",
    "Road",
    "Street",
    "Square",
    "Hall",
    "Arena",
    "Palace",
    "Hospital",
    "Airport",
    "Station",
    "Bridge",
    "Avenue",
    "Lane",
    "Gardens",
    "Field",
    "Ground",
    "Cathedral",
    "Abbey",
    "Castle",
    "Tower",
    "Island",
    "Islands",
    "River",
    "Lake",
    "Mountain",
    "Valley",
    "County",
    "Province",
];

/// Day and month names: never part of a person's name ("on Saturday Kellogg said").
pub(super) const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// First names that women and men alike bear: they give no gender ("Terry Strada … She said").
pub(super) const UNISEX_FIRST_NAMES: &[&str] = &[
    "Terry", "Lindsey", "Lindsay", "Robin", "Kim", "Dana", "Kelly", "Jordan", "Jamie", "Jean", "Lee", "Jackie", "Jan",
    "Andrea", "Ariel", "Leslie", "Jesse", "Casey", "Taylor", "Morgan", "Sandy", "Pat", "Tracy", "Carey", "Kerry",
];

/// Words that open a subordinate clause: a pronoun in such a clause at the start of a sentence
/// may look ahead to the main clause's subject.
pub(super) const SUBORDINATORS: &[&str] =
    &["when", "after", "before", "while", "as", "although", "though", "because", "since", "once", "until", "if"];

/// Words that join the parts of a role: "Secretary of State", "envoy to the Middle East".
pub(super) const ROLE_CONNECTORS: &[&str] = &["of", "for", "to", "the", "and", "on"];
