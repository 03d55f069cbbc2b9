//! Printing shared by the commands: findings on stderr, output on stdout.

use std::io::{self, Write};

use disclose::Diagnostics;
use disclose::findings;
use disclose::findings::sources::Sources;

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
