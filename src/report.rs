//! The report as a document, free of any output format.
//!
//! [`crate::compose`] builds it from the submissions; every renderer in [`crate::render`] gets
//! this and nothing else. It holds finished text: numbers are already in their sentences,
//! headings already numbered.

use serde::Serialize;

/// A composed annual report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The title (辽宁科技大学2019-2020学年信息公开工作年度报告).
    pub title: String,
    /// Whether this is a draft with placeholders.
    pub draft: bool,
    /// The paragraphs before part 一.
    pub preamble: Vec<String>,
    /// The numbered parts.
    pub parts: Vec<Part>,
    /// Tables after the parts (the checklist appendix).
    pub appendix: Vec<Table>,
    /// Who signs, and when.
    pub signature: Signature,
    /// In a draft, the findings still open, one line each.
    pub findings: Vec<String>,
}

/// One numbered part: 一、概述.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The number, as a Chinese numeral (一).
    pub number: String,
    /// The heading.
    pub heading: String,
    /// What the part holds, in order.
    pub blocks: Vec<Block>,
}

/// A piece of a part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A sub-heading on its own line: （一）信息公开渠道和数据.
    Heading {
        /// （一）
        number: String,
        /// The heading text.
        text: String,
    },
    /// A paragraph, possibly opening with a numbered run-in title.
    Paragraph {
        /// The run-in title with its number and full stop: `1. 招生信息公开情况。`.
        lead: Option<String>,
        /// The text.
        text: String,
    },
    /// A table.
    Table(Table),
}

/// A table with a title and a header row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The caption.
    pub title: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// The signature block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// The signing body.
    pub signer: String,
    /// The date, as printed (2020年10月29日).
    pub date: String,
}
