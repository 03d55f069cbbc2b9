//! Fatal errors: `disclose` could not do its job at all.
//!
//! Problems *in* the data are [`crate::Diagnostic`]s, collected and reported together. An
//! [`Error`] is different: the year folder does not exist, a file cannot be read, the output
//! cannot be written. Each variant carries the path it is about; the binary prints it with its
//! cause and exits with code 3.
//!
//! All wording is in [`Error::message`], one arm per variant writing the English and the
//! Chinese together, so a variant cannot be added without both; `Display` is the English.

use std::io;
use std::path::PathBuf;

use crate::findings::diagnostic::Lang;

/// Why `disclose` could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder has no folder for the requested year.
    #[error("{}", self.message(Lang::En))]
    YearNotFound {
        /// The academic year asked for.
        year: String,
        /// The folder looked for.
        path: PathBuf,
        /// Which years the data folder does have, for the message.
        hint: String,
    },
    /// The year folder has no report.toml.
    #[error("{}", self.message(Lang::En))]
    NoReportFacts {
        /// The report.toml looked for.
        path: PathBuf,
    },
    /// A folder or file exists but cannot be read.
    #[error("{}", self.message(Lang::En))]
    Read {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The output cannot be written.
    #[error("{}", self.message(Lang::En))]
    Write {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The output's folder does not exist.
    #[error("{}", self.message(Lang::En))]
    NoFolder {
        /// The file to write.
        path: PathBuf,
        /// Its folder, which is not there.
        folder: PathBuf,
    },
    /// A file given to `disclose import` cannot be read as a report, or its year folder exists.
    #[error("{}", self.message(Lang::En))]
    Import {
        /// The file.
        path: PathBuf,
        /// Why, in English.
        en: String,
        /// Why, in Chinese.
        zh: String,
    },
    /// A checklist file named by the year cannot be used.
    #[error("{}", self.message(Lang::En))]
    Checklist {
        /// The checklist file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// The message in `lang`, without its cause (the [`std::error::Error::source`], printed
    /// after it).
    pub fn message(&self, lang: Lang) -> String {
        let (en, zh) = match self {
            Error::YearNotFound { year, path, hint } => (
                format!(
                    "no folder for academic year {year} at `{}`{hint}",
                    path.display()
                ),
                format!(
                    "找不到 {year} 学年的文件夹 `{}`{}",
                    path.display(),
                    years_hint_zh(hint)
                ),
            ),
            Error::NoReportFacts { path } => (
                format!(
                    "`{}` not found: every year folder needs a report.toml with the report's own facts (see docs/report-toml.md)",
                    path.display()
                ),
                format!(
                    "找不到 `{}`：每个学年文件夹都要有一个 report.toml，写明报告本身的信息（见 docs/report-toml.md）",
                    path.display()
                ),
            ),
            Error::Read { path, .. } => (
                format!("cannot read `{}`", path.display()),
                format!("无法读取 `{}`", path.display()),
            ),
            Error::Write { path, .. } => (
                format!("cannot write `{}`", path.display()),
                format!("无法写入 `{}`", path.display()),
            ),
            Error::NoFolder { path, folder } => (
                format!(
                    "cannot write `{}`: the folder `{}` does not exist; make it first (mkdir -p)",
                    path.display(),
                    folder.display()
                ),
                format!(
                    "无法写入 `{}`：文件夹 `{}` 不存在，请先建立它（mkdir -p）",
                    path.display(),
                    folder.display()
                ),
            ),
            Error::Import { path, en, zh } => (
                format!("cannot import `{}`: {en}", path.display()),
                format!("无法导入 `{}`：{zh}", path.display()),
            ),
            Error::Checklist { path, message } => (
                format!("checklist `{}` is not usable: {message}", path.display()),
                format!(
                    "清单文件 `{}` 无法使用：{}",
                    path.display(),
                    checklist_message_zh(message)
                ),
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The Chinese of [`Error::YearNotFound`]'s `hint`, which the reader (`read::year`) words in
/// English: ``; `data` has 2019-2020, 2020-2021``, ``; `data` has no year folders``, or
/// ``; the data folder `data` does not exist either (use --data or DISCLOSE_DATA)``. Another
/// wording is kept as it is.
fn years_hint_zh(hint: &str) -> String {
    if let Some(data) = hint
        .strip_prefix("; the data folder `")
        .and_then(|rest| rest.strip_suffix("` does not exist either (use --data or DISCLOSE_DATA)"))
    {
        return format!(
            "；数据文件夹 `{data}` 也不存在（可用 --data 或环境变量 DISCLOSE_DATA 指定）"
        );
    }
    if let Some(rest) = hint.strip_prefix("; `") {
        if let Some(data) = rest.strip_suffix("` has no year folders") {
            return format!("；`{data}` 中没有学年文件夹");
        }
        if let Some((data, years)) = rest.rsplit_once("` has ") {
            return format!("；`{data}` 中有 {}", years.replace(", ", "、"));
        }
    }
    hint.to_owned()
}

/// The Chinese of [`Error::Checklist`]'s `message`, which the reader words in English.
fn checklist_message_zh(message: &str) -> &str {
    match message {
        "no such file (named by `checklist` in report.toml)" => {
            "没有这个文件（由 report.toml 中的 `checklist` 指定）"
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_not_found(hint: &str) -> Error {
        Error::YearNotFound {
            year: "2018-2019".to_owned(),
            path: PathBuf::from("data/2018-2019"),
            hint: hint.to_owned(),
        }
    }

    #[test]
    fn display_is_the_english_message() {
        let error = year_not_found("; `data` has 2019-2020");
        assert_eq!(
            error.to_string(),
            "no folder for academic year 2018-2019 at `data/2018-2019`; `data` has 2019-2020"
        );
        assert_eq!(error.to_string(), error.message(Lang::En));
    }

    #[test]
    fn the_readers_hints_read_in_chinese() {
        let zh = |hint: &str| year_not_found(hint).message(Lang::Zh);
        assert_eq!(
            zh("; `data` has 2019-2020, 2020-2021"),
            "找不到 2018-2019 学年的文件夹 `data/2018-2019`；`data` 中有 2019-2020、2020-2021"
        );
        assert_eq!(
            zh("; `data` has no year folders"),
            "找不到 2018-2019 学年的文件夹 `data/2018-2019`；`data` 中没有学年文件夹"
        );
        assert_eq!(
            zh("; the data folder `x` does not exist either (use --data or DISCLOSE_DATA)"),
            "找不到 2018-2019 学年的文件夹 `data/2018-2019`；数据文件夹 `x` 也不存在（可用 --data 或环境变量 DISCLOSE_DATA 指定）"
        );
        assert_eq!(zh(""), "找不到 2018-2019 学年的文件夹 `data/2018-2019`");
    }

    #[test]
    fn every_variant_has_both_wordings() {
        let io = || io::Error::other("cause");
        let path = PathBuf::from("p");
        let errors = [
            year_not_found(""),
            Error::NoReportFacts { path: path.clone() },
            Error::Read {
                path: path.clone(),
                source: io(),
            },
            Error::Write {
                path: path.clone(),
                source: io(),
            },
            Error::NoFolder {
                path: path.clone(),
                folder: path.clone(),
            },
            Error::Checklist {
                path,
                message: "no such file (named by `checklist` in report.toml)".to_owned(),
            },
        ];
        for error in errors {
            let (en, zh) = (error.message(Lang::En), error.message(Lang::Zh));
            assert!(en.is_ascii(), "{en}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(!zh.contains("no such file"), "{zh}");
        }
    }
}
