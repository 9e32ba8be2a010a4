//! The catalog of named groups: families (`C<n>`, `D<2n>`, `Q<4n>`, `S<n>`, `A<n>`,
//! `PSL(2,p)`), direct products, and named groups kept in `data/`.
//!
//! STUB: to be written.
