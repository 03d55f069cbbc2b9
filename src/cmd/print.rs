//! Printing shared by the commands: findings on stderr, output on stdout, and the error that
//! stopped a command.

use std::io::{self, Write};

use disclose::findings;
use disclose::findings::sources::Sources;
use disclose::{Diagnostics, Lang};

use crate::cmd::cli::Global;

/// Prints findings for people on stderr, with the summary line.
pub(crate) fn human(global: &Global, diags: &Diagnostics, sources: &mut Sources) -> io::Result<()> {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    findings::print::human(diags, sources, global.lang, global.color, &mut err)?;
    if let Some(line) = findings::print::summary_line(diags, global.lang) {
        writeln!(err, "{line}")?;
    }
    Ok(())
}

/// Writes to stdout; a closed pipe (`disclose compile … | head`) is not an error.
pub(crate) fn stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// One line per file written, `created PATH` (`已创建 PATH`), as `init` and `import` list them on
/// stdout for a script to read.
pub(crate) fn created(paths: &[std::path::PathBuf], lang: Lang) -> String {
    let mut text = String::new();
    for path in paths {
        let line = match lang {
            Lang::Zh => format!("已创建 {}\n", path.display()),
            Lang::En => format!("created {}\n", path.display()),
        };
        text.push_str(&line);
    }
    text
}

/// The error that stopped a command, as printed: `error: ` (or `错误：`), its message and its
/// causes. The library's [`disclose::Error`] is worded in `lang`; a command's own message already
/// is; a cause from the operating system reads as the system gives it.
pub(crate) fn fatal(error: &anyhow::Error, lang: Lang) -> String {
    let messages: Vec<String> = error
        .chain()
        .map(|cause| match cause.downcast_ref::<disclose::Error>() {
            Some(error) => error.message(lang),
            None => cause.to_string(),
        })
        .collect();
    super::pick(
        lang,
        format!("error: {}", messages.join(": ")),
        format!("错误：{}", messages.join("：")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fatal_error_reads_in_either_language_with_its_cause() {
        let error = anyhow::Error::from(disclose::Error::Read {
            path: "data/x.csv".into(),
            source: io::Error::other("Permission denied"),
        });
        assert_eq!(
            fatal(&error, Lang::En),
            "error: cannot read `data/x.csv`: Permission denied"
        );
        assert_eq!(format!("error: {error:#}"), fatal(&error, Lang::En));
        assert_eq!(
            fatal(&error, Lang::Zh),
            "错误：无法读取 `data/x.csv`：Permission denied"
        );
    }
}
