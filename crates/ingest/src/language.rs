//! The language of an article's cleaned text, as an ISO 639-1 code ([`whatlang`]).
//!
//! Only a reliable detection counts: short or mixed texts give `None` and are treated as
//! English downstream, so a short English snippet is still analysed. Detection reads the first
//! few KB of the text, which is plenty for a trigram model and keeps the cost per article flat.

/// How much of the text is read (bytes, cut back to a character boundary).
const SAMPLE: usize = 4096;

/// Texts with fewer letters than this are not classified (too short to be sure).
const MIN_LETTERS: usize = 40;

/// The lower-case words of a text that whatlang reads as another language must have this many
/// letters to make it English (a table's frame can be one line: "Results of ... on Saturday").
const MIN_COMMON_LETTERS: usize = 20;

/// The ISO 639-1 code of `text`'s language when whatlang is sure of it; `None` otherwise.
///
/// ```
/// let de = "Der Bürgermeister hat am Montag angekündigt, dass die Brücke über den Fluss im Sommer \
///           wieder für den Verkehr geöffnet wird, nachdem die Bauarbeiten abgeschlossen sind.";
/// assert_eq!(parallax_ingest::language::detect(de), Some("de"));
/// assert_eq!(parallax_ingest::language::detect("Talks began."), None);
/// ```
pub fn detect(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample) {
        return Some("en");
    }
    let info = whatlang::detect(sample)?;
    if info.lang() != whatlang::Lang::Eng
        && info.script() == whatlang::Script::Latin
        && common_words_read_as_english(sample)
    {
        // A table of foreign names framed in English ("Results of Dutch first division soccer
        // matches played on Saturday: Feyenoord Rotterdam 2 ...") is English: marking it
        // otherwise would lose every layer of the article.
        return Some("en");
    }
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang())
}

/// At least this many words make a sample long enough for [`plainly_english`].
const MIN_MARKER_WORDS: usize = 40;

/// At least one word in this many must be an English marker word. English news runs at about
/// one in five (96% of NeuS and BBC articles above one in ten); other languages in the Latin
/// script at under one in fifty, and a German article quoting long English passages at one in
/// eight (trafilatura's evaluation pages), which the other markers then tell apart.
const MARKER_SHARE: usize = 10;

/// At most one word in this many may be a function word of another language: English news
/// runs at under one in a hundred (NeuS, BBC, ECB+: 99% under one in forty), other languages at
/// over one in ten.
const OTHER_SHARE: usize = 33;

/// True when `sample` is plainly English: long enough, at least one word in [`MARKER_SHARE`] a
/// frequent English function word that other languages do not use
/// (`data/language/english_markers.txt`), and at most one in [`OTHER_SHARE`] a function word of
/// another language (`data/language/other_markers.txt`). Most news is, and this costs a
/// fraction of the trigram model, which reads whatever this does not settle.
fn plainly_english(sample: &str) -> bool {
    static ENGLISH: std::sync::LazyLock<Vec<[u8; KEY]>> =
        std::sync::LazyLock::new(|| keys(include_str!("../data/language/english_markers.txt")));
    static OTHER: std::sync::LazyLock<Vec<[u8; KEY]>> =
        std::sync::LazyLock::new(|| keys(include_str!("../data/language/other_markers.txt")));
    let (mut words, mut english, mut other) = (0, 0, 0);
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if let Some(k) = key(word) {
            if ENGLISH.binary_search(&k).is_ok() {
                english += 1;
            } else if OTHER.binary_search(&k).is_ok() {
                other += 1;
            }
        }
    }
    words >= MIN_MARKER_WORDS && english * MARKER_SHARE >= words && other * OTHER_SHARE <= words
}

/// The longest marker word, in bytes.
const KEY: usize = 6;

/// A word of at most [`KEY`] bytes with its ASCII letters lower-cased, padded with zero bytes:
/// the form marker words are looked up in.
fn key(word: &str) -> Option<[u8; KEY]> {
    if word.len() > KEY {
        return None;
    }
    let mut out = [0u8; KEY];
    for (o, b) in out.iter_mut().zip(word.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// The sorted keys of a word-list data file.
fn keys(list: &'static str) -> Vec<[u8; KEY]> {
    let mut out: Vec<[u8; KEY]> = parallax_lexicon::entries(list).into_iter().filter_map(key).collect();
    out.sort_unstable();
    out
}

/// True when the words that are not names (those written in lower case) read as English: names
/// belong to no language, and in a table or a list of results they outnumber the words that
/// tell the language.
fn common_words_read_as_english(sample: &str) -> bool {
    let common: Vec<&str> = sample
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .collect();
    let letters: usize = common.iter().map(|w| w.chars().count()).sum();
    if letters < MIN_COMMON_LETTERS {
        return false;
    }
    // a few words are too few for the trigram model ("first division soccer matches on"): they
    // read as English too when every one is a word English news writes in lower case
    let gazetteer = parallax_lexicon::gazetteer::Gazetteer::get();
    whatlang::detect(&common.join(" ")).is_some_and(|i| i.lang() == whatlang::Lang::Eng)
        || common.iter().all(|w| gazetteer.is_common_word(&w.to_lowercase()))
}

/// The ISO 639-1 code of a whatlang language (whatlang names ISO 639-3 codes).
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Afr => "af",
        Aka => "ak",
        Amh => "am",
        Ara => "ar",
        Aze => "az",
        Bel => "be",
        Ben => "bn",
        Bul => "bg",
        Cat => "ca",
        Ces => "cs",
        Cmn => "zh",
        Dan => "da",
        Deu => "de",
        Ell => "el",
        Eng => "en",
        Epo => "eo",
        Est => "et",
        Fin => "fi",
        Fra => "fr",
        Guj => "gu",
        Heb => "he",
        Hin => "hi",
        Hrv => "hr",
        Hun => "hu",
        Hye => "hy",
        Ind => "id",
        Ita => "it",
        Jav => "jv",
        Jpn => "ja",
        Kan => "kn",
        Kat => "ka",
        Khm => "km",
        Kor => "ko",
        Lat => "la",
        Lav => "lv",
        Lit => "lt",
        Mal => "ml",
        Mar => "mr",
        Mkd => "mk",
        Mya => "my",
        Nep => "ne",
        Nld => "nl",
        Nob => "nb",
        Ori => "or",
        Pan => "pa",
        Pes => "fa",
        Pol => "pl",
        Por => "pt",
        Ron => "ro",
        Rus => "ru",
        Sin => "si",
        Slk => "sk",
        Slv => "sl",
        Sna => "sn",
        Spa => "es",
        Srp => "sr",
        Swe => "sv",
        Tam => "ta",
        Tel => "te",
        Tgl => "tl",
        Tha => "th",
        Tuk => "tk",
        Tur => "tr",
        Ukr => "uk",
        Urd => "ur",
        Uzb => "uz",
        Vie => "vi",
        Yid => "yi",
        Zul => "zu",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of about fifty words in languages written in the Latin script, written for these
    /// tests: none is plainly English, and the trigram model still names each.
    const FOREIGN: &[(&str, &str)] = &[
        ("de", "Der Stadtrat hat am Dienstag beschlossen, dass die alte Brücke über den Fluss im kommenden Jahr erneuert wird. Was die Arbeiten kosten werden, ist noch nicht klar, aber der Bürgermeister sagte, man habe an alles gedacht und die Anwohner würden rechtzeitig informiert. Die Opposition kritisierte den Plan als zu teuer und schlecht vorbereitet."),
        ("nl", "De gemeenteraad heeft dinsdag besloten dat de oude brug over de rivier volgend jaar wordt vernieuwd. Wat de werkzaamheden gaan kosten is nog niet duidelijk, maar de burgemeester zei dat er aan alles is gedacht en dat de bewoners op tijd worden geïnformeerd. De oppositie noemde het plan te duur of slecht voorbereid."),
        ("fr", "Le conseil municipal a décidé mardi que le vieux pont sur la rivière serait rénové l'année prochaine. On ne sait pas encore combien coûteront les travaux, mais le maire a dit que tout avait été prévu et que les habitants seraient informés à temps. L'opposition a jugé le projet trop cher et mal préparé."),
        ("es", "El ayuntamiento decidió el martes que el viejo puente sobre el río será renovado el próximo año. Todavía no está claro cuánto costarán las obras, pero el alcalde dijo que todo estaba previsto y que los vecinos serían informados a tiempo. La oposición calificó el plan de demasiado caro y mal preparado."),
        ("it", "Il consiglio comunale ha deciso martedì che il vecchio ponte sul fiume sarà rinnovato il prossimo anno. Non è ancora chiaro quanto costeranno i lavori, ma il sindaco ha detto che tutto era stato previsto e che i residenti sarebbero stati informati in tempo. L'opposizione ha definito il piano troppo costoso e mal preparato."),
        ("pt", "A câmara municipal decidiu na terça-feira que a velha ponte sobre o rio será renovada no próximo ano. Ainda não está claro quanto vão custar as obras, mas o presidente da câmara disse que tudo estava previsto e que os moradores seriam informados a tempo. A oposição considerou o plano caro demais e mal preparado."),
        ("sv", "Kommunfullmäktige beslutade på tisdagen att den gamla bron över floden ska renoveras nästa år. Det är ännu inte klart vad arbetet kommer att kosta, men borgmästaren sade att allt var förberett och att invånarna skulle informeras i tid. Oppositionen kallade planen för dyr och dåligt förberedd för alla som bor vid ån."),
        ("da", "Byrådet besluttede tirsdag, at den gamle bro over floden skal renoveres næste år. Det er endnu ikke klart, hvad arbejdet vil koste, men borgmesteren sagde, at alt var planlagt, og at beboerne ville blive informeret i god tid. Oppositionen kaldte planen for dyr og dårligt forberedt, og den vil stemme imod den for at have sin ret."),
        ("pl", "Rada miejska postanowiła we wtorek, że stary most na rzece zostanie odnowiony w przyszłym roku. Nie wiadomo jeszcze, ile będą kosztować prace, ale burmistrz powiedział, że wszystko zostało zaplanowane i że mieszkańcy zostaną poinformowani na czas. To opozycja uznała plan za zbyt drogi i źle przygotowany, to jest jasne."),
        ("id", "Dewan kota memutuskan pada hari Selasa bahwa jembatan tua di atas sungai akan diperbaiki tahun depan. Belum jelas berapa biaya pekerjaan itu, tetapi wali kota mengatakan bahwa semuanya sudah direncanakan dan warga akan diberi tahu tepat waktu. Pihak oposisi menyebut rencana itu terlalu mahal dan kurang dipersiapkan dengan baik."),
    ];

    #[test]
    fn only_english_is_plainly_english() {
        let english = "The city council decided on Tuesday that the old bridge over the river will be rebuilt next year. \
                       It is not yet clear what the work will cost, but the mayor said that everything had been planned \
                       and that residents would be told in good time. The opposition called the plan too expensive and \
                       badly prepared, and said it would vote against it.";
        assert!(plainly_english(english));
        assert_eq!(detect(english), Some("en"));
        for (code, text) in FOREIGN {
            assert!(!plainly_english(text), "{code} read as plainly English");
            assert_eq!(detect(text), Some(*code), "{text}");
        }
        // too short to settle by counting
        assert!(!plainly_english("The mayor said that the bridge would be rebuilt."));
        // German quoting English at length: the German function words keep it from the shortcut
        let mixed = "Der Bürgermeister zitierte am Montag die Rede des Ministers: “We have said that this bridge \
                     will be rebuilt, and it will be, whatever the cost has been so far and whatever they say about \
                     it.” Die Opposition ist mit dem Plan nicht einverstanden und sie wird im Rat dagegen stimmen, \
                     weil die Kosten für die Stadt zu hoch sind und auch die Anwohner nicht gefragt wurden.";
        assert!(!plainly_english(mixed));
    }

    #[test]
    fn marker_lists_fit_their_keys_and_do_not_overlap() {
        for list in
            [include_str!("../data/language/english_markers.txt"), include_str!("../data/language/other_markers.txt")]
        {
            for word in parallax_lexicon::entries(list) {
                assert!(key(word).is_some(), "{word} is longer than {KEY} bytes");
            }
        }
        let english = keys(include_str!("../data/language/english_markers.txt"));
        for k in keys(include_str!("../data/language/other_markers.txt")) {
            assert!(english.binary_search(&k).is_err(), "{:?} is in both lists", String::from_utf8_lossy(&k));
        }
    }

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        for &lang in whatlang::Lang::all() {
            let code = iso639_1(lang);
            assert!(code.is_some_and(|c| c.len() == 2), "{lang:?}");
        }
    }

    #[test]
    fn news_paragraphs_in_four_languages() {
        let en = "The mayor said on Monday that the bridge over the river would reopen to traffic in the summer, \
                  once the repairs to its steel frame are finished and inspectors have approved the work.";
        let fr = "Le maire a annoncé lundi que le pont sur la rivière rouvrirait à la circulation cet été, \
                  une fois les réparations de sa structure métallique terminées et validées par les inspecteurs.";
        let es = "El alcalde anunció el lunes que el puente sobre el río volverá a abrirse al tráfico en verano, \
                  cuando terminen las reparaciones de su estructura de acero y los inspectores aprueben las obras.";
        let ru = "Мэр заявил в понедельник, что мост через реку снова откроют для движения летом, \
                  когда закончится ремонт его стальной конструкции.";
        assert_eq!(detect(en), Some("en"));
        assert_eq!(detect(fr), Some("fr"));
        assert_eq!(detect(es), Some("es"));
        assert_eq!(detect(ru), Some("ru"));
    }

    #[test]
    fn a_short_english_frame_of_common_words_is_english() {
        let table = "SOCCER - FRENCH LEAGUE RESULTS .\nPARIS 1996-08-28\nFrench first division soccer\nmatches on \
                     Wednesday :\nParis SG 1 Nantes 0\nLens 3 Montpellier 2\nBastia 0 Lille 0\nCannes 0 Monaco 2\n\
                     Rennes 1 Bordeaux 1\nLyon 2 Nancy 0\nNice 1 Guingamp 2\nMetz 3 Strasbourg 1\nLe Havre 1 Caen 1";
        assert_eq!(detect(table), Some("en"));
        let french = "Résultats de la première division française de football mercredi :\nParis SG 1 Nantes 0\n\
                      Lens 3 Montpellier 2\nBastia 0 Lille 0\nCannes 0 Monaco 2\nRennes 1 Bordeaux 1";
        assert_ne!(detect(french), Some("en"));
    }

    #[test]
    fn a_table_of_foreign_names_framed_in_english_is_english() {
        let table = "SOCCER - DUTCH FIRST DIVISION RESULTS.\nAMSTERDAM 1996-08-24\nResults of Dutch first division \
                     soccer matches played on Saturday:\nFeyenoord Rotterdam 2 Vitesse Arnhem 0\nAjax Amsterdam 3 \
                     Willem II Tilburg 1\nRoda JC Kerkrade 1 Sparta Rotterdam 1\nHeerenveen 0 Graafschap Doetinchem 2\n\
                     Fortuna Sittard 1 NAC Breda 1\nTwente Enschede 2 Groningen 0";
        assert_eq!(detect(table), Some("en"));
        // German prose keeps its language: its lower-case words are German
        let de = "Der Bürgermeister hat am Montag angekündigt, dass die Brücke über den Fluss im Sommer wieder \
                  für den Verkehr geöffnet wird, nachdem die Bauarbeiten abgeschlossen sind.";
        assert_eq!(detect(de), Some("de"));
    }

    #[test]
    fn short_text_is_not_classified() {
        assert_eq!(detect("Talks began in Riyadh."), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("1234 5678 — 2025-02-18"), None);
    }

    #[test]
    fn the_sample_is_cut_on_a_character_boundary() {
        let long = format!("a{}", "é".repeat(3000));
        assert!(!long.is_char_boundary(SAMPLE));
        let _ = detect(&long);
    }
}
