//! The integration tests, one binary (one `mod` per area keeps link time low).

mod arith;
mod atlas;
mod certify;
mod compare;
mod docs;
mod character;
mod cli;
mod enumerate;
mod examples;
mod export;
mod fourier;
mod gallery;
mod graphs;
mod group;
mod gset;
mod lattice;
mod real;
mod report;
mod solver;
mod ntheory;
mod spec;
mod stabchain;
mod subgroups;
mod survey;
mod modules;
mod hom;
