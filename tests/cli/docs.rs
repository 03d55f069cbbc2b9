//! docs/commands.md is run, not just read: every `$` line of its `console` blocks is run by bash
//! in a scratch copy of the repository's `data/` and `examples/`, in order (a later command sees
//! the files an earlier one changed), with `disclose` on the PATH and the neutral environment
//! of [`crate::util::disclose`]. What the command prints (stdout and stderr together) must be
//! exactly the lines under it, closed by `[exit N]` when the exit code is not 0.
//! `SNAPSHOTS=overwrite cargo test docs` writes the actual output into the page; review the
//! diff before committing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{copy_dir, root};

/// The page under test.
const PAGE: &str = "docs/commands.md";

/// One `$` line and what the page says it prints.
struct Step {
    /// Index of the `$` line in the page.
    line: usize,
    /// The command, as bash reads it.
    command: String,
    /// The lines under it, up to the next `$` line or the end of the block.
    expected: Vec<String>,
}

/// Every `$` line of every `console` block, in order.
fn steps(page: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_block = false;
    for (index, line) in page.lines().enumerate() {
        if in_block {
            if line.starts_with("```") {
                in_block = false;
            } else if let Some(command) = line.strip_prefix("$ ") {
                steps.push(Step {
                    line: index,
                    command: command.to_owned(),
                    expected: Vec::new(),
                });
            } else if let Some(step) = steps.last_mut() {
                step.expected.push(line.to_owned());
            }
        } else if line == "```console" {
            in_block = true;
        }
    }
    steps
}

/// Runs one command; its output as lines, with `[exit N]` added for a non-zero exit code.
fn run(command: &str, dir: &Path, bin: &Path) -> Vec<String> {
    let path = std::env::join_paths(std::iter::once(bin.to_owned()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("DISCLOSE_DATA")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    match output.status.code() {
        Some(0) => {}
        Some(code) => lines.push(format!("[exit {code}]")),
        None => lines.push("[killed by a signal]".to_owned()),
    }
    lines
}

#[test]
fn every_command_of_the_commands_page_prints_what_the_page_shows() {
    let page_path = root().join(PAGE);
    let page = std::fs::read_to_string(&page_path).expect("the page");
    let steps = steps(&page);
    assert!(steps.len() > 20, "the page's console blocks were found");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    for folder in ["data", "examples"] {
        copy_dir(&root().join(folder), &scratch.path().join(folder));
    }
    let bin: PathBuf = assert_cmd::cargo::cargo_bin("disclose")
        .parent()
        .expect("the binary's folder")
        .to_owned();
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let mut lines: Vec<String> = page.lines().map(str::to_owned).collect();
    let mut failures = Vec::new();
    // Replace from the last step back, so earlier line numbers stay valid.
    let mut actuals = Vec::new();
    for step in &steps {
        let actual = run(&step.command, scratch.path(), &bin);
        assert!(
            !actual.iter().any(|l| l.contains("panicked")),
            "`{}` panicked:\n{}",
            step.command,
            actual.join("\n")
        );
        if actual != step.expected {
            failures.push(format!(
                "{PAGE}:{}: `{}`\n--- the page shows\n{}\n--- it prints\n{}",
                step.line + 1,
                step.command,
                step.expected.join("\n"),
                actual.join("\n")
            ));
        }
        actuals.push(actual);
    }
    if overwrite {
        for (step, actual) in steps.iter().zip(actuals).rev() {
            let start = step.line + 1;
            lines.splice(start..start + step.expected.len(), actual);
        }
        std::fs::write(&page_path, lines.join("\n") + "\n").expect("write the page");
        return;
    }
    assert!(
        failures.is_empty(),
        "{} of {} commands print something else (SNAPSHOTS=overwrite rewrites the page):\n\n{}",
        failures.len(),
        steps.len(),
        failures.join("\n\n")
    );
}
