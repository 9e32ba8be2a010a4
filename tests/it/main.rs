//! The integration tests, one binary (one `mod` per area keeps link time low).

mod arith;
mod character;
mod cli;
mod enumerate;
mod examples;
mod fourier;
mod gallery;
mod graphs;
mod group;
mod gset;
mod lattice;
mod network;
mod real;
mod report;
mod solver;
mod spec;
mod subgroups;
mod survey;
mod modules;
mod hom;
