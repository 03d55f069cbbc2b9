//! Tallying event rows as they are read, without keeping them.
//!
//! A count can be derived from events: the number of a department's events of one channel and
//! item inside the statistics period. Event rows are counted one at a time into per-item
//! tallies, so memory grows with the number of distinct items, not with the number of rows.
//! Events outside the period are not counted; the first few are reported one by one and the rest
//! summarised, so a misdated export does not flood the output.

use std::path::Path;
use std::sync::Arc;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::model::submission::{Department, EventTally};
use crate::model::year::Period;
use crate::read::rows::Event;

/// How many out-of-period events of one file are reported one by one.
const SHOWN: u64 = 3;

/// Counts events into a department's tallies and reports those outside the period.
pub(crate) struct EventSink {
    period: Period,
    file: Option<Arc<Path>>,
    outside: u64,
    summary: Option<(Location, String)>,
}

impl EventSink {
    /// A sink for events of `period`.
    pub(crate) fn new(period: Period) -> Self {
        EventSink {
            period,
            file: None,
            outside: 0,
            summary: None,
        }
    }

    /// Counts one event.
    pub(crate) fn add(
        &mut self,
        diags: &mut Diagnostics,
        department: &mut Department,
        event: Event,
    ) {
        let location = event.date.location.clone();
        if self.file.as_ref() != Some(&location.file) {
            self.finish_file(diags);
            self.file = Some(location.file.clone());
        }
        let tally = department
            .events
            .entry((event.channel, event.item))
            .or_insert_with(|| EventTally {
                in_period: 0,
                outside: 0,
                first: location.clone(),
            });
        if self.period.contains(event.date.value) {
            tally.in_period += 1;
            return;
        }
        tally.outside += 1;
        self.outside += 1;
        let date = event.date.value.to_string();
        if self.outside <= SHOWN {
            diags.push(
                Problem::OutsidePeriod {
                    date,
                    period: self.period.to_string(),
                    more: 0,
                },
                location,
            );
        } else if self.outside == SHOWN + 1 {
            self.summary = Some((location, date));
        }
    }

    /// Reports the summary of the current file's remaining out-of-period events.
    pub(crate) fn finish_file(&mut self, diags: &mut Diagnostics) {
        if let Some((location, date)) = self.summary.take() {
            diags.push(
                Problem::OutsidePeriod {
                    date,
                    period: self.period.to_string(),
                    more: self.outside - SHOWN - 1,
                },
                location,
            );
        }
        self.outside = 0;
        self.file = None;
    }
}
