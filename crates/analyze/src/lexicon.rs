//! Small word lists shared by several stages.

/// Reporting verbs that follow a speaker ("Scholz said", "the German chancellor told").
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "insisted",
    "insists",
    "warned",
    "warns",
    "stated",
    "states",
    "wrote",
    "writes",
    "noted",
    "notes",
    "argued",
    "argues",
    "explained",
    "replied",
    "continued",
    "declared",
    "announced",
    "announces",
    "claimed",
    "claims",
    "stressed",
    "urged",
    "urges",
    "posted",
    "tweeted",
    "acknowledged",
    "admitted",
    "conceded",
    "asked",
    "asks",
    "confirmed",
    "confirms",
    "denied",
    "suggested",
    "suggests",
    "questioned",
    "underlined",
    "emphasised",
    "emphasized",
    "repeated",
    "recalled",
    "observed",
    "remarked",
    "responded",
    "predicted",
    "promised",
    "vowed",
    "accused",
    "criticised",
    "criticized",
    "called",
    "saying",
    "adding",
    "telling",
    "warning",
    "stating",
    "arguing",
    "insisting",
];

/// True when `word` (any case) is a reporting verb.
pub fn is_reporting_verb(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    REPORTING_VERBS.contains(&lower.as_str())
}

/// Third-person singular subject pronouns and their gender.
pub fn pronoun_gender(word: &str) -> Option<char> {
    match word {
        "he" | "He" | "HE" => Some('m'),
        "she" | "She" | "SHE" => Some('f'),
        _ => None,
    }
}

/// Words that mark a clause as announcing something still to come ("will meet", "scheduled
/// for", "upcoming talks"). Used to tell planned events from past ones and to date undated
/// articles by the tense of their weekday mentions.
pub const FUTURE_MARKERS: &[&str] = &[
    "will",
    "would",
    "'ll",
    "’ll",
    "shall",
    "scheduled",
    "due",
    "plans",
    "planned",
    "planning",
    "upcoming",
    "expected",
    "set",
    "going",
    "intends",
    "hopes",
    "aims",
];

/// True when `word` (lower case) marks the future.
pub fn is_future_marker(word: &str) -> bool {
    FUTURE_MARKERS.contains(&word)
}
