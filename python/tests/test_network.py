"""Group.network: certified reachability through equivariant layers, against the CLI."""

import json
import subprocess

import pytest

import plrep

REGULAR3 = ["regular", "regular", "regular"]


def cli_json(plrep_bin, *args):
    out = subprocess.run([plrep_bin, "network", *args, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def c8():
    return plrep.Group("C8").network(REGULAR3, activation="relu")


def test_c8_l1_reaches_l3_at_depth_two_not_one(c8):
    assert c8.certified and c8.depth == 2
    assert c8.sources == ["L0", "L1", "L2", "L3", "L4"]
    assert "L3" not in c8.reached("L1", 1)
    assert "L3" in c8.reached("L1", 2)
    assert c8.first_depth("L1", "L3") == 2
    assert c8.first_depth(["L1"], "L3") == 2
    # The trivial source stays trivial: no bias, so never anything else.
    assert c8.first_depth("L0", "L1") is None
    s = c8.summary()
    w = s["L1"][2]["reached"]["L3"]
    assert w["value"] not in (None, "0") and w["point_label"]
    assert "L3" in s["L1"][1]["excluded"]
    assert isinstance(s["L1"][1]["excluded"]["L3"], str) and s["L1"][1]["excluded"]["L3"]
    assert s["L1"][1]["unresolved"] == [] and s["L1"][2]["unresolved"] == []


def test_depth_table_matches_the_cli_table(c8):
    t = c8.depth_table()
    assert t["L1"] == {"L0": 1, "L1": 1, "L2": 1, "L3": 2, "L4": 1}
    assert t["L3"] == {"L0": 1, "L1": 2, "L2": 1, "L3": 1, "L4": 1}
    assert t["L4"] == {"L0": 1, "L1": None, "L2": None, "L3": None, "L4": 1}
    raw = c8.depth_table(raw=True)
    assert raw["L0"]["L1"] == "never*" and raw["L1"]["L3"] == "2"


def test_result_equals_the_cli(plrep_bin, c8):
    assert c8.to_dict() == cli_json(plrep_bin, "C8", "--depth", "2", "--certify")
    g = plrep.Group("C8")
    plain = g.network(REGULAR3, certify=False)
    assert plain.to_dict() == cli_json(plrep_bin, "C8", "--depth", "2")
    assert json.loads(plain.to_json()) == plain.to_dict()


def test_joint_source_and_bias_match_the_cli(plrep_bin):
    g = plrep.Group("S4")
    r = g.network(["natural", "subsets:2", "natural"], activation="abs", bias="1/2",
                  sources=["L0", "L4"])
    assert r.sources == ["L0,L4"]
    assert r.to_dict() == cli_json(plrep_bin, "S4", "--layers", "natural; subsets:2; natural",
                                   "--activation", "abs", "--bias", "1/2", "--from", "L0,L4",
                                   "--certify")
    generic = g.network(["natural", "natural"], bias="generic", certify=False)
    assert generic.to_dict() == cli_json(plrep_bin, "S4", "--action", "natural", "--depth", "1",
                                         "--bias", "generic")
    # A per-orbit list with one orbit is the same network as that single value.
    a = g.network(["natural", "natural"], bias=[1], certify=False).to_dict()
    b = g.network(["natural", "natural"], bias=1, certify=False).to_dict()
    assert a["sources"] == b["sources"]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        (dict(layers=["regular", "bogus"]), "unknown action 'bogus'"),
        (dict(layers=["regular"]), "a network needs an input layer"),
        (dict(layers=REGULAR3, bias=[1, 2]), "layer 1 (regular) has 1 orbit"),
        (dict(layers=REGULAR3, bias=[]), "bias list is empty"),
        (dict(layers=REGULAR3, bias="x"), "bad bias 'x'"),
        (dict(layers=REGULAR3, sources=["L9"]), "unknown simple 'L9'"),
        (dict(layers=REGULAR3, sources=[]), "sources is an empty list"),
        (dict(layers=REGULAR3, activation="tanhh"), "tanhh"),
        (dict(layers=REGULAR3, seeds=0), "seeds=0"),
    ],
)
def test_bad_input_is_a_value_error(kwargs, message):
    with pytest.raises(ValueError) as e:
        plrep.Group("C8").network(**kwargs)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_source_not_in_layer_0_and_bad_queries():
    g = plrep.Group("S4")
    with pytest.raises(ValueError, match="does not occur in layer 0"):
        g.network(["natural", "natural"], sources=["L2"])
    r = g.network(["natural", "natural"], certify=False)
    with pytest.raises(ValueError, match="not a source"):
        r.reached("L2", 1)
    with pytest.raises(ValueError, match="no depth 2"):
        r.reached("L4", 2)
    with pytest.raises(ValueError, match="unknown target"):
        r.first_depth("L4", "L9")


def test_until_stable_matches_the_cli(plrep_bin):
    r = plrep.Group("C8").network(["regular"] * 5, until_stable=True)
    cli = cli_json(plrep_bin, "C8", "--action", "regular", "--depth", "4", "--until-stable",
                   "--certify")
    assert r.to_dict() == cli
    assert r.depth == cli["depth"] < 4
    with pytest.raises(ValueError, match="until_stable needs equal layers"):
        plrep.Group("C8").network(["regular", "natural"], until_stable=True)
