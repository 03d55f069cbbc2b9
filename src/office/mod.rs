//! What the disclosure office runs around the pipeline: starting a new year ([`init`]), starting
//! from a report already published ([`import`]) and seeing who has submitted ([`status`]). Built on the stages; no stage imports it.

pub mod import;
pub mod init;
pub mod status;
