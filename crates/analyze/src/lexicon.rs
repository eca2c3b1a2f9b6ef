//! Word lists shared by several stages (speech verbs, weekday and month names).
