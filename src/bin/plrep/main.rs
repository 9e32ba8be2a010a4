//! The `plrep` command line (thin: parse, call the library, print).

fn main() {
    println!("plrep: skeleton");
}
