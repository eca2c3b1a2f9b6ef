//! The layers that analysis stages add to a [`Doc`](crate::Doc).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Span;

/// A sentence: its span and the range of its tokens in [`Doc::tokens`](crate::Doc::tokens).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes, without surrounding whitespace.
    pub span: Span,
    /// Its tokens, as a range of indices into the token layer.
    pub tokens: Range<usize>,
    /// Index of the paragraph it lies in.
    pub paragraph: usize,
}

/// What sort of token a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "co-operation").
    Word,
    /// Digits, possibly with separators ("2,225", "3.5", "2022").
    Number,
    /// An opening quotation mark (straight marks are classified by context).
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// Any other punctuation or symbol.
    Punct,
}

/// A token: a span, its kind, its sentence and whether it stands inside quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's bytes.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
    /// Index of the sentence it lies in (in [`Doc::sentences`](crate::Doc::sentences)).
    pub sentence: usize,
    /// True from a [`QuoteRegion`]'s opening mark to its closing mark (both included), or to
    /// the region's end when it has no closing mark.
    pub in_quote: bool,
}

impl Token {
    /// A token of `kind` over `span`, before the segment stage has set its sentence and
    /// quotation flag.
    pub fn new(span: Span, kind: TokenKind) -> Token {
        Token { span, kind, sentence: 0, in_quote: false }
    }
}

/// A stretch of text in quotation marks within one paragraph: the quotation-region layer, paired
/// once per article by the segment stage and read by every stage that asks "is this quoted?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRegion {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to the paragraph's end.
    pub close: Option<usize>,
    /// First token of the quoted words.
    pub first: usize,
    /// One past the last token of the quoted words (trailing `,` `.` `:` `;` dropped).
    pub end: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
}

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, government body, party, agency, outlet...
    Organization,
    /// A country, city, region, landmark...
    Location,
    /// A nationality, religious or political group ("Russian", "Europeans").
    Group,
    /// Another named thing: an event, a work, a product, a law, a prize ("World Cup",
    /// "Affordable Care Act").
    Misc,
}

impl EntityKind {
    /// The name used in the JSON contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Group => "group",
            EntityKind::Misc => "misc",
        }
    }
}

/// A role or title an article gives an entity ("U.S. Secretary of State").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as it stands in the text (the span), normalised for display.
    pub text: String,
    /// Where the article says it.
    pub span: Span,
}

/// An entity named in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Index of this entity in [`Doc::entities`](crate::Doc::entities).
    pub id: usize,
    /// Its type.
    pub kind: EntityKind,
    /// Canonical name within the article: the fullest name form used ("Marco Rubio").
    pub name: String,
    /// Roles and titles given to it.
    pub roles: Vec<Role>,
    /// Grammatical gender when known from pronouns or first names: `Some('m')`, `Some('f')`.
    pub gender: Option<char>,
}

/// How an entity is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name, full or partial ("Marco Rubio", "Rubio").
    Name,
    /// A pronoun ("he", "she").
    Pronoun,
    /// A role or description only ("the German chancellor").
    Nominal,
}

/// One mention of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention's bytes.
    pub span: Span,
    /// Index into [`Doc::entities`](crate::Doc::entities).
    pub entity: usize,
    /// Name, pronoun or nominal.
    pub kind: MentionKind,
}

/// What sort of quote a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole statement in quotation marks.
    Direct,
    /// A fragment in quotation marks inside reported speech.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

/// A quote or piece of reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The cue ("said", "told", "according to"), when there is one.
    pub cue: Option<Span>,
    /// The words naming the speaker ("he", "the German chancellor", "Scholz").
    pub speaker_span: Option<Span>,
    /// The entity the speaker resolves to, an index into the entity layer.
    pub speaker_entity: Option<usize>,
    /// The earlier words a pronoun speaker stands for when they name no entity ("show insiders"
    /// for "They said"); the speaker is named by them.
    pub speaker_antecedent: Option<Span>,
}

/// A temporal expression and its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    /// The expression ("on Tuesday", "Feb. 24, 2022", "last week").
    pub span: Span,
    /// TimeML-style value: `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY`, `PnD`, `PRESENT_REF`...
    pub value: String,
    /// `date`, `time`, `duration` or `set`, as in TimeML.
    pub kind: &'static str,
}

/// The kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Talks, meetings, summits.
    Meeting,
    /// Phone or video calls.
    Call,
    /// Visits, trips, travel.
    Visit,
    /// Speeches, addresses, statements, interviews.
    Speech,
    /// Elections, by-elections and run-offs ("voters go to the polls").
    Election,
    /// Armed attacks: strikes, bombings, shellings, shootings.
    Attack,
    /// Agreements, deals, treaties and accords signed or reached.
    Agreement,
    /// Votes of a body (a parliament, a council) and referendums.
    Vote,
    /// A person's death ("died", "the death of").
    Death,
    /// Arrests and charges ("was arrested", "charged with").
    Arrest,
    /// Trials, verdicts and sentences ("was convicted", "pleaded guilty", "sentenced").
    Trial,
    /// Natural disasters: earthquakes, floods, wildfires.
    Disaster,
    /// A company buying another ("acquire", "takeover").
    Acquisition,
    /// Appointments, nominations, resignations and dismissals.
    Appointment,
}

impl EventKind {
    /// The name used in the JSON contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Call => "call",
            EventKind::Visit => "visit",
            EventKind::Speech => "speech",
            EventKind::Election => "election",
            EventKind::Attack => "attack",
            EventKind::Agreement => "agreement",
            EventKind::Vote => "vote",
            EventKind::Death => "death",
            EventKind::Arrest => "arrest",
            EventKind::Trial => "trial",
            EventKind::Disaster => "disaster",
            EventKind::Acquisition => "acquisition",
            EventKind::Appointment => "appointment",
        }
    }
}

/// Whether an event happened or is only planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Reported as having taken place.
    Happened,
    /// Reported as planned, scheduled or expected.
    Planned,
}

/// An event reported by the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Meeting, call, visit, speech, election, attack, agreement, vote, death, arrest, disaster,
    /// acquisition, appointment.
    pub kind: EventKind,
    /// The word that reports it ("talks", "phoned", "visit").
    pub trigger: Span,
    /// Index of the sentence that reports it.
    pub sentence: usize,
    /// Participating entities (indices into the entity layer).
    pub participants: Vec<usize>,
    /// Where it takes place (an entity index), when said.
    pub place: Option<usize>,
    /// When, as an index into the time layer, when said.
    pub time: Option<usize>,
    /// Happened or planned.
    pub status: EventStatus,
}
