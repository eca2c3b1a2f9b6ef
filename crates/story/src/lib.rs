//! Stories (work in progress).
