//! The programs the layout tests look through: LibreOffice (the Word document as a PDF),
//! Chromium and `chromedriver` (the web page in a real browser), and poppler's `pdfinfo` and
//! `pdftotext` (a PDF's pages, text and where each word is).
//!
//! Locally a test whose programs are not installed prints a notice and passes without checking.
//! CI installs them (`.ci/run`) and sets `DISCLOSE_REQUIRE_TOOLS=1`, under which a missing program
//! fails the test instead: the checks cannot be skipped there without anyone noticing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The environment variable that makes a missing program a failure.
pub(crate) const REQUIRE: &str = "DISCLOSE_REQUIRE_TOOLS";

/// Whether missing programs fail the tests (on CI).
pub(crate) fn required() -> bool {
    std::env::var(REQUIRE).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The first of `names` found on the PATH (or as an absolute path).
pub(crate) fn find(names: &[&str]) -> Option<PathBuf> {
    for name in names {
        let path = Path::new(name);
        if path.is_absolute() {
            if path.is_file() {
                return Some(path.to_owned());
            }
            continue;
        }
        let paths = std::env::var_os("PATH")?;
        for dir in std::env::split_paths(&paths) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Every program in `programs` (each a list of names to try), or `None` after saying which are
/// missing: a notice on stderr locally, a failure under [`REQUIRE`].
pub(crate) fn all(test: &str, programs: &[&[&str]]) -> Option<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for names in programs {
        match find(names) {
            Some(path) => found.push(path),
            None => missing.push(names[0]),
        }
    }
    if missing.is_empty() {
        return Some(found);
    }
    let message = format!(
        "{test}: skipped, not installed: {} (CI installs them: .ci/run)",
        missing.join(", ")
    );
    assert!(
        !required(),
        "{message}; {REQUIRE} is set, so this is a failure"
    );
    eprintln!("note: {message}");
    None
}

/// `pdfinfo`'s page count of a PDF.
pub(crate) fn pdf_pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    assert!(output.status.success(), "pdfinfo {}", pdf.display());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// The text of a PDF as `pdftotext -layout` lays it out, pages separated by form feeds.
pub(crate) fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .stderr(Stdio::null())
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// A PDF's text without its page numbers (the lines `— 3 —`) and page breaks, so that a
/// sentence running on from one page to the next reads as one.
pub(crate) fn pdf_body_text(pdf: &Path) -> String {
    pdf_text(pdf)
        .lines()
        .map(|line| line.trim_matches('\u{c}'))
        .filter(|line| {
            let bare: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            let digits = bare.trim_matches('—');
            !(bare.starts_with('—')
                && bare.ends_with('—')
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One word of a PDF page, where `pdftotext -bbox` puts it.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// The word.
    pub(crate) text: String,
    /// Its left and right edges, in points from the page's left edge.
    pub(crate) x: (f64, f64),
    /// Its top, in points from the page's top edge.
    pub(crate) y: f64,
}

/// Each page's width and words.
pub(crate) fn pdf_words(pdf: &Path) -> Vec<(f64, Vec<Word>)> {
    let output = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .stderr(Stdio::null())
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext -bbox {}", pdf.display());
    let html = String::from_utf8(output.stdout).expect("UTF-8");
    let attribute = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        tag.split(&key)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_default()
    };
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let width = attribute(page, "width");
        let mut words = Vec::new();
        for word in page.split("<word ").skip(1) {
            let Some((tag, rest)) = word.split_once('>') else {
                continue;
            };
            let text = rest.split("</word>").next().unwrap_or_default();
            words.push(Word {
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
                x: (attribute(tag, "xMin"), attribute(tag, "xMax")),
                y: attribute(tag, "yMin"),
            });
        }
        pages.push((width, words));
    }
    pages
}

/// Each page's number as printed at its foot (`— 3 —`), with the horizontal middle of the
/// number: the lowest word on the page that is a number between dashes, or a number with a
/// dash on either side of it on its line.
pub(crate) fn page_numbers(pdf: &Path) -> Vec<Option<(usize, f64)>> {
    pdf_words(pdf)
        .into_iter()
        .map(|(_, words)| {
            let lowest = words
                .iter()
                .filter(|w| {
                    let digits = w.text.trim_matches(|c| c == '—' || c == '-');
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
                .filter(|w| {
                    w.text.contains('—')
                        || words
                            .iter()
                            .any(|d| d.text.contains('—') && (d.y - w.y).abs() < 4.0)
                })
                .max_by(|a, b| a.y.total_cmp(&b.y))?;
            let digits = lowest.text.trim_matches(|c| c == '—' || c == '-');
            Some((digits.parse().ok()?, f64::midpoint(lowest.x.0, lowest.x.1)))
        })
        .collect()
}

/// Asserts that every page carries its number, the odd ones right of the middle and the even
/// ones left of it.
pub(crate) fn assert_page_numbers_alternate(pdf: &Path) {
    let pages = pdf_words(pdf);
    let numbers = page_numbers(pdf);
    assert!(!numbers.is_empty(), "{}: no pages", pdf.display());
    for (i, (number, (width, _))) in numbers.iter().zip(&pages).enumerate() {
        let page = i + 1;
        let (shown, middle) =
            number.unwrap_or_else(|| panic!("{}: page {page} shows no page number", pdf.display()));
        assert_eq!(shown, page, "{}: page {page}", pdf.display());
        if page % 2 == 1 {
            assert!(
                middle > width * 0.6,
                "{}: page {page} number at {middle} of {width}: not right",
                pdf.display()
            );
        } else {
            assert!(
                middle < width * 0.4,
                "{}: page {page} number at {middle} of {width}: not left",
                pdf.display()
            );
        }
    }
}
