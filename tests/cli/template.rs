//! `disclose compile --template FILE`: the shipped example templates, escaping by the template's
//! name, and errors that name the template's line.

use crate::html::visible_text;
use crate::seed::missing;
use crate::util::{Data, EXAMPLE_YEAR, disclose, example, root, stdout_of};

/// The Markdown house-style example.
const BRIEFING: &str = "examples/templates/简报风格.md.j2";
/// The HTML notice-board example.
const NOTICE: &str = "examples/templates/公告栏.html.j2";

#[test]
fn the_markdown_example_compiles_the_sample_year() {
    let out = stdout_of(disclose().args(["compile", "2019-2020", "-q", "--template", BRIEFING]));
    assert!(out.starts_with("# 辽宁科技大学信息公开工作简报\n"), "{out}");
    assert!(
        out.contains("\n**一、概述**\n"),
        "parts as bold lines:\n{out}"
    );
    assert!(
        out.contains("**1. 通过校园网、办公自动化系统等公开信息情况**。学校主页共发布信息 1481 条"),
        "{out}"
    );
    assert!(
        out.contains("\n| 宣传部 | 学校主页 | 信息 | 1481 条 |\n"),
        "{out}"
    );
    assert!(
        out.contains("\n| 宣传部 | 学校主页 | └ 要闻 | 884 条 |\n"),
        "{out}"
    );
    assert!(
        out.contains("\n| 宣传部 | 官方微博 | 信息 | 约 3600 条 |\n"),
        "{out}"
    );
    assert!(out.contains("清单事项 50 项：已公开 11 项"), "{out}");
    assert!(out.ends_with("未说明 39 项。\n"), "{out}");
    assert!(!out.contains("{{") && !out.contains("{%"), "{out}");
}

#[test]
fn the_markdown_example_lists_requests_outcomes_when_there_are_some() {
    let out = stdout_of(disclose().arg("--data").arg(example()).args([
        "compile",
        EXAMPLE_YEAR,
        "-q",
        "--template",
        BRIEFING,
    ]));
    assert!(out.contains("本学年收到申请 4 件"), "{out}");
    assert!(out.contains("\n- 同意公开：2 件\n"), "{out}");
}

#[test]
fn the_html_example_compiles_the_sample_year_with_every_sentence() {
    let html = stdout_of(disclose().args(["compile", "2019-2020", "-q", "--template", NOTICE]));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"),
        "{html}"
    );
    assert!(html.ends_with("</html>\n"), "{html}");
    assert_eq!(missing(&visible_text(&html)), Vec::<String>::new());
    for needle in ["http", "src=", "<script", "@import", "url("] {
        assert!(!html.contains(needle), "`{needle}` in:\n{html}");
    }
}

#[test]
fn an_html_template_escapes_markup_in_a_narrative() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "有力保障了",
        "有力保障了<script>alert(1)</script>",
    );
    let dir = tempfile::tempdir().unwrap();
    for (name, expected) in [
        ("页面.html", "&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        ("页面.htm.j2", "&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        ("页面.md.j2", "<script>alert(1)</script>"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, "<p>{{ parts[0].blocks[0].text }}</p>\n").unwrap();
        let out = stdout_of(
            data.disclose()
                .args(["compile", "2019-2020", "-q", "--template"])
                .arg(&path),
        );
        assert!(
            out.contains(&format!("有力保障了{expected}")),
            "{name}: {out}"
        );
    }
}

#[test]
fn a_syntax_error_names_the_template_and_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("本单位.md.j2");
    std::fs::write(
        &template,
        "# {{ title }}\n\n落款：{{ signature.signer + }}\n{{ year }}\n",
    )
    .unwrap();
    let output = dir.path().join("年报.md");
    disclose()
        .args(["compile", "2019-2020", "-q", "--template"])
        .arg(&template)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "error: template `{}`, line 3: syntax error: unexpected end of variable block\n    3 | 落款：{{{{ signature.signer + }}}}\n",
            template.display()
        ));
    assert!(!output.exists());
}

#[test]
fn a_misspelt_variable_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.txt");
    std::fs::write(&template, "{{ title }}\n{{ shcool }}\n").unwrap();
    disclose()
        .args(["compile", "2019-2020", "-q", "--template"])
        .arg(&template)
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "error: template `{}`, line 2: undefined value: `shcool` is undefined\n    2 | {{{{ shcool }}}}\n",
            template.display()
        ));
}

#[test]
fn a_missing_template_cannot_be_read() {
    disclose()
        .args(["compile", "2019-2020", "--template", "no/such/模板.md.j2"])
        .assert()
        .code(3)
        .stderr(
            "error: cannot read `no/such/模板.md.j2`: No such file or directory (os error 2)\n",
        );
}

#[test]
fn template_and_format_together_are_a_usage_error() {
    disclose()
        .args(["compile", "2019-2020", "-f", "text", "--template", BRIEFING])
        .assert()
        .code(2)
        .stderr(
            "error: the argument '--format <FORMAT>' cannot be used with '--template <FILE>'\n\n\
             Usage: disclose compile --format <FORMAT> <YEAR>\n\n\
             For more information, try '--help'.\n",
        );
}

#[test]
fn the_example_templates_say_how_to_run_them() {
    for name in [BRIEFING, NOTICE] {
        let text = std::fs::read_to_string(root().join(name)).unwrap();
        assert!(
            text.contains(&format!("--template {name}")),
            "{name} names its own command line"
        );
    }
}

/// The fenced code blocks of a Markdown file, as (info string, text).
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let text: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((info.to_owned(), text.join("\n") + "\n"));
        }
    }
    blocks
}

#[test]
fn the_worked_example_in_the_docs_prints_what_the_docs_say() {
    let doc = std::fs::read_to_string(root().join("docs/templates.md")).unwrap();
    let blocks = code_blocks(&doc);
    let template = &blocks
        .iter()
        .find(|(info, text)| info == "jinja" && text.contains("数字摘要"))
        .expect("the worked example")
        .1;
    let expected = &blocks
        .iter()
        .find(|(info, _)| info == "text")
        .expect("its output")
        .1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("数字摘要.txt.j2");
    std::fs::write(&path, template).unwrap();
    let out = stdout_of(
        disclose()
            .args(["compile", "2019-2020", "-q", "--template"])
            .arg(&path),
    );
    assert_eq!(&out, expected);
    // The walk through every part, the second example, renders too, tables inside parts
    // included (the checklist is part 八 of the Ministry's outline).
    let walk = &blocks
        .iter()
        .filter(|(info, _)| info == "jinja")
        .nth(1)
        .expect("the walk through the parts")
        .1;
    let path = dir.path().join("walk.md.j2");
    std::fs::write(&path, walk).unwrap();
    let data = Data::empty().with_year(&example(), EXAMPLE_YEAR);
    data.edit(
        EXAMPLE_YEAR,
        "report.toml",
        "year = \"2022-2023\"",
        "year = \"2022-2023\"\noutline = \"ministry\"",
    );
    let out = stdout_of(
        data.disclose()
            .args(["compile", EXAMPLE_YEAR, "-q", "--template"])
            .arg(&path),
    );
    assert!(out.contains("\n**一、概述**\n"), "{out}");
    assert!(out.contains("\n*（一）信息公开渠道和数据*\n"), "{out}");
    assert!(
        out.contains(
            "\n| 编号 | 类别 | 事项 | 公开情况 | 公开网址或渠道 | 说明 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | "
        ),
        "{out}"
    );
}

#[test]
fn a_template_lays_a_form_out_cell_for_cell_as_docs_templates_md_shows() {
    let docs = std::fs::read_to_string(root().join("docs/templates.md")).expect("the page");
    let start = docs
        .find("{% elif block.type == \"form\" %}")
        .expect("the example");
    let end = start + docs[start..].find("```").expect("its end");
    let template = format!(
        "{{% for part in parts %}}{{% for block in part.blocks %}}{{% if block.type == \"heading\" %}}{}{{% endif %}}{{% endfor %}}{{% endfor %}}\n",
        &docs[start..end]
    );
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("表.html.j2");
    std::fs::write(&file, template).expect("the template");
    let out = stdout_of(
        disclose()
            .arg("--data")
            .arg(root().join("examples/示例学院"))
            .args(["compile", "2022", "-q", "--template"])
            .arg(&file),
    );
    assert!(
        out.contains(r#"<th rowspan="1" colspan="7">申请人情况</th>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<th rowspan="1" colspan="10">行政诉讼</th>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<td rowspan="22" colspan="1">三、本年度办理结果</td>"#),
        "{out}"
    );
}

#[test]
fn a_template_that_would_run_for_ever_or_print_without_end_stops_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    for (name, source, says) in [
        (
            "loop.md.j2",
            "{{ title }}\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
            "line 2: engine ran out of fuel",
        ),
        (
            "print.md.j2",
            "{% for a in range(1000) %}{{ \"x\" * 100000000 }}{% endfor %}\n",
            "",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, source).unwrap();
        let out = dir.path().join("out.md");
        let output = disclose()
            .args(["compile", "2019-2020", "-q", "-o"])
            .arg(&out)
            .arg("--template")
            .arg(&path)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(
            stderr.contains("fuel") || stderr.contains("more than 32 MiB"),
            "{name}: {stderr}"
        );
        assert!(!out.exists(), "{name}: nothing is written");
    }
}
