//! The current time, at the millisecond precision both backends store, so that what is
//! written and what is read back compare equal.

use chrono::{DateTime, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}
