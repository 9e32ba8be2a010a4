//! `M24`'s character table by the route without enumeration, at the default limits
//! (docs/theory.md §26): the ATLAS's degrees, and the permutation character on 24
//! points (fixed points minus one, counted on the representatives independently of
//! the table) as the second row.

use plrep::character::rootsum::RootSum;
use plrep::character::CharacterTable;
use plrep::group::Limits;

#[test]
fn m24_table_at_the_default_limits() {
    let g = plrep::group::catalog::lookup("M24").unwrap();
    let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
    let degrees: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
    // Conway et al., ATLAS of Finite Groups (1985), p. 96.
    assert_eq!(
        degrees,
        [
            1, 23, 45, 45, 231, 231, 252, 253, 483, 770, 770, 990, 990, 1035, 1035, 1035, 1265,
            1771, 2024, 2277, 3312, 3520, 5313, 5544, 5796, 10395
        ]
    );
    for (i, rep) in t.reps.iter().enumerate() {
        let fixed = rep
            .images()
            .iter()
            .enumerate()
            .filter(|&(x, &y)| x as u32 == y)
            .count() as i64;
        assert_eq!(
            t.characters[1].values[i],
            RootSum::integer(fixed - 1).to_cyclotomic(),
            "class {i}"
        );
    }
}
