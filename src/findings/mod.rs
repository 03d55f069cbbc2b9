//! Findings: what is wrong with the data, which rule says so, how it is worded and printed.
//!
//! A [`diagnostic::Diagnostic`] is collected, never thrown; its kind is a [`problem::Problem`],
//! worded in both languages by [`wording`]; its rule comes from the registry in [`rules`]; its
//! place is resolved to a line and column by [`sources`] only when it is shown, and printed by
//! [`print`]. A fatal [`error::Error`] (a folder that cannot be read) is a different type: it
//! stops the run.

pub mod diagnostic;
pub mod error;
pub mod print;
pub mod problem;
pub mod rules;
pub mod sources;
pub mod suggest;
pub mod wording;
