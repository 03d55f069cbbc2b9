//! What the disclosure office runs around the pipeline: starting a new year ([`init`]) and
//! seeing who has submitted ([`status`]). Built on the stages; no stage imports it.

pub mod init;
pub mod status;
