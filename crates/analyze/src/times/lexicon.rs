//! Word tables of the temporal tagger. Every lookup takes an ASCII-lowercased word.

use std::sync::OnceLock;

/// The month (1-12) a word names: full names and the usual abbreviations, with or without a
/// trailing period. `strict` is false for the words that are also common English words
/// ("may", "march") or names ("jan"), which need a day, a year or a preposition to count.
pub(super) fn month(word: &str) -> Option<(u32, bool)> {
    let w = word.strip_suffix('.').unwrap_or(word);
    let dotted = w.len() != word.len();
    let (m, strict) = match w {
        "january" => (1, true),
        "february" => (2, true),
        "march" => (3, false),
        "april" => (4, true),
        "may" => (5, false),
        "june" => (6, true),
        "july" => (7, true),
        "august" => (8, true),
        "september" => (9, true),
        "october" => (10, true),
        "november" => (11, true),
        "december" => (12, true),
        "jan" => (1, false),
        "feb" => (2, false),
        "mar" => (3, false),
        "apr" => (4, false),
        "jun" => (6, false),
        "jul" => (7, false),
        "aug" => (8, false),
        "sep" | "sept" => (9, false),
        "oct" => (10, false),
        "nov" => (11, false),
        "dec" => (12, false),
        _ => return None,
    };
    // a period only follows an abbreviation
    if dotted && w.len() > 4 {
        return None;
    }
    Some((m, strict))
}

/// True for a month's full name ("may", "june"), false for an abbreviation ("feb.", "sept").
pub(super) fn full_month_name(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// The ISO weekday number (Monday = 1) a weekday name stands for.
pub(super) fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// The weekday a plural weekday name ("mondays") stands for: a set.
pub(super) fn weekday_plural(word: &str) -> Option<u32> {
    weekday(word.strip_suffix('s')?)
}

/// Capitalised words that, after a weekday, make it part of a name ("Sunday Times").
pub(super) fn weekday_name_follower(word: &str) -> bool {
    matches!(
        word,
        "times"
            | "telegraph"
            | "express"
            | "mirror"
            | "herald"
            | "post"
            | "night"
            | "morning"
            | "mail"
            | "people"
            | "sport"
            | "tribune"
            | "independent"
            | "observer"
            | "record"
            | "star"
            | "sun"
            | "business"
            | "club"
            | "school"
            | "league"
            | "live"
            | "show"
            | "service"
            | "agreement"
            | "massacre"
            | "review"
            | "magazine"
            | "programme"
            | "program"
            | "edition"
            | "supplement"
            | "politics"
            | "football"
            | "journal"
            | "paper"
            | "news"
            | "today"
            | "afternoon"
            | "evening"
    )
}

/// Capitalised words that, before a weekday, make it a named day that is not the nearest such
/// weekday ("Good Friday", "Bloody Sunday").
pub(super) fn weekday_name_leader(word: &str) -> bool {
    matches!(
        word,
        "good"
            | "bloody"
            | "black"
            | "cyber"
            | "super"
            | "ash"
            | "easter"
            | "palm"
            | "holy"
            | "maundy"
            | "shrove"
            | "whit"
            | "low"
    )
}

/// Capitalised words that name a paper with "on Sunday" ("the Mail on Sunday").
pub(super) fn paper_on_sunday(word: &str) -> bool {
    matches!(word, "mail" | "independent" | "scotland" | "wales" | "observer" | "express" | "sport")
}

/// A small cardinal written as a word, or "a"/"an" (one).
pub(super) fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Vague quantities that stand for an unknown number of units ("several years").
pub(super) fn vague_number(word: &str) -> bool {
    matches!(word, "several" | "many" | "few" | "some" | "couple")
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The unit a word names, singular or plural.
pub(super) fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "second" | "seconds" => Unit::Second,
        "minute" | "minutes" | "min" | "mins" => Unit::Minute,
        "hour" | "hours" | "hr" | "hrs" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "fortnight" | "fortnights" => Unit::Fortnight,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// Words between a count and its unit that keep it a duration ("six straight days").
pub(super) fn unit_adjective(word: &str) -> bool {
    matches!(
        word,
        "consecutive" | "straight" | "successive" | "trading" | "business" | "working" | "full" | "more" | "additional"
    )
}

/// The TimeML value of an adverb or adjective of frequency ("weekly": `P1W`).
pub(super) fn set_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "hourly" => "PT1H",
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "fortnightly" => "P2W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "annual" | "annually" | "yearly" => "P1Y",
        _ => return None,
    })
}

/// Nouns of an amount paid or counted per period ("quarterly dividend", "annual rate", "average
/// daily volume"): a frequency adjective before one qualifies the amount and is no time
/// expression, as TimeBank leaves it.
pub(super) fn rate_noun(word: &str) -> bool {
    matches!(
        word,
        "dividend"
            | "dividends"
            | "rate"
            | "rates"
            | "volume"
            | "turnover"
            | "payout"
            | "payouts"
            | "payment"
            | "payments"
            | "installment"
            | "installments"
            | "salary"
            | "wage"
            | "wages"
            | "rent"
            | "fee"
            | "fees"
            | "premium"
            | "premiums"
    )
}

/// Prepositions before "year-end" that make it a date ("by year-end", "since year-end"), not a
/// modifier ("year-end bonus").
pub(super) fn year_end_preposition(word: &str) -> bool {
    matches!(word, "by" | "since" | "at" | "until" | "till" | "before" | "after" | "around" | "through" | "from")
}

/// The unit of a time after "earlier in the" or "later in the" ("earlier in the year"); not
/// "day", which in market reports is the trading day told of, seldom the publication date.
pub(super) fn within_unit(word: &str) -> bool {
    matches!(word, "week" | "month" | "year")
}

/// A meridiem after a clock time: `Some(true)` for "pm", `Some(false)` for "am".
pub(super) fn meridiem(word: &str) -> Option<bool> {
    match word {
        "pm" | "p.m." | "p.m" => Some(true),
        "am" | "a.m." | "a.m" => Some(false),
        _ => None,
    }
}

/// A time zone after a clock time ("15:00 GMT", "5 p.m. EST").
pub(super) fn time_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt" | "bst" | "utc" | "cet" | "est" | "edt" | "et" | "pst" | "pdt" | "cst" | "cdt" | "mst" | "mdt" | "msk"
    )
}

/// The words of a time of day after its number: meridiems and time zones ("5 p.m. EST").
pub(super) fn clock_word(word: &str) -> bool {
    meridiem(word).is_some() || time_zone(word)
}

/// Modal verbs: "one day" after one is "some day" ("Islam will one day be ...").
pub(super) fn modal(word: &str) -> bool {
    matches!(word, "will" | "would" | "could" | "might" | "may" | "can" | "should" | "shall" | "must")
}

/// The TimeML code of a part of the day.
pub(super) fn day_part(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// An ordinal of a quarter or half ("third quarter"); "last" and "final" are the fourth.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// Words that soften or bound a quantity before it ("nearly three years ago").
pub(super) fn quantity_modifier(word: &str) -> bool {
    matches!(
        word,
        "nearly"
            | "almost"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "some"
            | "just"
            | "only"
            | "barely"
            | "over"
            | "under"
            | "least"
            | "most"
            | "up"
    )
}

/// Prepositions that make a bare year or month a date ("in 2014", "since May").
pub(super) fn date_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "til"
            | "from"
            | "during"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "between"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "circa"
            | "around"
    )
}

/// Words after which an "of" introduces a year or month ("the end of 2024", "summer of 2014").
pub(super) fn period_word(word: &str) -> bool {
    matches!(
        word,
        "end"
            | "start"
            | "beginning"
            | "middle"
            | "half"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "fall"
            | "quarter"
            | "month"
            | "months"
            | "year"
            | "season"
            | "rest"
            | "remainder"
            | "course"
    )
}

/// The TimeML season code of a season word.
pub(super) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// What a word says about the tense of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Past,
    Future,
    /// A reporting verb in the past ("said", "told"): past, but it governs only what it reports
    /// when the weekday is its own adverbial.
    Reporting,
    /// A present progressive ("is calling", "are meeting"): no tense, but nearer than a
    /// marker beyond it.
    Present,
}

/// Words that, before "to", point ahead ("is to", "plans to", "are supposed to").
pub(super) fn future_before_to(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "am"
            | "was"
            | "were"
            | "going"
            | "set"
            | "plans"
            | "plan"
            | "planned"
            | "aims"
            | "hopes"
            | "intends"
            | "wants"
            | "supposed"
            | "likely"
            | "about"
    )
}

/// Participles of plans ("due", "scheduled"): future, but after "was" or "had been" a plan
/// made in the past ("had been due to expire Friday").
pub(super) fn plan_participle(word: &str) -> bool {
    matches!(word, "due" | "scheduled" | "expected" | "planned" | "slated" | "set" | "supposed")
}

/// The tense marker a single word carries, ignoring context.
pub(super) fn marker(word: &str) -> Option<Marker> {
    marker_word(word).or_else(|| past_participle(word).then_some(Marker::Past))
}

/// The tense marker of a listed word ("will", "said", "met"), without the regular "-ed" forms.
pub(super) fn marker_word(word: &str) -> Option<Marker> {
    use Marker::*;
    if word.ends_with("'ll") || word.ends_with("’ll") {
        return Some(Future);
    }
    let m = match word {
        "will" | "would" | "shall" | "won't" | "won’t" | "wouldn't" | "wouldn’t" | "scheduled" | "planned"
        | "planning" | "expected" | "expects" | "expect" | "due" | "upcoming" | "later" | "slated" | "ahead"
        | "forthcoming" | "tomorrow" | "soon" | "payable" => Future,
        "said" | "told" | "announced" | "added" | "stated" | "reported" | "wrote" | "confirmed" | "claimed"
        | "insisted" | "warned" | "declared" | "tweeted" => Reporting,
        "was" | "were" | "had" | "did" | "didn't" | "didn’t" | "wasn't" | "wasn’t" | "weren't" | "weren’t"
        | "hadn't" | "hadn’t" | "been" | "ago" | "yesterday" | "earlier" | "spoke" | "met" | "went" | "came"
        | "took" | "gave" | "made" | "sent" | "won" | "lost" | "began" | "saw" | "led" | "left" | "held" | "fled"
        | "fell" | "rose" | "flew" | "struck" | "found" | "got" | "thought" | "brought" | "became" | "ran"
        | "stood" | "fought" | "kept" | "knew" | "grew" | "shot" | "broke" | "chose" | "drove" | "paid" | "sold"
        | "sought" | "spent" | "built" | "meant" | "felt" | "heard" | "withdrew" | "caught" | "oversaw"
        | "overcame" | "swore" | "shook" | "stole" | "threw" | "drew" | "hung" | "dealt" | "laid" | "slid" | "sank"
        | "woke" | "wore" | "tore" | "underwent" | "undertook" | "forgave" | "bore" | "ate" | "sat" | "sang"
        | "rang" | "swam" | "hid" | "bit" | "fed" | "sped" | "lit" | "froze" | "taught" | "bought" | "arose"
        | "forbade" | "forgot" | "mistook" | "outlined" | "unveiled" | "died" | "tied" | "lied" | "cried" | "eyed"
        | "owed" => Past,
        _ => return None,
    };
    Some(m)
}

/// A regular past form ("agreed", "criticised"), not an adjective in "-ed" nor a future-leaning
/// participle ("scheduled", "planned", "expected" are handled as future before this).
fn past_participle(word: &str) -> bool {
    if word.len() < 5 || !word.ends_with("ed") || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return false;
    }
    if word.ends_with("eed") {
        return matches!(word, "agreed" | "freed" | "guaranteed" | "decreed");
    }
    !matches!(
        word,
        "hundred"
            | "preferred"
            | "kindred"
            | "sacred"
            | "naked"
            | "wicked"
            | "rugged"
            | "ragged"
            | "crooked"
            | "beloved"
            | "learned"
            | "based"
            | "related"
            | "concerned"
            | "united"
            | "armed"
            | "advanced"
            | "detailed"
            | "limited"
            | "interested"
            | "married"
            | "talented"
            | "skilled"
            | "supposed"
            | "so-called"
            | "proposed"
            | "rumoured"
            | "rumored"
            | "anticipated"
            | "intended"
            | "slated"
    )
}

/// Words that open a new clause: the tense of the clause they open is not the tense of the
/// clause before them.
pub(super) fn clause_opener(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "whether"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "whereas"
            | "before"
            | "after"
            | "because"
            | "though"
            | "although"
            | "if"
            | "unless"
            | "until"
            | "but"
            | "what"
            | "once"
    )
}

/// Words after which a year or month names the time of the noun that follows ("a 2009 report",
/// "his 2007 campaign", "the June agreement"): articles, demonstratives, possessive determiners.
pub(super) fn attributive_leader(word: &str) -> bool {
    matches!(word, "a" | "an" | "the" | "this" | "that" | "these" | "those")
        || parallax_lexicon::closed::is(parallax_lexicon::closed::Class::PossessiveDeterminer, word)
}

/// The value of a spelled-out tens word ("ninety": 90, "ninety-seven": 97).
pub(super) fn tens_word(word: &str) -> Option<u32> {
    let (tens, unit) = match word.split_once('-') {
        Some((t, u)) => (t, Some(u)),
        None => (word, None),
    };
    let t = number_word(tens).filter(|n| (20..=90).contains(n) && n % 10 == 0)?;
    match unit {
        None => Some(t),
        Some(u) => number_word(u).filter(|n| (1..=9).contains(n) && !matches!(u, "a" | "an")).map(|n| t + n),
    }
}

/// The decade a plural spelled tens word names ("the nineties": 199).
pub(super) fn decade_word(word: &str) -> Option<i32> {
    Some(match word {
        "twenties" => 192,
        "thirties" => 193,
        "forties" => 194,
        "fifties" => 195,
        "sixties" => 196,
        "seventies" => 197,
        "eighties" => 198,
        "nineties" => 199,
        _ => return None,
    })
}

/// Approximators that TimeML leaves outside an expression ("about [two weeks]", "just [a day]",
/// "over [three years]"); "nearly", "almost", "more than", "at least" stay inside.
pub(super) fn approximator_outside(word: &str) -> bool {
    matches!(word, "about" | "just" | "over" | "around" | "roughly" | "approximately" | "only" | "barely" | "under")
}

/// Words that make the count of units after them an age ("aged 3 months").
pub(super) fn age_word(word: &str) -> bool {
    matches!(word, "aged" | "age" | "ages")
}

/// Comparatives that make a count of units a margin, not a time ("one second slower").
pub(super) fn margin_comparative(word: &str) -> bool {
    matches!(word, "slower" | "faster" | "quicker")
}

/// Verbs whose object is a stretch of time ("can take weeks", "lasted hours").
pub(super) fn duration_verb(word: &str) -> bool {
    matches!(
        word,
        "take"
            | "takes"
            | "took"
            | "taken"
            | "taking"
            | "last"
            | "lasts"
            | "lasted"
            | "lasting"
            | "spend"
            | "spends"
            | "spent"
            | "spending"
            | "wait"
            | "waits"
            | "waited"
            | "waiting"
    )
}

/// Words after a bare plural unit that make it a stretch of time ("minutes before the blast",
/// "days later").
pub(super) fn duration_follower(word: &str) -> bool {
    matches!(word, "before" | "after" | "later" | "earlier" | "afterwards" | "apart" | "long")
}

/// Superlatives and their kin after which "in a decade" is a stretch of time ("the lowest level
/// in a decade", "the first time in a year").
pub(super) fn superlative(word: &str) -> bool {
    (word.len() > 5
        && word.ends_with("est")
        && !matches!(
            word,
            "interest" | "protest" | "request" | "suggest" | "contest" | "harvest" | "arrest" | "invest"
        ))
        || matches!(word, "first" | "best" | "worst" | "most" | "least" | "biggest" | "record" | "only")
}

/// Words before a count of units that make it a frequency ("twice a week": `twice`, `thrice`).
pub(super) fn frequency_word(word: &str) -> bool {
    matches!(word, "once" | "twice" | "thrice")
}

/// Prepositions of a deadline: a bare month or weekday after them lies ahead ("until Friday",
/// "by March").
pub(super) fn deadline_preposition(word: &str) -> bool {
    matches!(word, "until" | "till" | "til" | "through" | "thru" | "by")
}

/// The value a day word stands for relative to its anchor: days away and a part of the day
/// ("tomorrow": 1, "tonight": 0 at night).
pub(super) fn day_word(word: &str) -> Option<(i64, Option<&'static str>)> {
    Some(match word {
        "today" => (0, None),
        "tonight" => (0, Some("NI")),
        "yesterday" => (-1, None),
        "tomorrow" => (1, None),
        _ => return None,
    })
}

/// The century an ordinal names ("20th", "twentieth": 20).
pub(super) fn century_ordinal(word: &str) -> Option<i32> {
    if let Some(d) = word
        .strip_suffix("th")
        .or_else(|| word.strip_suffix("st"))
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
    {
        if !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) {
            return d.parse().ok().filter(|c| (1..=30).contains(c));
        }
    }
    Some(match word {
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Words after a noun phrase that end it and link it to what follows ("the future and the
/// past", "into the future if …"): conjunctions and subordinators, not "of".
pub(super) fn clause_link(word: &str) -> bool {
    use parallax_lexicon::closed::{is, Class};
    matches!(word, "and" | "or" | "but" | "nor" | "if" | "unless" | "when" | "as" | "because" | "than")
        || is(Class::Subordinator, word)
}

/// Words naming a part of a period that TimeML draws inside the expression ("the end of the
/// year", "the middle of October").
pub(super) fn part_of_period(word: &str) -> bool {
    matches!(word, "end" | "beginning" | "start" | "middle" | "close")
}

/// When a holiday falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HolidayDate {
    /// Month and day.
    Fixed(u32, u32),
    /// Month, weekday (1 = Monday) and which one of the month (-1: the last).
    Nth(u32, u32, i32),
}

/// The holiday a word names with the one or two after it ("Christmas", "Christmas Eve", "New
/// Year's Day", "Thanksgiving", "Labor Day", "Memorial Day": the US ones by their US dates), and
/// how many words after the first it takes.
pub(super) fn holiday(word: &str, next: &str, after: &str) -> Option<(HolidayDate, usize)> {
    use HolidayDate::{Fixed, Nth};
    Some(match (word, next) {
        ("christmas", "eve") => (Fixed(12, 24), 1),
        ("christmas", "day") => (Fixed(12, 25), 1),
        ("christmas", _) => (Fixed(12, 25), 0),
        ("halloween", _) => (Fixed(10, 31), 0),
        ("new", "year's" | "year’s") => match after {
            "eve" => (Fixed(12, 31), 2),
            "day" => (Fixed(1, 1), 2),
            _ => return None,
        },
        ("thanksgiving", "day") => (Nth(11, 4, 4), 1),
        ("thanksgiving", _) => (Nth(11, 4, 4), 0),
        ("labor", "day") => (Nth(9, 1, 1), 1),
        ("memorial", "day") => (Nth(5, 1, -1), 1),
        _ => return None,
    })
}

/// Nouns after "today's" that make it the present age, not the day ("today's world", "today's
/// youth").
pub(super) fn present_age_noun(word: &str) -> bool {
    matches!(
        word,
        "world"
            | "society"
            | "youth"
            | "young"
            | "generation"
            | "children"
            | "kids"
            | "teenagers"
            | "culture"
            | "era"
            | "age"
    )
}

/// Prepositions before a clock time told by the part of the day ("at 4 in the morning"): without
/// one, "fell 4 in the afternoon" is a figure.
pub(super) fn clock_preposition(word: &str) -> bool {
    matches!(word, "at" | "by" | "until" | "till" | "before" | "after" | "around" | "about" | "from" | "since")
}

/// [`duration_follower`] for a bare plural: "minutes before the blast", but "only minutes apart"
/// tells how close two events were, not a stretch of time.
pub(super) fn bare_duration_follower(word: &str) -> bool {
    duration_follower(word) && word != "apart"
}

/// Prefixes that put a year before or after a stretch ("post-1959", "pre-1990s").
pub(super) fn before_after_prefix(word: &str) -> bool {
    matches!(word, "pre" | "post")
}

/// Nouns naming a date fixed ahead, after a date used as their modifier ("a Jan. 14 deadline", "a
/// March 1 start date").
pub(super) fn deadline_noun(word: &str) -> bool {
    matches!(word, "deadline" | "deadlines" | "cutoff" | "date")
}

/// Prepositions before "recent" and a plural unit that make the recent past ("in recent weeks",
/// "over recent months", "the boom of recent years").
pub(super) fn recent_preposition(word: &str) -> bool {
    matches!(word, "in" | "over" | "of")
}

/// True when a rule of the tagger may open an expression on this word (lower case, without a
/// possessive), whatever the words around it: a word of [`OPENING_WORDS`] (with or without a
/// trailing period), a spelled year's tens ("-ties"), a fiscal-year or quarter code ("fy24",
/// "q3") or a hyphenated word. The tagger skips every other word, so a rule opening on a new
/// word needs it in [`OPENING_WORDS`] (its test case fails without; debug builds also check).
pub(super) fn opens_expression(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    let shaped = opening_words().may_hold(w.as_bytes());
    shaped && opening_words().words.contains(w)
        || w.ends_with("ties")
        || w.starts_with("fy")
        || (w.len() == 2 && w.starts_with('q'))
        || w.bytes().any(|b| b == b'-')
}

/// [`OPENING_WORDS`] as a set, with a table of their shapes (length, first and last letter) that
/// passes over most other words without hashing them.
struct OpeningWords {
    words: foldhash::HashSet<&'static str>,
    /// Bit `last` of entry `len * 26 + first` is set when a word of that length opens with letter
    /// `first` and ends with letter `last` (letters counted from 'a').
    shapes: Vec<u32>,
}

/// The longest word [`OpeningWords::shapes`] tells of; longer ones are always looked up.
const SHAPED_LEN: usize = 15;

impl OpeningWords {
    /// The entry and bit of a word's shape, when it has one (letters at both ends, length at
    /// most [`SHAPED_LEN`]).
    fn shape(w: &[u8]) -> Option<(usize, u32)> {
        let (&first, &last) = (w.first()?, w.last()?);
        if w.len() > SHAPED_LEN || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
            return None;
        }
        Some((w.len() * 26 + usize::from(first - b'a'), 1 << (last - b'a')))
    }

    /// False only when no word of the set has the shape of `w`.
    fn may_hold(&self, w: &[u8]) -> bool {
        match Self::shape(w) {
            Some((entry, bit)) => self.shapes.get(entry).is_some_and(|s| s & bit != 0),
            None => true,
        }
    }
}

/// [`OPENING_WORDS`], built once.
fn opening_words() -> &'static OpeningWords {
    static SET: OnceLock<OpeningWords> = OnceLock::new();
    SET.get_or_init(|| {
        let mut shapes = vec![0u32; (SHAPED_LEN + 1) * 26];
        for w in OPENING_WORDS {
            if let Some((entry, bit)) = OpeningWords::shape(w.as_bytes()) {
                if let Some(s) = shapes.get_mut(entry) {
                    *s |= bit;
                }
            }
        }
        OpeningWords { words: OPENING_WORDS.iter().copied().collect(), shapes }
    })
}

/// Every word a rule of the tagger opens an expression on: the words of the tables above that
/// can start one (months, weekdays and their plurals, set and season words, holidays' first
/// words, counts, quantity modifiers, units) and the words the rules name ("the", "last",
/// "today", "fiscal", "noon", ...).
const OPENING_WORDS: &[&str] = &[
    // months
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // weekdays, one and many
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    // sets and seasons
    "hourly",
    "daily",
    "nightly",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "annual",
    "annually",
    "yearly",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // holidays
    "christmas",
    "halloween",
    "new",
    "thanksgiving",
    "labor",
    "memorial",
    // quantity modifiers and counts
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "just",
    "only",
    "barely",
    "over",
    "under",
    "least",
    "most",
    "up",
    "several",
    "many",
    "few",
    "couple",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "more",
    "less",
    "fewer",
    "at",
    // units
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    // the words the rules name
    "the",
    "this",
    "that",
    "these",
    "last",
    "next",
    "past",
    "coming",
    "earlier",
    "later",
    "early",
    "late",
    "every",
    "each",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "recently",
    "lately",
    "currently",
    "nowadays",
    "presently",
    "now",
    "soon",
    "recent",
    "current",
    "mid",
    "fiscal",
    "financial",
    "while",
    "once",
    "noon",
    "midnight",
];

/// Words after which the word before may open a frequency, a quarter or a century ("twice a
/// week", "three times", "the third quarter", "the 20th century").
pub(super) fn opening_follower(word: &str) -> bool {
    matches!(word, "quarter" | "times" | "a" | "an" | "per" | "each" | "every" | "century")
}
