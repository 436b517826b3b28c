//! Dates as the index keeps them (YYYYMMDD numbers): the core library's one date module.

pub use policymatch_core::dates::{add_days, civil, number, parse_iso as parse, today, year_start};
