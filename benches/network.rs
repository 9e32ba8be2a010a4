//! Benchmark of the network analysis: depth-4 networks on regular modules, every source
//! (the issue-10 target: a group of order <= 200 under a second), with the figures
//! reported in docs/cli.md.

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::network::{analyze, Network, NetworkOptions};
use plrep::pl::{Activation, Bias, GroupData};

fn bench(c: &mut Criterion) {
    let lim = Limits::default();
    let mut g = c.benchmark_group("network depth 4, regular, every source");
    g.sample_size(10);
    for name in ["S5", "D100", "C60", "C200"] {
        let d = GroupData::new(&parse_group(name).unwrap(), &lim).unwrap();
        let reg = ActionSpec::parse("regular").unwrap();
        let net = Network::new(&d, &vec![reg; 5], &lim).unwrap();
        let srcs: Vec<Vec<usize>> = net.simples_of(0).into_iter().map(|l| vec![l]).collect();
        let opts = NetworkOptions::new(Activation::Relu, Bias::None);
        g.bench_function(name, |b| b.iter(|| analyze(&net, &opts, &srcs).unwrap()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
