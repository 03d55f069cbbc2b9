//! The shipped sample year reproduces the published 2019-2020 report of 辽宁科技大学: every
//! sentence of it, compared without white space and Markdown markers.
//!
//! [`missing`] is the comparison, for every format: text and Markdown here, and the visible
//! text of the HTML page (`html`, `template`) and of the Word document (`docx`).

use crate::util::{disclose, root, stdout_of};

/// The sentences of the published report missing from `output`, in the report's order; the
/// output is compared without white space and Markdown markup.
pub(crate) fn missing(output: &str) -> Vec<String> {
    let output = normalise(output);
    seed_sentences()
        .into_iter()
        .filter(|s| !output.contains(s.as_str()))
        .collect()
}

/// The published report's sentences: its first line (a broken title, "2019- 2020") dropped,
/// white space removed, cut after 。；：！？.
fn seed_sentences() -> Vec<String> {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/reference/2019-2020-report.txt"))
            .expect("the reference report");
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let title = lines.next().expect("a first line");
    assert_eq!(title.trim(), "2019- 2020");
    let body: String = lines.collect::<String>().split_whitespace().collect();
    body.split_inclusive(['。', '；', '：', '！', '？'])
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Output without white space and Markdown markup.
fn normalise(output: &str) -> String {
    output
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '#' | '*' | '\\' | '>' | '|'))
        .collect()
}

fn compile(format: &str) -> String {
    stdout_of(disclose().args(["compile", "2019-2020", "--format", format]))
}

#[test]
fn the_reference_has_enough_sentences_to_mean_something() {
    let sentences = seed_sentences();
    assert!(sentences.len() > 80, "{}", sentences.len());
    assert!(sentences.iter().any(|s| s.contains("1481条")));
    assert!(
        sentences
            .last()
            .unwrap()
            .ends_with("其他需要报告的事项无辽宁科技大学2020年10月29日")
    );
}

#[test]
fn text_output_has_every_sentence_of_the_published_report() {
    let output = compile("text");
    assert_eq!(missing(&output), Vec::<String>::new());
    let title = output
        .lines()
        .find(|l| !l.trim().is_empty())
        .expect("a title");
    assert!(title.contains("辽宁科技大学"), "{title}");
    assert!(
        title.contains("2019-2020学年信息公开工作年度报告"),
        "{title}"
    );
}

#[test]
fn markdown_output_has_every_sentence_of_the_published_report() {
    let output = compile("markdown");
    assert_eq!(missing(&output), Vec::<String>::new());
    let title = output.lines().next().expect("a title");
    assert_eq!(title, "# 辽宁科技大学2019-2020学年信息公开工作年度报告");
}

#[test]
fn the_comparison_notices_a_missing_or_changed_sentence() {
    let output = compile("text");
    let changed = output.replacen("884 条", "885 条", 1);
    assert_eq!(missing(&changed).len(), 1);
    let dropped = output.replacen("本学年未收到社会公众和师生员工的相关信息公开申请。", "", 1);
    assert_eq!(
        missing(&dropped),
        ["本学年未收到社会公众和师生员工的相关信息公开申请。"]
    );
}
