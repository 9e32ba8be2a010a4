//! The integration tests, one binary (one `mod` per area keeps link time low).

mod arith;
mod atlas;
mod certify;
mod character;
mod cli;
mod compare;
mod docs;
mod enumerate;
mod examples;
mod export;
mod fourier;
mod gallery;
mod graphs;
mod group;
mod gset;
mod hom;
mod lattice;
mod modules;
mod ntheory;
mod real;
mod report;
mod solver;
mod spec;
mod stabchain;
mod subgroups;
mod survey;
