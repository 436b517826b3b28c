//! Every constant and word list of the ranking, in one serde structure.
//!
//! The ranking runs in stages (see [`crate`]): retrieve → features → page context → wording →
//! document kind → diversity. Each stage reads its settings from one section of
//! [`RankConfig`]:
//!
//! | section | stage |
//! |---|---|
//! | [`concepts`](RankConfig::concepts) | how profile entries become weighted concepts |
//! | [`retrieve`](RankConfig::retrieve) | the tantivy query that finds candidates |
//! | [`weights`](RankConfig::weights) | features, page context, wording and document kind |
//! | [`stage`](RankConfig::stage) | the words that place a text in a stage of life |
//! | [`kind`](RankConfig::kind) | the title words that make a document a report or an offer |
//! | [`diversity`](RankConfig::diversity) | near-duplicates and how much one page may show |
//!
//! The defaults are compiled in ([`RankConfig::default`]) and are what every command uses.
//! `policymatch eval --config FILE` reads a TOML file of the same shape, in which any field
//! may be left out (it keeps its default) and an unknown field is an error; a `[sweep]` table
//! in the same file names settings to try ([`Sweep`]).
//!
//! The settings were tuned on the dev judgments by principle, not per profile; the tuning
//! log is `docs/ranking.md`.

use serde::{Deserialize, Serialize};

/// All settings of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RankConfig {
    /// How profile entries become concepts.
    pub concepts: ConceptConfig,
    /// The retrieval query.
    pub retrieve: RetrieveConfig,
    /// The weights of the features, the page context, the wording and the document kind.
    pub weights: Weights,
    /// The stage-of-life words.
    pub stage: StageConfig,
    /// The title words of the document kinds.
    pub kind: KindConfig,
    /// Near-duplicates and the per-page limit.
    pub diversity: DiversityConfig,
}

/// How profile entries become weighted concepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConceptConfig {
    /// Weight of a theme: what the association is about counts most.
    pub theme: f32,
    /// Weight of an activity: what it does, a little less specific to a policy than a theme.
    pub activity: f32,
    /// Weight of a target group: common words ("ældre", "børn") that qualify a topic more
    /// than they make one.
    pub target_group: f32,
    /// Weight of a description word: free text, much of it incidental.
    pub description: f32,
    /// Rarity (idf) below this still counts this much: a small index makes every word look
    /// common.
    pub idf_min: f32,
    /// Rarity beyond this says nothing more: a word found in a handful of passages is not
    /// more relevant for being found in one.
    pub idf_cap: f32,
    /// Most a concept's emphasis (how much the profile dwells on it, the square root of the
    /// number of profile words holding it) can multiply its weight.
    pub emphasis_max: f32,
    /// Shortest stem whose compounds are looked for ("børn" would find "børnehave").
    pub min_prefix: usize,
    /// Most index words a one-word concept expands to, the most frequent first.
    pub prefix_terms: usize,
    /// Endings after a concept's stem that make another form of the same word
    /// ("besøgsv|en", "ensom|hed"), not a new word.
    pub same_word: Vec<String>,
    /// Description words that say nothing about what an association does: common verbs and
    /// general words that are not stop words. Compared by their stems, so one form covers
    /// its inflections.
    pub general_words: Vec<String>,
}

impl ConceptConfig {
    /// The weight of a concept from `field` (0 for exclude entries, which only push down).
    pub fn field_weight(&self, field: crate::ProfileField) -> f32 {
        use crate::ProfileField as F;
        match field {
            F::Theme => self.theme,
            F::Activity => self.activity,
            F::TargetGroup => self.target_group,
            F::Description => self.description,
            F::Exclude => 0.0,
        }
    }
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_string()).collect()
}

impl Default for ConceptConfig {
    fn default() -> Self {
        ConceptConfig {
            theme: 1.0,
            activity: 0.8,
            target_group: 0.6,
            description: 0.12,
            idf_min: 1.0,
            idf_cap: 5.0,
            emphasis_max: 2.0,
            min_prefix: 5,
            prefix_terms: 16,
            same_word: strings(&["e", "en", "er", "et", "ne", "s", "es", "hed"]),
            general_words: strings(&[
                // common verbs
                "komme",
                "kommer",
                "kom",
                "holde",
                "holdes",
                "holder",
                "kan",
                "kunne",
                "skal",
                "skulle",
                "vil",
                "ville",
                "må",
                "måtte",
                "ved",
                "vide",
                "holde",
                "holder",
                "drive",
                "driver",
                "gøre",
                "gør",
                "få",
                "får",
                "give",
                "giver",
                "tage",
                "tager",
                "gå",
                "går",
                "stå",
                "står",
                "ligge",
                "ligger",
                "sidde",
                "sidder",
                "sætte",
                "sætter",
                "finde",
                "finder",
                "se",
                "ser",
                "vise",
                "viser",
                "bruge",
                "bruges",
                "ønske",
                "ønsker",
                "ønskes",
                "skabe",
                "skaber",
                "lave",
                "laver",
                "mødes",
                "arbejde",
                "arbejder",
                "hjælpe",
                "hjælper",
                "tilbyde",
                "tilbyder",
                "tilbydes",
                "arrangere",
                "arrangerer",
                "sikre",
                "sikrer",
                "styrke",
                "styrker",
                "deltage",
                "deltager",
                "bo",
                "bor",
                "leve",
                "lever",
                "opleve",
                "oplever",
                "føle",
                "føler",
                "blive",
                "bliver",
                "være",
                "er",
                "have",
                "har",
                "bidrage",
                "bidrager",
                "samle",
                "samler",
                "mangle",
                "mangler",
                "følge",
                "følger",
                "støtte",
                "støtter",
                "starte",
                "starter",
                // general words
                "mest",
                "flest",
                "flere",
                "mange",
                "meget",
                "mere",
                "sammen",
                "andre",
                "anden",
                "andet",
                "borger",
                "borgere",
                "borgerne",
                "menneske",
                "mennesker",
                "person",
                "personer",
                "folk",
                "alle",
                "ingen",
                "nogen",
                "noget",
                "videre",
                "hver",
                "hvert",
                "hele",
                "del",
                "dele",
                "fast",
                "faste",
                "gerne",
                "godt",
                "god",
                "gode",
                "bedre",
                "bedst",
                "ny",
                "nye",
                "stor",
                "store",
                "lille",
                "små",
                "tid",
                "år",
                "dag",
                "dage",
                "uge",
                "ugen",
                "måned",
                "gang",
                "gange",
                "sted",
                "steder",
                "ting",
                "måde",
                "hinanden",
                "blandt",
                "både",
                "også",
                "omkring",
                "igennem",
                "via",
                "lokal",
                "lokale",
                "lokalt",
                "forening",
                "foreningen",
                "vores",
                "jeres",
                "mulighed",
                "muligheder",
                "brug",
                "behov",
            ]),
        }
    }
}

/// The retrieval query's boosts (see `query::build_query`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetrieveConfig {
    /// Most extra word distance between the words of a phrase: "samarbejde med de frivillige
    /// foreninger" still holds "samarbejde med foreninger".
    pub slop: u32,
    /// Share of a phrase's weight that its words count when they stand apart: they are
    /// evidence, weaker than the phrase.
    pub scattered: f32,
    /// Share of a concept's weight that any of its compounds counts, once per passage: the
    /// number of compounds says nothing.
    pub compounds: f32,
    /// Share of a concept's weight that the heading counts.
    pub heading: f32,
    /// Share of a concept's weight that the document's title counts: it speaks for the whole
    /// document, less for one passage.
    pub title: f32,
}

impl Default for RetrieveConfig {
    fn default() -> Self {
        RetrieveConfig {
            slop: 2,
            scattered: 0.3,
            compounds: 0.5,
            heading: 0.5,
            title: 0.3,
        }
    }
}

/// The weights of the features, the page context, the wording and the document kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Strength of a match inside a compound that starts with the concept's word: the
    /// compound is about the word, a little less directly.
    pub compound: f32,
    /// Strength of a phrase whose words all occur, but not together.
    pub scattered: f32,
    /// Strength of a phrase of three or more words of which at least half of those that
    /// carry meaning occur (a general word such as "borgere" counts for nothing: "borgere med
    /// misbrug eller psykisk sårbarhed" is not found by "borgere" and "psykiske").
    pub partial: f32,
    /// Extra for a concept named in the heading (× concept weight).
    pub heading: f32,
    /// Extra for a concept named only in the document's title (× concept weight): the title
    /// says what the whole document is about, less what one page of it says.
    pub title: f32,
    /// Length in pages up to which the title counts fully; beyond, in proportion (a title
    /// over 40 pages says little about page 19).
    pub title_pages: f32,
    /// Extra for a concept standing in a sentence that states intent (× its score).
    pub intent_sentence: f32,
    /// Extra per kind of intent the passage states (goal, initiative, ...).
    pub intent_kind: f32,
    /// Most kinds of intent that add.
    pub intent_kinds_max: f32,
    /// Extra per further distinct concept matched (coverage beats repetition).
    pub coverage: f32,
    /// Most further concepts that add.
    pub coverage_max: f32,
    /// Extra for passages that mention volunteers, associations or civil society.
    pub civil_society: f32,
    /// Extra for a passage in which the municipality states that it wants to work with
    /// associations, volunteers or civil society (the civil-society opening) on a theme,
    /// activity or target group of the profile, named in the same sentence; on top of
    /// [`civil_society`](Weights::civil_society). Of judged dev pages with such a sentence,
    /// 40% are graded 2; with an opening whose sentence names nothing of the profile, 7%
    /// (against 15% of pages with no opening).
    pub opening: f32,
    /// Factor for a passage about a matter internal to the administration (staff training,
    /// internal organisation, visitation rules) that names no civil-society opening.
    pub internal: f32,
    /// Fewest words of internal matters that make a passage internal (one is a mention).
    pub internal_words: u32,
    /// Factor for passages that mention an excluded term.
    pub exclude: f32,
    /// Share of target-group scores (they qualify a topic more than they make one).
    pub audience: f32,
    /// Most the description words can add together.
    pub description_cap: f32,
    /// Description words more common than this idf say nothing.
    pub description_min_idf: f32,
    /// Growth with repetition: `1 + tf × ln(count)`.
    pub tf: f32,
    /// Passages shorter than this many characters (a heading, a line of procedure) are
    /// lowered by the square root of their share of it.
    pub short_passage: f32,
    /// Share of the page's other candidates' scores added to a passage.
    pub page: f32,
    /// Factor for a page that names no theme or activity.
    pub no_topic: f32,
    /// Factor for a page that names no target group.
    pub no_audience: f32,
    /// Share of the best passage's score that the best page by retrieval score adds.
    pub retrieval: f32,
    /// Factor for a page that names only the other stage of life than the one the profile
    /// mainly works for.
    pub other_stage: f32,
    /// What a page's wording counts when none of the profile's whole words is on it, as a
    /// share of the best page's wording.
    pub wording_floor: f32,
    /// Pages ranked by wording above this are said to be close to the profile in the reasons.
    pub close_wording: usize,
    /// Factor for a passage whose document's title names money or a consultation.
    pub offer_title: f32,
    /// Factor for a passage whose document's title names a report on the past (supervision,
    /// accounts).
    pub report_title: f32,
    /// Factor for a passage whose document's title names an orientation ("Orientering om
    /// hjemløse i Greve 2022", "Hjemløsetælling 2024 - orientering"): the item informs the
    /// committee, which takes note, and leaves an association little to act on. Of the judged
    /// dev candidates with such a title, 14% are graded 2, against 22% of all.
    pub orientation_title: f32,
    /// Factor for a passage whose document's title names a matter internal to the
    /// administration ("Kompetenceløft af medarbejdere", "Ny organisering af …", "Visitation
    /// til …"; the words of `policymatch_core::intent::INTERNAL`): the item may name the
    /// association's target group, but it is about the staff, the organisation or the rules
    /// for granting services, and leaves the association no role. The passage-level cue
    /// ([`internal`](Weights::internal)) applies besides.
    pub internal_title: f32,
    /// Factor for a passage of a document that is not a municipality's own (a national
    /// report, a national agency's guide, a conference programme; see
    /// `policymatch_core::metadata::issuer_is_municipal`). Such pages describe the theme
    /// well and leave an association no one in its town hall to act with: of 62 judged dev
    /// candidates from such issuers none was graded 2 or more, and half were graded 0.
    pub other_issuer: f32,
    /// Share a passage gains when it holds a political request: a committee or the council
    /// asks the administration for a case, a study or a plan ("udvalget ønsker en sag om").
    /// The politicians want action there, and an association's offer is heard; of the judged
    /// dev pages with such a sentence, 26% are graded 2, against 16% of all.
    pub request: f32,
    /// Factor for a passage of an agenda item that reports the status or evaluation of work
    /// under way (the item's stage, `policymatch_core::process::stage_of`): it shows where
    /// the work stands and what it lacks, which is where an association's offer fits. Of the
    /// judged dev candidates in such items, 44% are graded 2, against 22% of all.
    pub status_stage: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            compound: 0.8,
            scattered: 0.6,
            partial: 0.3,
            heading: 0.5,
            title: 0.5,
            title_pages: 5.0,
            intent_sentence: 0.25,
            intent_kind: 0.06,
            intent_kinds_max: 4.0,
            coverage: 0.25,
            coverage_max: 4.0,
            civil_society: 0.6,
            opening: 0.2,
            internal: 0.8,
            internal_words: 2,
            exclude: 0.4,
            audience: 0.5,
            description_cap: 1.0,
            description_min_idf: 2.0,
            tf: 0.4,
            short_passage: 200.0,
            page: 0.3,
            no_topic: 0.3,
            no_audience: 0.5,
            retrieval: 0.25,
            other_stage: 0.7,
            wording_floor: 0.01,
            close_wording: 10,
            offer_title: 1.75,
            report_title: 0.25,
            orientation_title: 0.25,
            internal_title: 0.5,
            other_issuer: 0.5,
            request: 0.3,
            status_stage: 1.2,
        }
    }
}

/// The words that place a text in a stage of life; compounds count through their parts
/// ("skolebørn", "ældrerådet", "plejehjemsbeboere").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageConfig {
    /// Children and young people.
    pub young: Vec<String>,
    /// Older people.
    pub old: Vec<String>,
}

impl Default for StageConfig {
    fn default() -> Self {
        StageConfig {
            young: strings(&[
                "barn",
                "børn",
                "unge",
                "ungdom",
                "elever",
                "skole",
                "dagtilbud",
                "daginstitution",
                "børnehave",
                "vuggestue",
                "teenagere",
            ]),
            old: strings(&[
                "ældre",
                "seniorer",
                "pensionister",
                "plejecenter",
                "plejehjem",
                "plejebolig",
                "hjemmepleje",
            ]),
        }
    }
}

/// The title words of the document kinds (see [`crate::kind`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KindConfig {
    /// Parts of words that name money besides the money words of the annotation layer
    /// ("projektansøgning").
    pub money: Vec<String>,
    /// Parts of words that name a report on the past: "tilsyn", "årsregnskab".
    pub report: Vec<String>,
    /// Parts of words that name an orientation of the committee: "orientering",
    /// "orienteringssag".
    pub orientation: Vec<String>,
    /// Heads of compounds that make a document a policy, not a report, whatever it is about
    /// ("tilsynspolitik": a Danish compound is what its last part says).
    pub policy: Vec<String>,
}

impl Default for KindConfig {
    fn default() -> Self {
        KindConfig {
            money: strings(&["ansøgning"]),
            report: strings(&["tilsyn", "regnskab", "årsberetning"]),
            orientation: strings(&["orientering"]),
            policy: strings(&["politik", "strategi", "plan", "planen"]),
        }
    }
}

/// Near-duplicates and how much one page may show (see [`crate::diversity`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiversityConfig {
    /// Jaccard similarity of word 3-shingles from which two passages are the same text.
    pub jaccard: f32,
    /// Share of the smaller passage's shingles inside the larger one from which it is a copy
    /// (page breaks cut the same text into passages differently).
    pub containment: f32,
    /// Smallest shingle count for the containment rule (short passages need the Jaccard
    /// rule).
    pub min_contained: usize,
    /// Most suggestions one page gives. One: a reader opens a page once, and a page's second
    /// passage took a place in the list that another page could have had (measured: the dev
    /// figures are the same with 1 and 2, and R@20 is higher with 1).
    pub per_page: usize,
    /// Most pages one agenda item shows as suggestions; its further pages are listed under its
    /// best one ("also in", marked `same_item`), so that one item cannot take most of the top
    /// ten. 0: no limit. Four costs the dev figures nothing (three: 0.775 against 0.787, with
    /// judged@10 0.967, as unjudged pages of other items come in).
    pub per_item: usize,
}

impl Default for DiversityConfig {
    fn default() -> Self {
        DiversityConfig {
            jaccard: 0.6,
            containment: 0.85,
            min_contained: 12,
            per_page: 1,
            per_item: 4,
        }
    }
}

/// Why a configuration could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid configuration.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong, with the line where the TOML parser knows it.
        message: String,
    },
}

/// A configuration file: the base settings, and the settings to try.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConfigFile {
    /// The settings the file gives (defaults where it is silent).
    pub base: RankConfig,
    /// Settings to try, from its `[sweep]` table.
    pub sweep: Sweep,
}

/// Settings to try: each entry names a setting by its dotted path ("weights.page") and the
/// values to try for it. The points tried are every combination, in a fixed order (entries
/// by name, values as listed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sweep {
    /// Dotted path → values, by path.
    pub axes: std::collections::BTreeMap<String, Vec<toml::Value>>,
}

/// One point of a sweep: its settings and a label ("weights.page=0.2 weights.tf=0.4").
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The label, the base's when the sweep is empty ("defaults").
    pub label: String,
    /// The settings.
    pub config: RankConfig,
}

impl ConfigFile {
    /// Reads a TOML configuration file.
    pub fn load(path: &std::path::Path) -> Result<ConfigFile, ConfigError> {
        let text = fs_err::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        ConfigFile::parse(&text, path)
    }

    /// Parses a TOML configuration; `path` names it in errors.
    pub fn parse(text: &str, path: &std::path::Path) -> Result<ConfigFile, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let mut table: toml::Table =
            toml::from_str(text).map_err(|e| invalid(one_line(&e.to_string())))?;
        let mut sweep = Sweep::default();
        if let Some(s) = table.remove("sweep") {
            let toml::Value::Table(s) = s else {
                return Err(invalid("[sweep] must be a table".into()));
            };
            for (key, values) in s {
                let values = match values {
                    toml::Value::Array(v) if !v.is_empty() => v,
                    _ => {
                        return Err(invalid(format!(
                            "sweep {key:?}: expected a non-empty list of values"
                        )));
                    }
                };
                sweep.axes.insert(key, values);
            }
        }
        let base: RankConfig = toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| invalid(one_line(&e.to_string())))?;
        let file = ConfigFile { base, sweep };
        // every point must be a valid configuration: fail before any evaluation runs
        file.points().map_err(invalid)?;
        Ok(file)
    }

    /// Every point of the sweep over the base settings, in a fixed order; the base alone
    /// when the sweep is empty. Fails with a message when a path names no setting or a value
    /// does not fit it.
    pub fn points(&self) -> Result<Vec<Point>, String> {
        let base = toml::Value::try_from(&self.base).map_err(|e| e.to_string())?;
        let mut points: Vec<(Vec<String>, toml::Value)> = vec![(Vec::new(), base)];
        for (path, values) in &self.sweep.axes {
            let mut next = Vec::with_capacity(points.len() * values.len());
            for (label, value) in &points {
                for v in values {
                    let mut value = value.clone();
                    set(&mut value, path, v.clone())?;
                    let mut label = label.clone();
                    label.push(format!("{path}={v}"));
                    next.push((label, value));
                }
            }
            points = next;
        }
        points
            .into_iter()
            .map(|(label, value)| {
                let config: RankConfig = value
                    .try_into()
                    .map_err(|e: toml::de::Error| one_line(&e.to_string()))?;
                let label = if label.is_empty() {
                    "defaults".to_string()
                } else {
                    label.join(" ")
                };
                Ok(Point { label, config })
            })
            .collect()
    }
}

/// Sets the setting at dotted `path` in `value`; the path must name an existing setting.
fn set(value: &mut toml::Value, path: &str, v: toml::Value) -> Result<(), String> {
    let mut at = value;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let toml::Value::Table(t) = at else {
            return Err(format!("sweep {path:?}: {part:?} is not a section"));
        };
        let Some(next) = t.get_mut(*part) else {
            return Err(format!("sweep {path:?}: no setting {part:?}"));
        };
        if i + 1 == parts.len() {
            if next.is_table() {
                return Err(format!("sweep {path:?}: a section, not a setting"));
            }
            *next = v;
            return Ok(());
        }
        at = next;
    }
    Err(format!("sweep {path:?}: empty path"))
}

/// A parser's message on one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '|' || c == '^' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn an_empty_file_is_the_defaults() -> TestResult {
        let f = ConfigFile::parse("", Path::new("c.toml"))?;
        assert_eq!(f.base, RankConfig::default());
        let points = f.points()?;
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].label, "defaults");
        Ok(())
    }

    #[test]
    fn the_defaults_read_back_from_toml() -> TestResult {
        let text = toml::to_string(&RankConfig::default())?;
        let f = ConfigFile::parse(&text, Path::new("c.toml"))?;
        assert_eq!(f.base, RankConfig::default());
        Ok(())
    }

    #[test]
    fn a_field_left_out_keeps_its_default() -> TestResult {
        let f = ConfigFile::parse("[weights]\npage = 0.1\n", Path::new("c.toml"))?;
        assert_eq!(f.base.weights.page, 0.1);
        assert_eq!(f.base.weights.tf, Weights::default().tf);
        assert_eq!(f.base.concepts, ConceptConfig::default());
        Ok(())
    }

    #[test]
    fn unknown_fields_and_bad_values_name_the_file() {
        let e = ConfigFile::parse("[weights]\npages = 0.1\n", Path::new("c.toml")).unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("c.toml: "), "{text}");
        assert!(text.contains("pages"), "{text}");
        assert!(!text.contains('\n'), "{text}");
        let e = ConfigFile::parse("[weights]\npage = \"x\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().starts_with("c.toml: "));
    }

    #[test]
    fn a_sweep_gives_every_combination_in_a_fixed_order() -> TestResult {
        let f = ConfigFile::parse(
            "[weights]\ntf = 0.5\n[sweep]\n\"weights.page\" = [0.1, 0.2]\n\"diversity.per_page\" = [1, 2, 3]\n",
            Path::new("c.toml"),
        )?;
        let points = f.points()?;
        assert_eq!(points.len(), 6);
        assert_eq!(points[0].label, "diversity.per_page=1 weights.page=0.1");
        assert_eq!(points[5].label, "diversity.per_page=3 weights.page=0.2");
        assert_eq!(points[5].config.diversity.per_page, 3);
        assert_eq!(points[5].config.weights.page, 0.2);
        assert!(points.iter().all(|p| p.config.weights.tf == 0.5));
        Ok(())
    }

    #[test]
    fn a_sweep_of_no_setting_is_an_error() {
        for bad in [
            "[sweep]\n\"weights.nothing\" = [1.0]\n",
            "[sweep]\n\"weights\" = [1.0]\n",
            "[sweep]\n\"weights.page\" = []\n",
            "[sweep]\n\"weights.page\" = [\"x\"]\n",
        ] {
            let e = ConfigFile::parse(bad, Path::new("s.toml")).unwrap_err();
            assert!(e.to_string().starts_with("s.toml: "), "{bad}: {e}");
        }
    }
}
