# Export every group of order <= MAXN from GAP's SmallGroups library (Besche, Eick,
# O'Brien) for plrep: library id, a small-degree faithful permutation representation,
# order, number of conjugacy classes, number of conjugacy classes of subgroups, and
# GAP's StructureDescription. Regenerate data/smallgroups.json with (from the repository
# root):
#
#   gap -q -b data/smallgroups.g < /dev/null
#
# One JSON object per line inside a JSON array (so that diffs stay readable). GAP is
# needed only to regenerate the file, not to use plrep.

MAXN := 100;
OUT := "data/smallgroups.json";

# A faithful permutation group on [1..m], m as small as GAP's heuristic finds.
SmallPerm := function(G)
  local H, pts;
  H := Image(IsomorphismPermGroup(G));
  H := Image(SmallerDegreePermutationRepresentation(H));
  pts := MovedPoints(H);
  if Length(pts) > 0 and pts <> [1 .. Length(pts)] then
    H := Action(H, pts);
  fi;
  return H;
end;

Quote := s -> Concatenation("\"", s, "\"");

out := OutputTextFile(OUT, false);
SetPrintFormattingStatus(out, false);
WriteAll(out, "[\n");
first := true;
for n in [1 .. MAXN] do
  for i in [1 .. NrSmallGroups(n)] do
    G := SmallGroup(n, i);
    H := SmallPerm(G);
    gens := SmallGeneratingSet(H);
    if Length(gens) = 0 then gens := [()]; fi;
    deg := Maximum(1, LargestMovedPoint(H));
    if Size(H) <> n then Error("wrong order for ", [n, i]); fi;
    line := Concatenation(
      "{\"id\":[", String(n), ",", String(i), "]",
      ",\"order\":", String(n),
      ",\"degree\":", String(deg),
      ",\"classes\":", String(NrConjugacyClasses(G)),
      ",\"subgroup_classes\":", String(Length(ConjugacyClassesSubgroups(G))),
      ",\"structure\":", Quote(StructureDescription(G)),
      ",\"generators\":[", JoinStringsWithSeparator(List(gens, g -> Quote(String(g))), ","), "]}");
    if not first then WriteAll(out, ",\n"); fi;
    first := false;
    WriteAll(out, line);
  od;
od;
WriteAll(out, "\n]\n");
CloseStream(out);
QUIT;
