use plrep::character::{CharacterTable, RealSimples};
use plrep::report::lattice::*;
fn main() {
    for name in ["D8", "S4"] {
        let g = plrep::group::spec::parse_group(name).unwrap();
        let t = CharacterTable::compute(&g, &Default::default()).unwrap();
        let r = RealSimples::from_table(&t);
        let l = normal_lattice(&t, &r);
        println!("{}", lattice_text(name, &t, &r, &l));
        if name == "D8" {
            std::fs::write(
                "/tmp/d8.svg",
                l.drawing("Normal subgroups of D8 (order 8)").to_svg(),
            )
            .unwrap();
        }
    }
}
