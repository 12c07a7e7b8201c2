//! The dev server: watch, incremental rebuild, live reload.
