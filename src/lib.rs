//! clauseguard: keep the agency's intellectual property when a client's contract tries to take
//! it. Everything here is plain Rust callable from tests and the CLI; `tui` is a thin layer on top.

pub mod analysis;
pub mod atomic;
pub mod audit;
pub mod cli;
pub mod compare;
pub mod demo;
pub mod diff;
pub mod engagement;
pub mod fee;
pub mod hash;
pub mod ingest;
pub mod issues_list;
pub mod library;
pub mod reading;
pub mod redline;
pub mod registry;
pub mod report;
pub mod review;
pub mod segment;
pub mod session;
pub mod text;
pub mod tui;
pub mod workspace;
