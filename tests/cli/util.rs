//! Shared helpers: running the binary in a controlled environment, and temporary copies of
//! year folders to edit.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `disclose` binary, run from the repository root with a neutral environment: English
/// messages, no colour, no data folder from the caller's environment.
pub(crate) fn disclose() -> Command {
    let mut cmd = Command::cargo_bin("disclose").expect("the binary is built");
    cmd.current_dir(root())
        .env_remove("DISCLOSE_DATA")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    cmd
}

/// A temporary data folder holding copies of year folders.
pub(crate) struct Data {
    dir: tempfile::TempDir,
}

impl Data {
    /// An empty data folder.
    pub(crate) fn empty() -> Self {
        Data {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// A copy of the shipped sample year.
    pub(crate) fn sample() -> Self {
        Data::empty().with_year(&root().join("data"), "2019-2020")
    }

    /// Adds a copy of `year` from the data folder `from`.
    pub(crate) fn with_year(self, from: &Path, year: &str) -> Self {
        copy_dir(&from.join(year), &self.dir.path().join(year));
        self
    }

    /// Adds a copy of this folder's `year` under the name `as_year` (its report.toml still
    /// says `year`; edit it).
    pub(crate) fn with_copy(self, year: &str, as_year: &str) -> Self {
        copy_dir(&self.dir.path().join(year), &self.dir.path().join(as_year));
        self
    }

    /// The data folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A file of a year folder.
    pub(crate) fn file(&self, year: &str, name: &str) -> PathBuf {
        self.dir.path().join(year).join(name)
    }

    /// Replaces the first occurrence of `from` in a file (which must contain it).
    pub(crate) fn edit(&self, year: &str, name: &str, from: &str, to: &str) {
        let path = self.file(year, name);
        let text = std::fs::read_to_string(&path).expect("read file");
        assert!(
            text.contains(from),
            "{} does not contain {from:?}",
            path.display()
        );
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write file");
    }

    /// Writes a file into a year folder.
    pub(crate) fn write(&self, year: &str, name: &str, content: impl AsRef<[u8]>) {
        let path = self.file(year, name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("year folder");
        std::fs::write(path, content).expect("write file");
    }

    /// `disclose --data <this folder>`.
    pub(crate) fn disclose(&self) -> Command {
        let mut cmd = disclose();
        cmd.arg("--data").arg(self.path());
        cmd
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .expect("read folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy file");
        }
    }
}

/// Standard output of a successful run.
pub(crate) fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("runs");
    assert!(
        output.status.success(),
        "exit {:?}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The fictional example university's data folder.
pub(crate) fn example() -> PathBuf {
    root().join("examples").join("示例大学")
}

/// The fictional example year.
pub(crate) const EXAMPLE_YEAR: &str = "2022-2023";

/// Every shipped year: its data folder (from the repository's root) and year.
pub(crate) const SHIPPED: &[(&str, &str)] = &[
    ("data", "2019-2020"),
    ("examples/示例大学", "2022-2023"),
    ("examples/示例学院", "2022"),
    ("examples/示例师范大学", "2023-2024"),
];

/// A CSV file's cells as an Excel workbook of one sheet, `Sheet1`, each cell where the CSV has
/// it: numbers (fields of digits) as number cells, other fields as text, empty fields empty.
pub(crate) fn csv_to_xlsx(csv: &str) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Sheet1").expect("a valid sheet name");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    for (row, record) in (0u32..).zip(reader.records()) {
        let record = record.expect("a CSV record");
        for (column, field) in (0u16..).zip(record.iter()) {
            if field.is_empty() {
                continue;
            }
            if field.bytes().all(|b| b.is_ascii_digit()) {
                let number: f64 = field.parse().expect("digits");
                sheet.write_number(row, column, number).expect("a cell");
            } else {
                sheet.write_string(row, column, field).expect("a cell");
            }
        }
    }
    workbook.save_to_buffer().expect("an xlsx workbook")
}

/// The table printed under the line `caption` in `--format table` output: its header cells and
/// its rows, each a list of trimmed cells. A cell that wraps onto more lines is put back
/// together (its lines joined without a space, as Chinese text wraps).
pub(crate) fn terminal_table(out: &str, caption: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = out.lines().skip_while(|l| *l != caption).skip(1);
    assert!(
        lines.next().is_some_and(|l| l.starts_with('┌')),
        "no table under {caption:?}:\n{out}"
    );
    let cells = |line: &str| -> Vec<String> {
        line.trim_start_matches('│')
            .trim_end_matches('│')
            .split('┆')
            .map(|c| c.trim().to_owned())
            .collect()
    };
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_body = false;
    for line in lines.by_ref().take_while(|l| !l.starts_with('└')) {
        if line.starts_with('╞') {
            in_body = true;
            continue;
        }
        let line = cells(line);
        let target = if in_body {
            rows.last_mut()
        } else {
            Some(&mut header)
        };
        let continues = target.as_ref().is_some_and(|t| !t.is_empty())
            && (!in_body || line.iter().skip(1).all(String::is_empty));
        match target {
            Some(cells) if continues => {
                for (cell, more) in cells.iter_mut().zip(line) {
                    cell.push_str(&more);
                }
            }
            _ if in_body => rows.push(line),
            _ => header = line,
        }
    }
    (header, rows)
}
