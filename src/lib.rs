//! balise: one live map of everything that occupies public space in a commune.
//!
//! See ARCHITECTURE.md for the bird's-eye view. In short: `model` holds the rules (no
//! I/O), `store` the SQL, `index` the live R*-tree, `app` the write path that keeps the
//! three consistent, `api` the HTTP surface, `web` the citizen pages, `transfer` the
//! imports and exports.

pub mod accounts;
pub mod api;
pub mod app;
pub mod clock;
pub mod config;
pub mod conflicts;
pub mod cpu;
pub mod crs;
pub mod demo;
pub mod error;
pub mod fixtures;
pub mod index;
pub mod mail;
pub mod metrics;
pub mod model;
pub mod notices;
pub mod policy;
pub mod server;
pub mod store;
pub mod styles;
pub mod tasks;
pub mod tiles;
pub mod transfer;
pub mod triage;
pub mod web;
pub mod wire;
