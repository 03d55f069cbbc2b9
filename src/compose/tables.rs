//! The State Council template's tables: disclosure requests by applicant and outcome (三), and
//! administrative reconsiderations and lawsuits (四).

use crate::report::Block;
use crate::submission::Submissions;

/// Adds table 三.
pub(super) fn requests(_subs: &Submissions, _draft: bool, _blocks: &mut Vec<Block>) {}

/// Adds table 四.
pub(super) fn reviews(_subs: &Submissions, _draft: bool, _blocks: &mut Vec<Block>) {}
