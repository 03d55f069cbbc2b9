//! The imported year as files: report.toml (facts, outline, narrative naming its figures), one
//! TOML file of counts per department, and CSV files for a checklist table and the State
//! Council forms. Every value is written so that reading it back gives exactly what was found.

use std::fmt::Write as _;

use super::figures::Found;

/// A TOML basic string: `"…"`, with `\` `"` and control characters escaped.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Paragraphs as a TOML string that report.toml reads back as the same paragraphs: one per line,
/// a blank line between them.
pub(crate) fn paragraphs(list: &[String]) -> String {
    if list.len() == 1 {
        return quote(&list[0]);
    }
    let body = list.join("\n\n");
    if body.contains("'''") || body.chars().any(|c| c.is_control() && c != '\n') {
        // A basic multi-line string: escaped as `quote` escapes, its line breaks kept.
        let inner: String = body
            .split('\n')
            .map(|line| {
                let quoted = quote(line);
                quoted[1..quoted.len() - 1].to_owned()
            })
            .collect::<Vec<_>>()
            .join("\n");
        return format!("\"\"\"\n{inner}\n\"\"\"");
    }
    format!("'''\n{body}\n'''")
}

/// A department's counts as TOML.
pub(crate) fn counts(department: &str, source: &str, counts: &[Found]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {department}：由 disclose import 从 {source} 导入的数字。每一个都要核对（validate 以 D505 逐条提醒）：\n\
         # 数字、单位，以及渠道（channel）和类别（item）的名称——改名时同时改 report.toml 中引用它的 {{渠道/类别}}。\n\
         # 核对后删去 imported 一行。各键的含义见 docs/submissions.md。"
    );
    for c in counts {
        let _ = writeln!(t, "\n[[count]]");
        let _ = writeln!(t, "channel = {}", quote(&c.channel));
        let _ = writeln!(t, "item = {}", quote(&c.item));
        if c.number.bytes().all(|b| b.is_ascii_digit()) && c.number.len() <= 15 {
            let _ = writeln!(
                t,
                "number = {}",
                c.number.trim_start_matches('0').max_or_zero()
            );
        } else {
            let _ = writeln!(t, "number = {}", quote(&c.number));
        }
        if !c.unit.is_empty() {
            let _ = writeln!(t, "unit = {}", quote(&c.unit));
        }
        if let Some(q) = &c.qualifier {
            let _ = writeln!(t, "qualifier = {}", quote(q));
        }
        if let Some(p) = &c.parent {
            let _ = writeln!(t, "parent = {}", quote(p));
        }
        let _ = writeln!(t, "imported = {}", quote(&excerpt(&c.source)));
    }
    t
}

/// A paragraph shortened for a message: its first 60 characters.
fn excerpt(text: &str) -> String {
    let n = text.chars().count();
    if n <= 60 {
        text.to_owned()
    } else {
        text.chars().take(60).collect::<String>() + "……"
    }
}

/// A CSV file of rows, each cell quoted where it needs to be.
pub(crate) fn csv(rows: &[Vec<String>]) -> String {
    let mut t = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        t.push_str(&cells.join(","));
        t.push('\n');
    }
    t
}

/// `""` → `"0"`: a number of zeros written as 0.
trait OrZero {
    fn max_or_zero(&self) -> &str;
}

impl OrZero for &str {
    fn max_or_zero(&self) -> &str {
        if self.is_empty() { "0" } else { self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_read_back_as_written() {
        assert_eq!(quote("他说\"好\"\\"), "\"他说\\\"好\\\"\\\\\"");
        assert_eq!(
            paragraphs(&["一段".into(), "二段".into()]),
            "'''\n一段\n\n二段\n'''"
        );
        let text = format!(
            "[a]\nx = {}\n",
            paragraphs(&["有'''的".into(), "第二段".into()])
        );
        let value: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            value["a"]["x"].as_str().map(str::trim_end),
            Some("有'''的\n\n第二段")
        );
    }
}
