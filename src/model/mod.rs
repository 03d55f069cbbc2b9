//! The year's model: what [`crate::read`] produces and every later stage reads.
//!
//! The office's facts ([`facts`]), every department's submission ([`submission`]), the
//! checklist and the outline the year follows, the State Council forms, and where every value
//! was written ([`location`]). Nothing here reads a file or knows a rule: it sits below every
//! stage, with the few text helpers the stages share ([`chinese`], [`decode`]).

pub mod checklist;
pub mod chinese;
pub mod decode;
pub mod facts;
pub mod figure_ref;
pub mod forms;
pub mod level;
pub mod location;
pub mod outline;
pub mod paragraph;
pub mod phrase;
pub mod placement;
pub mod submission;
pub mod typography;
pub mod year;
