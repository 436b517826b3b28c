//! Intent cues: what a passage states (a goal, an initiative, a decision, funding or a
//! consultation). The cues live in [`policymatch_core::intent`], which indexing uses to
//! store each passage's [`Marks`]; they are re-exported here for the matcher's users.

pub use policymatch_core::intent::{CIVIL_SOCIETY, Cue, Intent, Marks, detect, sentences};
