//! Ingest (work in progress).
