//! Document metadata: from a manifest (TSV or CSV) or inferred from the document.
//!
//! A manifest is a table with a header row naming a `file` column and any of `municipality`,
//! `area`, `year` and `title`; other columns are ignored. Rows are matched to documents by
//! file name. Values a manifest does not give are inferred: the title from the first heading
//! of the first page, the municipality from the most frequent "X Kommune" on the first pages,
//! the year from the file name or the first page. Inferred values are marked as inferred.

use crate::document::{DocumentMeta, MetaValue, Page};
use crate::error::{Error, Result};
use crate::problem::ManifestProblem;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Metadata given by a manifest, keyed by file name.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    rows: HashMap<String, DocumentMeta>,
}

impl Manifest {
    /// Reads a TSV or CSV manifest (the delimiter is taken from the header line).
    pub fn read(path: &Path) -> Result<Manifest> {
        let text = fs_err::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, path)
    }

    /// Parses manifest text; `path` is used in error messages only.
    ///
    /// The table is read by the `csv` crate: CSV cells may be quoted, with doubled quotes and
    /// line breaks inside; TSV cells are taken as they stand (TSV has no quoting). Blank lines
    /// and lines starting with `#` are skipped.
    pub fn parse(text: &str, path: &Path) -> Result<Manifest> {
        let err = |line: u64, problem: ManifestProblem| Error::Manifest {
            path: path.to_path_buf(),
            line: usize::try_from(line).unwrap_or(usize::MAX),
            problem,
        };
        let header_line = text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .unwrap_or("");
        let tsv = header_line.contains('\t');
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .delimiter(if tsv { b'\t' } else { b',' })
            .quoting(!tsv)
            .from_reader(text.as_bytes());
        let mut records = reader.records().filter(|r| {
            // A row of blank cells is a blank line.
            r.as_ref()
                .map(|r| r.iter().any(|c| !c.trim().is_empty()))
                .unwrap_or(true)
        });
        let line_of = |e: &csv::Error| e.position().map(|p| p.line()).unwrap_or(1);
        let header = match records.next() {
            None => {
                return Err(err(1, ManifestProblem::Empty));
            }
            Some(Err(e)) => return Err(err(line_of(&e), ManifestProblem::Row(e.to_string()))),
            Some(Ok(h)) => h,
        };
        let header_no = header.position().map(|p| p.line()).unwrap_or(1);
        let cols: Vec<String> = header.iter().map(|c| c.trim().to_lowercase()).collect();
        let find = |name: &str| cols.iter().position(|c| c == name);
        let Some(file_col) = find("file") else {
            return Err(err(header_no, ManifestProblem::NoFileColumn));
        };
        let (mun, area, year, title) = (
            find("municipality"),
            find("area"),
            find("year"),
            find("title"),
        );
        let mut rows = HashMap::new();
        for record in records {
            let cells =
                record.map_err(|e| err(line_of(&e), ManifestProblem::Row(e.to_string())))?;
            let no = cells.position().map(|p| p.line()).unwrap_or(0);
            let get = |i: Option<usize>| {
                i.and_then(|i| cells.get(i))
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let Some(file) = get(Some(file_col)) else {
                return Err(err(no, ManifestProblem::NoFile));
            };
            let year = match get(year) {
                Some(y) => Some(MetaValue::given(
                    y.parse::<u32>()
                        .map_err(|_| err(no, ManifestProblem::Year(y.clone())))?,
                )),
                None => None,
            };
            let key = file_name_key(Path::new(&file));
            rows.insert(
                key,
                DocumentMeta {
                    title: get(title).map(MetaValue::given),
                    municipality: get(mun).map(MetaValue::given),
                    area: get(area).map(MetaValue::given),
                    year,
                },
            );
        }
        Ok(Manifest { rows })
    }

    /// The manifest's metadata for `path`, matched by file name.
    pub fn get(&self, path: &Path) -> Option<&DocumentMeta> {
        self.rows.get(&file_name_key(path))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the manifest has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds the rows of `other`, which win over rows already present.
    pub fn merge(&mut self, other: Manifest) {
        self.rows.extend(other.rows);
    }
}

/// Looks for a `MANIFEST.tsv` or `MANIFEST.csv` directly inside `dir`.
pub fn find_manifest(dir: &Path) -> Option<PathBuf> {
    [
        "MANIFEST.tsv",
        "MANIFEST.csv",
        "manifest.tsv",
        "manifest.csv",
    ]
    .iter()
    .map(|n| dir.join(n))
    .find(|p| p.is_file())
}

fn file_name_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.to_string_lossy().to_string())
}

/// Fills the values `meta` lacks by inference from the document's pages, file name and PDF
/// title (when the extractor found one).
pub fn infer(meta: &mut DocumentMeta, path: &Path, pages: &[Page]) {
    let first: String = pages
        .iter()
        .take(2)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if meta.title.is_none() {
        meta.title = infer_title(&first)
            .or_else(|| {
                path.file_stem()
                    .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
            })
            .map(MetaValue::inferred);
    }
    if meta.municipality.is_none() {
        let sample: String = pages
            .iter()
            .take(5)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        meta.municipality = infer_municipality(&sample).map(MetaValue::inferred);
    }
    if meta.year.is_none() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        meta.year = infer_year(&name)
            .or_else(|| infer_year(&first))
            .map(MetaValue::inferred);
    }
}

/// The first line of the text that reads like a title (with letters, not a page number, at
/// most 15 words), joined with the lines it plainly runs on into: a title broken after "af",
/// "for", "og", a comma or a hyphen, or a one- or two-word start whose next line begins in
/// lower case ("Det nære" / "sundhedsvæsen"). At most 25 words.
pub fn infer_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines.iter().position(|l| {
        l.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && l.split_whitespace().count() <= 15
            && !l.to_lowercase().starts_with("side ")
            && !(l.split_whitespace().count() <= 3 && l.ends_with("Kommune"))
    })?;
    let mut title = lines[start].to_string();
    for next in lines[start + 1..].iter().filter(|l| !l.is_empty()).take(3) {
        let words = title.split_whitespace().count();
        let runs_on = title.ends_with(['-', ',']) || ends_in_function_word(&title);
        let lower = next.chars().next().is_some_and(char::is_lowercase);
        // a short start ending in a word, not a number or a year
        let short = words <= 2
            && title
                .split_whitespace()
                .last()
                .is_some_and(|w| w.chars().all(char::is_alphabetic));
        if !(runs_on || (short && lower)) || words + next.split_whitespace().count() > 25 {
            break;
        }
        match title.strip_suffix('-') {
            // a word broken over the line ("behand-" / "ling"), unless it is a suspended
            // compound ("stof-" / "og alkoholmisbrug")
            Some(head) if lower && !starts_with_conjunction(next) => {
                title = format!("{head}{next}");
            }
            _ => title = format!("{title} {next}"),
        }
    }
    Some(title)
}

/// Words a Danish title does not end with: prepositions, conjunctions and articles.
fn ends_in_function_word(line: &str) -> bool {
    const FUNCTION: [&str; 24] = [
        "af", "for", "til", "med", "og", "i", "på", "om", "mellem", "samt", "eller", "de", "den",
        "det", "en", "et", "fra", "ved", "under", "over", "efter", "hos", "mod", "som",
    ];
    line.split_whitespace()
        .last()
        .is_some_and(|w| FUNCTION.contains(&w.to_lowercase().as_str()))
}

fn starts_with_conjunction(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "og" | "eller" | "samt"))
}

/// Whether a document's issuer, as its `municipality` field names it, is a municipality (or a
/// region) itself: "Greve Kommune", "Aarhus Kommunes Biblioteker", "Region Sjælland". `None`
/// when the field is empty (nothing is known); `Some(false)` for anyone else: a national body
/// ("Digitaliseringsstyrelsen", "KL (Kommunernes Landsforening)"), an association, a
/// conference. This is the one place that decides it; ranking reads it (a page of a national
/// report leaves an association no one in its town hall to talk to).
pub fn issuer_is_municipal(municipality: &str) -> Option<bool> {
    let name = municipality.trim();
    if name.is_empty() {
        return None;
    }
    Some(name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "Kommune" | "kommune" | "Kommunes" | "kommunes" | "Region" | "Regionen"
        )
    }))
}

/// The most frequent "X Kommune" in `text`, as "X Kommune".
pub fn infer_municipality(text: &str) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let next = pair[1].trim_end_matches(|c: char| !c.is_alphabetic());
        if next != "Kommune" && next != "kommune" && next != "Kommunes" {
            continue;
        }
        let name = pair[0].trim_matches(|c: char| !c.is_alphabetic() && c != '-');
        let mut chars = name.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        let rest_lower = chars.clone().any(char::is_lowercase);
        if capital && rest_lower && name.chars().count() >= 3 && !is_common_word(name) {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(name, _)| format!("{name} Kommune"))
}

fn is_common_word(w: &str) -> bool {
    matches!(
        w,
        "Den"
            | "Det"
            | "Hele"
            | "Vores"
            | "Denne"
            | "Vi"
            | "Til"
            | "Fra"
            | "For"
            | "Af"
            | "Og"
            | "Som"
            | "Hver"
            | "Anden"
            | "Enhver"
            | "Egen"
    )
}

/// The first plausible year (1990-2099) in `text`.
pub fn infer_year(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit();
        if before_ok && after_ok && window.iter().all(u8::is_ascii_digit) {
            let y = window
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
            if (1990..=2099).contains(&y) {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_tsv_and_csv() {
        let m = Manifest::parse(
            "file\tmunicipality\tarea\tyear\textra\na.pdf\tGreve Kommune\tsundhed\t2023\tx\n",
            Path::new("m.tsv"),
        )
        .unwrap();
        let meta = m.get(Path::new("/x/y/a.pdf")).unwrap();
        assert_eq!(meta.municipality.as_ref().unwrap().value, "Greve Kommune");
        assert_eq!(meta.year.as_ref().unwrap().value, 2023);
        assert!(!meta.year.as_ref().unwrap().inferred);
        let c = Manifest::parse("title,file\n\"Politik, ny\",b.pdf\n", Path::new("m.csv")).unwrap();
        assert_eq!(
            c.get(Path::new("b.pdf"))
                .unwrap()
                .title
                .as_ref()
                .unwrap()
                .value,
            "Politik, ny"
        );
    }

    #[test]
    fn csv_cells_may_hold_quotes_and_line_breaks() {
        let c = Manifest::parse(
            "# kommentar\nfile,title,year\n\n\"a.pdf\",\"Politik for \"\"de unge\"\",\nanden linje\",2024\nb.pdf,B,\n",
            Path::new("m.csv"),
        )
        .unwrap();
        assert_eq!(c.len(), 2);
        let a = c.get(Path::new("a.pdf")).unwrap();
        assert_eq!(
            a.title.as_ref().unwrap().value,
            "Politik for \"de unge\",\nanden linje"
        );
        assert_eq!(a.year.as_ref().unwrap().value, 2024);
        assert!(c.get(Path::new("b.pdf")).unwrap().year.is_none());
        // the row after a quoted line break is still numbered by its line in the file
        let e = Manifest::parse("file,year\n\"a\nb.pdf\",x\nc.pdf,y\n", Path::new("m.csv"))
            .unwrap_err();
        assert_eq!(e.to_string(), "m.csv:2: year \"x\" is not a number");
    }

    #[test]
    fn manifest_errors_name_line() {
        let e = Manifest::parse("name\tx\n", Path::new("m.tsv")).unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:1: no `file` column in the header row");
        let e = Manifest::parse("file\tyear\na.pdf\tnext\n", Path::new("m.tsv")).unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:2: year \"next\" is not a number");
    }

    #[test]
    fn a_municipality_issues_its_own_papers_and_a_national_body_does_not() {
        for own in [
            "Greve Kommune",
            "Aarhus Kommunes Biblioteker",
            "Ballerup Kommune (KL letter as bilag)",
            "Region Sjælland",
            "aarhus kommune",
        ] {
            assert_eq!(issuer_is_municipal(own), Some(true), "{own}");
        }
        for other in [
            "KL (Kommunernes Landsforening)",
            "Digitaliseringsstyrelsen",
            "OS2 (municipal IT association)",
            "KKR Hovedstaden",
            "Havnens Perle (association) to Aarhus Byråd",
        ] {
            assert_eq!(issuer_is_municipal(other), Some(false), "{other}");
        }
        assert_eq!(issuer_is_municipal("  "), None);
    }

    #[test]
    fn infers_municipality_year_title() {
        let text = "Sundhedspolitik 2024-2028\nVedtaget af Byrådet i Egebjerg Kommune.\n\
                    Egebjerg Kommune vil ... Den Kommune";
        assert_eq!(
            infer_municipality(text).as_deref(),
            Some("Egebjerg Kommune")
        );
        assert_eq!(infer_year("greve-referat-2023-05-01.pdf"), Some(2023));
        assert_eq!(infer_year("12345 og 1850"), None);
        assert_eq!(
            infer_title("\n 3 \nSundhedspolitik 2024-2028\n").as_deref(),
            Some("Sundhedspolitik 2024-2028")
        );
    }

    #[test]
    fn a_title_broken_over_lines_is_joined() {
        let t = |s: &str| infer_title(s);
        assert_eq!(
            t("Kvalitetsstandarder for behandling af\nstof- og alkoholmisbrug\n2013\n").as_deref(),
            Some("Kvalitetsstandarder for behandling af stof- og alkoholmisbrug")
        );
        assert_eq!(
            t("Det nære\nsundhedsvæsen\n\nIndhold").as_deref(),
            Some("Det nære sundhedsvæsen")
        );
        assert_eq!(
            t("Politik\nfor\nkultur og fritid\nVedtaget 2009").as_deref(),
            Some("Politik for kultur og fritid")
        );
        assert_eq!(
            t("Handleplan for behand-\nlingsområdet\n").as_deref(),
            Some("Handleplan for behandlingsområdet")
        );
        // a complete title stays as it is, whatever follows
        assert_eq!(
            t("Sundhedspolitik 2024-2028\nindledning\n").as_deref(),
            Some("Sundhedspolitik 2024-2028")
        );
        assert_eq!(
            t("Ældrepolitik\nGreve Kommune\n").as_deref(),
            Some("Ældrepolitik")
        );
    }
}
